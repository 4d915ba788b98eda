import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { remindersSent } from './reminders.schema.js';

export const REMINDERS_QUEUE = 'reminders.daily';

/** The WIB calendar day and hour of an instant: programs run on Jakarta time whatever the server's zone. */
export function wibClock(now: Date): { date: string; hour: number } {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return { date: wib.toISOString().slice(0, 10), hour: wib.getUTCHours() };
}

/**
 * What one day's reminders send, per kind (trainings held tomorrow, mentors' digests, permits about to expire,
 * monthly reports not yet in, …): each module gives its sender, which must be idempotent (its own reminders_sent keys).
 */
export type DailySenders = Record<string, (today: string) => Promise<unknown>>;

/**
 * The daily reminders: once a day after 07:00 WIB a `reminders.daily` job sends the day-before training reminders
 * and the mentors' caseload digests. A clock in every process that runs jobs ticks every few minutes; the first
 * tick of the day claims the day in `reminders_sent` (`daily:<date>`) in the same transaction as the enqueue, so
 * however many processes tick, the day's job is queued once. The senders are idempotent themselves
 * (their own reminders_sent keys), so a retried job never sends twice.
 */
export function makeReminders(deps: { db: Db; jobs: Jobs; log: FastifyBaseLogger; senders: DailySenders }) {
  const { db, jobs, log, senders } = deps;
  const sendHour = 7;

  /** Every kind's reminders of the day, one after another; what each sent, by kind. */
  async function sendAll(date: string, progress?: (done: number, total: number, label?: string) => Promise<void>) {
    const kinds = Object.keys(senders);
    const sent: Record<string, unknown> = {};
    for (const [i, kind] of kinds.entries()) {
      await progress?.(i, kinds.length, kind);
      sent[kind] = await senders[kind]!(date);
    }
    await progress?.(kinds.length, kinds.length);
    return sent;
  }

  const queue = jobs.define(REMINDERS_QUEUE, {
    schema: z.object({ date: z.iso.date() }),
    retryLimit: 3,
    retryDelaySeconds: 300,
    handler: async ({ data, progress }) => {
      return { date: data.date, ...(await sendAll(data.date, progress)) };
    },
  });

  /** Queues the day's reminders when it is time and no process has done so yet; the job id, or null. */
  async function tick(now = new Date()): Promise<string | null> {
    const { date, hour } = wibClock(now);
    if (hour < sendHour) return null;
    return db.transaction(async (tx) => {
      const claimed = await tx
        .insert(remindersSent)
        .values({ key: `daily:${date}`, sentOn: date })
        .onConflictDoNothing()
        .returning({ key: remindersSent.key });
      if (claimed.length === 0) return null;
      const { id } = await queue.enqueue({ date }, { tx });
      return id;
    });
  }

  return {
    tick,

    /** Sends one day's reminders now, in this process (the CLI; tests). Safe to repeat. */
    async sendNow(date: string) {
      return { date, ...(await sendAll(date)) };
    },

    /** Starts the clock of this process; returns its stop. */
    startClock(everyMs = 5 * 60_000): () => void {
      const run = () => void tick().catch((err) => log.error({ err }, 'could not queue the daily reminders'));
      run();
      const timer = setInterval(run, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type Reminders = ReturnType<typeof makeReminders>;
