import { and, eq, ilike, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { regionWithin } from '../../../shared/access.js';
import { mentorDefaults } from '../../../shared/mentoring.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Scope } from '../access/access.js';
import { roleAssignments } from '../access/access.schema.js';
import { operators } from '../operators/operators.schema.js';
import { mentorAssignments, people } from '../participants/participants.schema.js';
import { mentoringSessions, mentorProfiles } from './mentoring.schema.js';

/**
 * Who the mentors (pendamping) of an operator are: every active user holding the `mentor` role there, with their
 * profile (or its defaults when none was saved) and the numbers a coordinator judges them by. One row per
 * (operator, user): a person may mentor for two operators.
 */
export type MentorEntry = {
  operatorId: string;
  userId: string;
  name: string;
  phone: string | null;
  email: string | null;
  locale: string;
  /** Role region prefixes at the operator; null is the operator's whole area. */
  rolePrefixes: Array<string | null>;
  serviceArea: string[];
  expertise: string[];
  sectors: string[];
  districtCodes: string[];
  capacity: number;
  recruitmentTarget: number | null;
  contactEveryDays: number;
  active: boolean;
};

export type MentorCounts = { caseload: number; recruited: number; overdue: number };

export const mentorKey = (operatorId: string, userId: string) => `${operatorId}:${userId}`;

/** The kecamatan a mentor works in: the profile's coverage, else the role's regions (null: the whole operator). */
export function coverageOf(m: Pick<MentorEntry, 'districtCodes' | 'rolePrefixes'>): Array<string | null> {
  return m.districtCodes.length ? m.districtCodes : m.rolePrefixes;
}

const overlaps = (a: string | null, b: string | null) =>
  a === null || b === null || regionWithin(a, b) || regionWithin(b, a);

/** Whether a mentor's coverage meets a region (a kecamatan filter, a coordinator's prefix). */
export function mentorCovers(m: MentorEntry, region: string | null): boolean {
  return coverageOf(m).some((c) => overlaps(c, region));
}

/** A coordinator sees the mentors working in their region; a program admin all of the operator's. */
export function mentorVisible(scope: Scope, m: MentorEntry): boolean {
  if (scope.all) return true;
  return scope.areas.some((a) => a.operatorId === m.operatorId && mentorCovers(m, a.regionPrefix));
}

/** May this mentor take a member living in `districtCode`? Their role region decides, as for any grant. */
export function mentorMayServe(m: MentorEntry, districtCode: string): boolean {
  return m.rolePrefixes.some((p) => p === null || regionWithin(districtCode, p));
}

/** The mentors of some operators (all when `operatorIds` is undefined), optionally only some users or a name. */
export async function loadMentors(
  db: DbOrTx,
  filter: { operatorIds?: string[]; userIds?: string[]; q?: string },
): Promise<MentorEntry[]> {
  if (filter.operatorIds?.length === 0 || filter.userIds?.length === 0) return [];
  const where: SQL[] = [eq(roleAssignments.role, 'mentor'), eq(user.active, true)];
  if (filter.operatorIds) where.push(inArray(roleAssignments.operatorId, filter.operatorIds));
  if (filter.userIds) where.push(inArray(roleAssignments.userId, filter.userIds));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(user.name, like), ilike(user.email, like), ilike(user.phoneNumber, like))!);
  }
  const rows = await db
    .select({
      operatorId: roleAssignments.operatorId,
      prefix: roleAssignments.regionPrefix,
      userId: user.id,
      name: user.name,
      phone: user.phoneNumber,
      email: user.email,
      locale: user.locale,
      serviceArea: operators.serviceArea,
      profile: mentorProfiles,
    })
    .from(roleAssignments)
    .innerJoin(user, eq(user.id, roleAssignments.userId))
    .innerJoin(operators, eq(operators.id, roleAssignments.operatorId))
    .leftJoin(
      mentorProfiles,
      and(eq(mentorProfiles.userId, roleAssignments.userId), eq(mentorProfiles.operatorId, roleAssignments.operatorId)),
    )
    .where(and(...where))
    .orderBy(user.name, user.id);
  const byKey = new Map<string, MentorEntry>();
  for (const r of rows) {
    const key = mentorKey(r.operatorId!, r.userId);
    const seen = byKey.get(key);
    if (seen) {
      seen.rolePrefixes.push(r.prefix);
      continue;
    }
    const p = r.profile;
    byKey.set(key, {
      operatorId: r.operatorId!,
      userId: r.userId,
      name: r.name,
      phone: r.phone,
      email: r.email,
      locale: r.locale,
      rolePrefixes: [r.prefix],
      serviceArea: r.serviceArea,
      expertise: p?.expertise ?? [],
      sectors: p?.sectors ?? [],
      districtCodes: p?.districtCodes ?? [],
      capacity: p?.capacity ?? mentorDefaults.capacity,
      recruitmentTarget: p?.recruitmentTarget ?? null,
      contactEveryDays: p?.contactEveryDays ?? mentorDefaults.contactEveryDays,
      active: p?.active ?? true,
    });
  }
  return [...byKey.values()];
}

/**
 * Caseload (current members), recruits (people they registered) and overdue follow-ups per mentor, in three grouped
 * queries whatever the number of mentors. A follow-up is overdue when the member's last session set a date before today.
 */
export async function mentorCounts(
  db: DbOrTx,
  mentors: Array<Pick<MentorEntry, 'operatorId' | 'userId'>>,
  today: string,
): Promise<Map<string, MentorCounts>> {
  const out = new Map<string, MentorCounts>(
    mentors.map((m) => [mentorKey(m.operatorId, m.userId), { caseload: 0, recruited: 0, overdue: 0 }]),
  );
  if (mentors.length === 0) return out;
  const userIds = [...new Set(mentors.map((m) => m.userId))];
  const operatorIds = [...new Set(mentors.map((m) => m.operatorId))];
  const lastFollowUp = sql`(select ${mentoringSessions.nextFollowUpOn} from ${mentoringSessions}
    where ${mentoringSessions.personId} = ${mentorAssignments.personId}
    order by ${mentoringSessions.heldOn} desc, ${mentoringSessions.createdAt} desc limit 1)`;
  const [loads, recruits] = await Promise.all([
    db
      .select({
        operatorId: mentorAssignments.operatorId,
        userId: mentorAssignments.mentorUserId,
        caseload: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${lastFollowUp} < ${today}))::int`,
      })
      .from(mentorAssignments)
      .innerJoin(people, eq(people.id, mentorAssignments.personId))
      .where(
        and(
          isNull(mentorAssignments.until),
          ne(people.status, 'merged'),
          inArray(mentorAssignments.mentorUserId, userIds),
          inArray(mentorAssignments.operatorId, operatorIds),
        ),
      )
      .groupBy(mentorAssignments.operatorId, mentorAssignments.mentorUserId),
    db
      .select({ operatorId: people.operatorId, userId: people.registeredBy, n: sql<number>`count(*)::int` })
      .from(people)
      .where(
        and(
          inArray(people.registeredBy, userIds),
          inArray(people.operatorId, operatorIds),
          ne(people.status, 'merged'),
        ),
      )
      .groupBy(people.operatorId, people.registeredBy),
  ]);
  for (const l of loads) {
    const c = out.get(mentorKey(l.operatorId, l.userId));
    if (c) Object.assign(c, { caseload: l.caseload, overdue: l.overdue });
  }
  for (const r of recruits) {
    const c = out.get(mentorKey(r.operatorId, r.userId!));
    if (c) c.recruited = r.n;
  }
  return out;
}
