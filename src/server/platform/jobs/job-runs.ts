import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { requireAccess, scopeOperatorIds } from '../../modules/access/access.js';
import type { Actor } from '../../modules/access/actor.js';
import type { Database, Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { jobRuns } from './jobs.schema.js';

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

const jobColumns = {
  id: jobRuns.id,
  queue: jobRuns.queue,
  operatorId: jobRuns.operatorId,
  status: jobRuns.status,
  progressDone: jobRuns.progressDone,
  progressTotal: jobRuns.progressTotal,
  message: jobRuns.message,
  result: jobRuns.result,
  error: jobRuns.error,
  createdAt: jobRuns.createdAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
};

export type JobView = {
  id: string;
  queue: string;
  operatorId: string | null;
  status: JobStatus;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Jobs an actor may see: admins all; others their operators' jobs and the jobs they started themselves. */
function visibleTo(actor: Actor | undefined): SQL | undefined {
  const ops = scopeOperatorIds(requireAccess(actor, 'jobs.read'));
  if (!ops) return undefined;
  const own = actor?.kind === 'user' ? eq(jobRuns.createdBy, actor.userId) : undefined;
  return or(ops.length ? inArray(jobRuns.operatorId, ops) : undefined, own) ?? sql`false`;
}

export function makeJobRunsReader(db: Db) {
  return {
    async list(actor: Actor | undefined, q: { page: number; pageSize: number; status?: JobStatus }) {
      const where = and(visibleTo(actor), q.status ? eq(jobRuns.status, q.status) : undefined);
      const [items, [{ total }]] = await Promise.all([
        db
          .select(jobColumns)
          .from(jobRuns)
          .where(where)
          .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(jobRuns).where(where),
      ]);
      return { items: items as JobView[], total };
    },

    /** One job for its progress bar; a job outside the actor's scope answers 404 like a missing one. */
    async get(actor: Actor | undefined, id: string): Promise<JobView> {
      const [row] = await db
        .select(jobColumns)
        .from(jobRuns)
        .where(and(eq(jobRuns.id, id), visibleTo(actor)));
      if (!row) throw AppError.notFound({ id: 'Tugas', en: 'Job' });
      return row as JobView;
    },
  };
}

/**
 * Writes a handler's progress at most every `intervalMs`: an import calling progress() for each of 100 000
 * rows must not turn into 100 000 updates. The last value is always written by `flush()`.
 */
export function progressWriter(db: Db, id: string, intervalMs = 250) {
  let lastWrite = 0;
  let pending: { done: number; total?: number; message?: string } | undefined;
  const write = async () => {
    if (!pending) return;
    const { done, total, message } = pending;
    pending = undefined;
    lastWrite = Date.now();
    await db
      .update(jobRuns)
      .set({ progressDone: done, progressTotal: total, message, updatedAt: new Date() })
      .where(eq(jobRuns.id, id));
  };
  return {
    async report(done: number, total?: number, message?: string) {
      pending = {
        done: Math.max(0, Math.floor(done)),
        total: total === undefined ? undefined : Math.max(0, Math.floor(total)),
        message,
      };
      if (Date.now() - lastWrite >= intervalMs || done === total) await write();
    },
    flush: write,
  };
}

/**
 * The error kept on a failed job run. It is stored, not answered to one request, so it stays in Bahasa Indonesia
 * (the default language) whatever language the person who started the job reads.
 */
export function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  // Anything else may carry SQL or paths: people see a stable message, the log keeps the details.
  return { code: 'INTERNAL', message: 'Terjadi kesalahan saat menjalankan tugas' };
}

/**
 * A job_runs row left `queued` or `running` while pg-boss holds no live job for it: its process died mid-run
 * (pg-boss then fails or expires the job) and nothing else would ever finish the row. Marked failed so the
 * progress bar stops; run at start-up and after pg-boss maintenance.
 */
export async function failOrphanedRuns(database: Database, bossSchema: string): Promise<number> {
  const rows = await database.query<{ id: string }>(
    `UPDATE job_runs r SET status = 'failed', error = $1::jsonb, finished_at = now(), updated_at = now()
     WHERE r.status IN ('queued', 'running')
       AND NOT EXISTS (SELECT 1 FROM ${bossSchema}.job j WHERE j.id = r.id AND j.state < 'completed')
     RETURNING r.id`,
    [JSON.stringify({ code: 'INTERNAL', message: 'Tugas terhenti karena server berhenti saat tugas berjalan' })],
  );
  return rows.length;
}
