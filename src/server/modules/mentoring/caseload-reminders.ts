import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import type { Db } from '../../platform/db/client.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { todayWib } from '../participants/journey.service.js';
import { mentorAssignments } from '../participants/participants.schema.js';
import { remindersSent } from '../reminders/reminders.schema.js';
import { caseFacts, summarize, withUrgency } from './caseload-facts.js';
import { wibInstant } from './clinic-slots.service.js';
import { loadMentors, mentorKey } from './mentor-directory.js';
import { clinicBookings, clinicSlots } from './mentoring.schema.js';

type Digest = { overdueFollowUps: number; notContacted: number; overdueActions: number; clinicToday: number };

/**
 * The mentors' morning message: for each active mentor with anything urgent, one digest (overdue follow-ups, members
 * not contacted, overdue actions, clinic bookings today) with a link to their caseload. Idempotent per mentor and
 * day through `reminders_sent` (`caseload:<userId>:<date>`), so a job run twice, or on two workers, sends once.
 */
export async function sendMentorDigests(
  db: Db,
  deps: { notifications: Notifications; baseUrl: string },
  today: string = todayWib(),
): Promise<{ sent: number; skipped: number }> {
  const mentors = (await loadMentors(db, {})).filter((m) => m.active);
  const active = new Set(mentors.map((m) => mentorKey(m.operatorId, m.userId)));
  const digests = new Map<string, Digest>();
  const digestOf = (userId: string) => {
    const d = digests.get(userId) ?? { overdueFollowUps: 0, notContacted: 0, overdueActions: 0, clinicToday: 0 };
    digests.set(userId, d);
    return d;
  };

  // One operator at a time keeps the narrow caseload rows of a large installation out of memory all at once.
  const operatorIds = await db
    .selectDistinct({ id: mentorAssignments.operatorId })
    .from(mentorAssignments)
    .where(isNull(mentorAssignments.until));
  for (const { id } of operatorIds) {
    const cases = withUrgency(await caseFacts(db, eq(mentorAssignments.operatorId, id), today), today);
    for (const userId of new Set(cases.map((c) => c.mentorUserId))) {
      if (!active.has(mentorKey(id, userId))) continue;
      const s = summarize(cases.filter((c) => c.mentorUserId === userId));
      const d = digestOf(userId);
      d.overdueFollowUps += s.overdueFollowUps;
      d.notContacted += s.notContacted;
      d.overdueActions += s.overdueActions;
    }
  }
  const clinic = await db
    .select({ operatorId: clinicSlots.operatorId, userId: clinicSlots.mentorUserId, n: sql<number>`count(*)::int` })
    .from(clinicSlots)
    .innerJoin(clinicBookings, eq(clinicBookings.slotId, clinicSlots.id))
    .where(
      and(
        isNull(clinicSlots.cancelledAt),
        gte(clinicSlots.startsAt, wibInstant(today, '00:00')),
        lt(clinicSlots.startsAt, wibInstant(addDays(today, 1), '00:00')),
        inArray(clinicBookings.status, ['requested', 'confirmed']),
      ),
    )
    .groupBy(clinicSlots.operatorId, clinicSlots.mentorUserId);
  for (const c of clinic)
    if (c.userId && active.has(mentorKey(c.operatorId, c.userId))) digestOf(c.userId).clinicToday += c.n;

  let sent = 0;
  let skipped = 0;
  for (const [userId, d] of digests) {
    const m = mentors.find((x) => x.userId === userId)!;
    const recipient = m.phone ?? m.email;
    if (!recipient || d.overdueFollowUps + d.notContacted + d.overdueActions + d.clinicToday === 0) continue;
    const queued = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(remindersSent)
        .values({ key: `caseload:${userId}:${today}`, sentOn: today })
        .onConflictDoNothing()
        .returning({ key: remindersSent.key });
      if (!claimed) return false;
      await deps.notifications.enqueue(tx, {
        channel: m.phone ? 'whatsapp' : 'email',
        recipient,
        template: 'mentoring.daily_digest',
        locale: m.locale === 'en' ? 'en' : 'id',
        params: { name: m.name, ...d, url: `${deps.baseUrl}/mentoring` },
        operatorId: m.operatorId,
      });
      return true;
    });
    if (queued) sent++;
    else skipped++;
  }
  return { sent, skipped };
}
