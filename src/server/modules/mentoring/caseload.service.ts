import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import { monthRange } from '../../../shared/dates.js';
import { compareUrgency, type Urgency } from '../../../shared/mentoring.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { requireAccess, scopeCondition, scopeOf, scopeOperatorIds } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { todayWib } from '../participants/journey.service.js';
import { businesses, mentorAssignments, people } from '../participants/participants.schema.js';
import type { RegionsService } from '../regions/regions.service.js';
import { caseFacts, summarize, withUrgency } from './caseload-facts.js';
import { loadMentors, mentorCounts, mentorCovers, mentorKey, mentorVisible } from './mentor-directory.js';
import { mentoringSessions } from './mentoring.schema.js';

export type CaseloadQuery = {
  mentorUserId?: string;
  operatorId?: string;
  districtCode?: string;
  urgency?: Urgency;
  notContactedDays?: number;
  page: number;
  pageSize: number;
  /** Today (WIB) for the urgency rule; tests pin it. */
  today?: string;
};

export type StatsQuery = { operatorId?: string; month?: string; districtCode?: string; today?: string };

/** Whether the actor holds a permission anywhere (a coordinator manages; a mentor does not). */
function holds(actor: Actor | undefined, permission: Permission): boolean {
  try {
    scopeOf(actor, permission);
    return true;
  } catch {
    return false;
  }
}

/** A mentor sees only their own caseload; anyone who manages mentoring sees the mentors of their area. */
function ownOnly(actor: Actor | undefined): string | undefined {
  if (holds(actor, 'mentoring.manage') || actor?.kind !== 'user') return undefined;
  return actor.userId;
}

/**
 * "Nobody falls through": the caseload sorted by urgency (overdue follow-ups, members not contacted, overdue and
 * open actions), and each mentor's hours and contacts per month for the coordinator.
 */
