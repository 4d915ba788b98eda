import { and, desc, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { mentorDefaults, type UrgencyResult, urgencyOf } from '../../../shared/mentoring.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { mentorAssignments, people } from '../participants/participants.schema.js';
import { mentoringActions, mentoringSessions, mentorProfiles } from './mentoring.schema.js';

export type CaseFacts = {
  personId: string;
  fullName: string;
  phone: string | null;
  operatorId: string;
  districtCode: string;
  villageCode: string;
  mentorUserId: string;
  since: string;
  lastContactOn: string | null;
  nextFollowUpOn: string | null;
  openActions: number;
  overdueActions: number;
  oldestOverdueDueOn: string | null;
  contactEveryDays: number;
};

export type CaseState = CaseFacts & UrgencyResult;

/**
 * One narrow row per current assignment matching `where` (conditions on people and mentor_assignments), with the
 * member's last session and open/overdue action counts, in a single query: the per-member parts are lateral
 * subqueries on indexed columns, so the cost grows with the caseload, never with a query per member.
 */
export async function caseFacts(db: DbOrTx, where: SQL | undefined, today: string): Promise<CaseFacts[]> {
  const last = db
    .select({ heldOn: mentoringSessions.heldOn, nextFollowUpOn: mentoringSessions.nextFollowUpOn })
    .from(mentoringSessions)
    .where(eq(mentoringSessions.personId, mentorAssignments.personId))
    .orderBy(desc(mentoringSessions.heldOn), desc(mentoringSessions.createdAt))
    .limit(1)
    .as('last_session');
  const acts = db
    .select({
      open: sql<number>`count(*)::int`.as('open_actions'),
      overdue: sql<number>`(count(*) filter (where ${mentoringActions.dueOn} < ${today}))::int`.as('overdue_actions'),
      oldest: sql<
        string | null
      >`(min(${mentoringActions.dueOn}) filter (where ${mentoringActions.dueOn} < ${today}))::text`.as(
        'oldest_overdue',
      ),
    })
    .from(mentoringActions)
    .where(and(eq(mentoringActions.personId, mentorAssignments.personId), isNull(mentoringActions.doneAt)))
    .as('open_acts');
  const rows = await db
    .select({
      personId: people.id,
      fullName: people.fullName,
      phone: people.phone,
      operatorId: people.operatorId,
      districtCode: people.domicileDistrictCode,
      villageCode: people.domicileVillageCode,
      mentorUserId: mentorAssignments.mentorUserId,
      since: mentorAssignments.since,
      lastContactOn: last.heldOn,
      nextFollowUpOn: last.nextFollowUpOn,
      openActions: acts.open,
      overdueActions: acts.overdue,
      oldestOverdueDueOn: acts.oldest,
      contactEveryDays: mentorProfiles.contactEveryDays,
    })
    .from(mentorAssignments)
    .innerJoin(people, eq(people.id, mentorAssignments.personId))
    .leftJoin(
      mentorProfiles,
      and(
        eq(mentorProfiles.operatorId, mentorAssignments.operatorId),
        eq(mentorProfiles.userId, mentorAssignments.mentorUserId),
      ),
    )
    .leftJoinLateral(last, sql`true`)
    .leftJoinLateral(acts, sql`true`)
    .where(and(isNull(mentorAssignments.until), ne(people.status, 'merged'), where));
  return rows.map((r) => ({
    ...r,
    openActions: r.openActions ?? 0,
    overdueActions: r.overdueActions ?? 0,
    contactEveryDays: r.contactEveryDays ?? mentorDefaults.contactEveryDays,
  }));
}

/** The urgency of each case; `notContactedDays` (a request's override) beats the mentor's own `contactEveryDays`. */
export function withUrgency(facts: CaseFacts[], today: string, notContactedDays?: number): CaseState[] {
  return facts.map((f) => ({
    ...f,
    ...urgencyOf({ ...f, today, contactEveryDays: notContactedDays ?? f.contactEveryDays }),
  }));
}

/** The counts a caseload is summed up by: members with each problem, and actions. */
export function summarize(cases: CaseState[]) {
  return {
    members: cases.length,
    overdueFollowUps: cases.filter((c) => c.followUpOverdueDays !== null).length,
    notContacted: cases.filter((c) => c.notContacted).length,
    openActions: cases.reduce((n, c) => n + c.openActions, 0),
    overdueActions: cases.reduce((n, c) => n + c.overdueActions, 0),
  };
}
