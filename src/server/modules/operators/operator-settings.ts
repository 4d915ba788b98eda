import { eq } from 'drizzle-orm';
import { type OperatorSettings, settingsOf } from '../../../shared/operator-settings.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { operators } from './operators.schema.js';

/** An operator's settings with the defaults filled in; modules read their rules (permit types, due days) through it. */
export async function loadSettings(db: DbOrTx, operatorId: string): Promise<OperatorSettings> {
  const [row] = await db.select({ settings: operators.settings }).from(operators).where(eq(operators.id, operatorId));
  return settingsOf(row?.settings);
}