export function makeCaseloadService(db: Db, deps: { regions: RegionsService }) {
  return {
    async caseload(actor: Actor | undefined, q: CaseloadQuery) {
      const scope = requireAccess(actor, 'mentoring.read');
      const today = q.today ?? todayWib();
      const mentorUserId = ownOnly(actor) ?? q.mentorUserId;
      const where: SQL[] = [scopeCondition(scope, people.operatorId, people.domicileDistrictCode)];
      if (mentorUserId) where.push(eq(mentorAssignments.mentorUserId, mentorUserId));
      if (q.operatorId) where.push(eq(people.operatorId, q.operatorId));
      if (q.districtCode) where.push(eq(people.domicileDistrictCode, q.districtCode));
      const cases = withUrgency(await caseFacts(db, and(...where), today), today, q.notContactedDays);
      const summary = summarize(cases);
      const listed = (q.urgency ? cases.filter((c) => c.urgency === q.urgency) : cases).sort(
        (a, b) => compareUrgency(a, b) || a.fullName.localeCompare(b.fullName) || a.personId.localeCompare(b.personId),
      );
      const page = listed.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const ids = page.map((c) => c.personId);
      const mentorIds = [...new Set(page.map((c) => c.mentorUserId))];
      const [names, owned, mentors] = await Promise.all([
        deps.regions.names(page.flatMap((c) => [c.districtCode, c.villageCode])),
        ids.length
          ? db
              .select({ personId: businesses.personId, name: businesses.name })
              .from(businesses)
              .where(inArray(businesses.personId, ids))
              .orderBy(businesses.createdAt, businesses.id)
          : Promise.resolve([]),
        mentorIds.length
          ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, mentorIds))
          : Promise.resolve([]),
      ]);
      return {
        items: page.map((c) => ({
          personId: c.personId,
          fullName: c.fullName,
          phone: c.phone,
          districtName: names.get(c.districtCode) ?? null,
          villageName: names.get(c.villageCode) ?? null,
          businessName: owned.find((b) => b.personId === c.personId)?.name ?? null,
          mentorUserId: c.mentorUserId,
          mentorName: mentors.find((m) => m.id === c.mentorUserId)?.name ?? '',
          since: c.since,
          lastContactOn: c.lastContactOn,
          daysSinceContact: c.daysSinceContact,
          nextFollowUpOn: c.nextFollowUpOn,
          followUpOverdueDays: c.followUpOverdueDays,
          openActions: c.openActions,
          overdueActions: c.overdueActions,
          urgency: c.urgency,
          score: c.score,
        })),
        total: listed.length,
        summary,
      };
    },

    /** Per mentor and month (WIB days): sessions, distinct members contacted, contact and preparation hours. */
    async stats(actor: Actor | undefined, q: StatsQuery) {
      const scope = requireAccess(actor, 'mentoring.read');
      const today = q.today ?? todayWib();
      const month = q.month ?? today.slice(0, 7);
      const { from, to } = monthRange(month);
      const ops = scopeOperatorIds(scope);
      if (q.operatorId && ops && !ops.includes(q.operatorId))
        throw AppError.notFound({ id: 'Operator', en: 'Operator' });
      const own = ownOnly(actor);
      const mentors = (
        await loadMentors(db, { operatorIds: q.operatorId ? [q.operatorId] : ops, userIds: own ? [own] : undefined })
      ).filter((m) => (own || mentorVisible(scope, m)) && (!q.districtCode || mentorCovers(m, q.districtCode)));
      const userIds = [...new Set(mentors.map((m) => m.userId))];
      const operatorIds = [...new Set(mentors.map((m) => m.operatorId))];
      const [counts, worked] = await Promise.all([
        mentorCounts(db, mentors, today),
        userIds.length
          ? db
              .select({
                operatorId: mentoringSessions.operatorId,
                userId: mentoringSessions.mentorUserId,
                sessions: sql<number>`count(*)::int`,
                contacts: sql<number>`count(distinct ${mentoringSessions.personId})::int`,
                contactHours: sql<number>`coalesce(sum(${mentoringSessions.contactHours}), 0)::float8`,
                prepHours: sql<number>`coalesce(sum(${mentoringSessions.prepHours}), 0)::float8`,
              })
              .from(mentoringSessions)
              .where(
                and(
                  inArray(mentoringSessions.mentorUserId, userIds),
                  inArray(mentoringSessions.operatorId, operatorIds),
                  gte(mentoringSessions.heldOn, from),
                  lte(mentoringSessions.heldOn, to),
                ),
              )
              .groupBy(mentoringSessions.operatorId, mentoringSessions.mentorUserId)
          : Promise.resolve([]),
      ]);
      const items = mentors.map((m) => {
        const c = counts.get(mentorKey(m.operatorId, m.userId))!;
        const w = worked.find((x) => x.operatorId === m.operatorId && x.userId === m.userId);
        return {
          userId: m.userId,
          operatorId: m.operatorId,
          name: m.name,
          caseload: c.caseload,
          capacity: m.capacity,
          recruitmentTarget: m.recruitmentTarget,
          recruited: c.recruited,
          sessions: w?.sessions ?? 0,
          contacts: w?.contacts ?? 0,
          contactHours: w?.contactHours ?? 0,
          prepHours: w?.prepHours ?? 0,
          overdueFollowUps: c.overdue,
        };
      });
      const sum = (
        k: 'caseload' | 'recruited' | 'sessions' | 'contacts' | 'contactHours' | 'prepHours' | 'overdueFollowUps',
      ) => items.reduce((n, i) => n + i[k], 0);
      return {
        month,
        items,
        totals: {
          mentors: items.length,
          caseload: sum('caseload'),
          recruited: sum('recruited'),
          sessions: sum('sessions'),
          contacts: sum('contacts'),
          contactHours: sum('contactHours'),
          prepHours: sum('prepHours'),
          overdueFollowUps: sum('overdueFollowUps'),
        },
      };
    },
  };
}

export type CaseloadService = ReturnType<typeof makeCaseloadService>;
