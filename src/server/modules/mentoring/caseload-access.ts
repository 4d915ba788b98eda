import { and, eq, isNull } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { requireAccess, type Scope } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { personTarget } from '../participants/journey.service.js';
import { mentorAssignments, type people } from '../participants/participants.schema.js';

type Person = typeof people.$inferSelect;

export const notInCaseload = () =>
  new AppError('NOT_IN_CASELOAD', {
    id: 'Peserta ini bukan dampingan Anda — minta koordinator menugaskannya kepada Anda dulu',
    en: 'This participant is not in your caseload — ask the coordinator to assign them to you first',
  });

/** A grant over the operator's whole area (a program admin), as opposed to a kecamatan or a caseload. */
export function operatorWide(scope: Scope, operatorId: string): boolean {
  return scope.all || scope.areas.some((a) => a.operatorId === operatorId && a.regionPrefix === null);
}

/** The current mentor of a person, if any. */
export async function currentMentorOf(db: DbOrTx, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ mentorUserId: mentorAssignments.mentorUserId })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.personId, personId), isNull(mentorAssignments.until)));
  return row?.mentorUserId ?? null;
}

/**
 * The rule of the session log: the person must be in the actor's scope (404 otherwise), and a mentor acts only for
 * members currently assigned to them (NOT_IN_CASELOAD); a program admin acts for anyone in the operator.
 */
export async function requireCaseload(
  db: DbOrTx,
  actor: Actor | undefined,
  person: Person,
  permission: Permission = 'mentoring.write',
): Promise<{ scope: Scope; wide: boolean }> {
  const scope = requireAccess(actor, permission, personTarget(person), { id: 'Peserta', en: 'Participant' });
  const wide = operatorWide(scope, person.operatorId);
  if (!wide && (actor?.kind !== 'user' || (await currentMentorOf(db, person.id)) !== actor.userId))
    throw notInCaseload();
  return { scope, wide };
}
