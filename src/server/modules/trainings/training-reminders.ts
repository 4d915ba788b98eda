import { and, eq } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import { longDate } from '../../../shared/trainings.js';
import type { Db } from '../../platform/db/client.js';
import { centers } from '../operators/operators.schema.js';
import { people } from '../participants/participants.schema.js';
import { remindersSent } from '../reminders/reminders.schema.js';
import { recipientColumns } from './seats.js';
import type { Notices } from './training-notices.js';
import { courses, trainingEnrollments, trainingSessions, trainingWaves } from './trainings.schema.js';
import { type Clock, placeOf } from './trainings-common.js';

export const reminderKey = (sessionId: string, personId: string) => `training:${sessionId}:${personId}`;

/**
 * The day-before reminder: one `training.reminder` per member enrolled in a session held tomorrow (WhatsApp, and email
 * when they have one). Each reminder is recorded in `reminders_sent` in the transaction that queues it, so the daily
 * job can run twice, or on two workers, and still send each reminder once.
 */
export function makeTrainingReminders(db: Db, deps: { notices: Notices; clock: Clock }) {
  return async function sendTrainingReminders(today: string = deps.clock.today()) {
    const tomorrow = addDays(today, 1);
    const sessions = await db
      .select({
        session: trainingSessions,
        wave: trainingWaves,
        courseTitle: courses.title,
        centerName: centers.name,
      })
      .from(trainingSessions)
      .innerJoin(trainingWaves, eq(trainingWaves.id, trainingSessions.waveId))
      .innerJoin(courses, eq(courses.id, trainingWaves.courseId))
      .leftJoin(centers, eq(centers.id, trainingWaves.centerId))
      .where(and(eq(trainingSessions.date, tomorrow), eq(trainingWaves.status, 'scheduled')));
    let reminded = 0;
    for (const { session, wave, courseTitle, centerName } of sessions) {
      const members = await db
        .select(recipientColumns)
        .from(trainingEnrollments)
        .innerJoin(people, eq(people.id, trainingEnrollments.personId))
        .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.status, 'enrolled')));
      if (members.length === 0) continue;
      reminded += await db.transaction(async (tx) => {
        const fresh = await tx
          .insert(remindersSent)
          .values(members.map((m) => ({ key: reminderKey(session.id, m.id), sentOn: today })))
          .onConflictDoNothing()
          .returning({ key: remindersSent.key });
        const due = new Set(fresh.map((f) => f.key));
        const recipients = members.filter((m) => due.has(reminderKey(session.id, m.id)));
        await deps.notices.send(tx, recipients, 'training.reminder', (_p, locale) => ({
          course: courseTitle,
          wave: wave.name,
          date: longDate(session.date, locale),
          time: `${session.startsAt}–${session.endsAt} WIB`,
          place: placeOf({ ...wave, centerName }, locale),
        }));
        return recipients.length;
      });
    }
    return { sessions: sessions.length, reminded };
  };
}
