import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { settings } from '../modules/system/system.schema.js';
import type { Db } from './db/client.js';

/**
 * The secret that signs session cookies: SENTRA_SECRET when set, otherwise generated once and kept in the
 * database, so that a fresh install needs no configuration and every app server shares the same secret.
 */
export async function ensureSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(32).toString('base64url');
  await db
    .insert(settings)
    .values({ key: 'auth_secret', value: { secret: generated } })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'auth_secret'));
  return (row.value as { secret: string }).secret;
}
