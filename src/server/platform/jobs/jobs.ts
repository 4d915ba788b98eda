import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database, Tx } from '../db/client.js';
import { AppError, issueDetails } from '../errors.js';
import { errorOf, failOrphanedRuns, makeJobRunsReader, progressWriter } from './job-runs.js';
import { jobRuns } from './jobs.schema.js';
import { bossDb, transactionExecutor } from './pglite-adapter.js';

export type JobContext<T> = {
  id: string;
  queue: string;
  data: T;
  /** The user who asked for the job (null for Sentra itself). */
  createdBy: string | null;
  operatorId: string | null;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** No retry follows when this run fails. */
  finalAttempt: boolean;
  /** The process logger with jobId and queue on every line. */
  log: FastifyBaseLogger;
  /** Drives the progress bar; cheap to call often. */
  progress(done: number, total?: number, message?: string): Promise<void>;
};

export type JobDefinition<S extends z.ZodType> = {
  schema: S;
  /** Returns the JSON result people see when the job is done. */
  handler(ctx: JobContext<z.output<S>>): Promise<unknown>;
  /** Retries only help idempotent handlers, so queues opt in (default 0). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run taking longer is failed by pg-boss (default 15 minutes, at most 23 hours). */
  expireInMinutes?: number;
  /** Jobs of this queue one process runs at once (default 1); more suits handlers that mostly wait, like sending. */
  concurrency?: number;
  /** pg-boss queue policy; `short` makes singletonKey keep one waiting job per key. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
};

export type EnqueueOptions = { tx?: Tx; createdBy?: string | null; operatorId?: string | null; singletonKey?: string };

export type JobsOptions = {
  database: Database;
  log: FastifyBaseLogger;
  /** How often an idle worker looks for new jobs (pg-boss' minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How long stop() lets running jobs finish before pg-boss marks them failed. */
  stopTimeoutMs?: number;
};

type AnyDefinition = JobDefinition<z.ZodType>;

// pg-boss' own schema in the same database; created by boss.start() on first use.
const BOSS_SCHEMA = 'pgboss';

const notInitialized = () =>
  new AppError('INTERNAL', { id: 'jobs.init() belum dipanggil', en: 'jobs.init() has not been called' });

/** Background jobs on pg-boss, in Sentra's database (PGlite or PostgreSQL), with a job_runs row people can watch. */
export function createJobs({ database, log, pollingIntervalSeconds = 2, stopTimeoutMs = 8000 }: JobsOptions) {
  const { db: outerDb, tracker } = bossDb(database);
  const boss = new PgBoss({
    db: outerDb,
    schema: BOSS_SCHEMA,
    // Cron schedules need pg-boss' timekeeper polling every 30 s; nothing uses them yet.
    schedule: false,
    maintenanceIntervalSeconds: 300,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  boss.on('maintenance', () => void reconcile());

  const definitions = new Map<string, AnyDefinition>();
  const createdQueues = new Set<string>();
  const workerIds = new Map<string, string[]>();
  let initialized: Promise<void> | undefined;
  let running = 0;
  let stopped = false;

  async function reconcile() {
    try {
      const failed = await failOrphanedRuns(database, BOSS_SCHEMA);
      if (failed) log.warn({ failed }, 'marked jobs failed that stopped with their process');
    } catch (err) {
      log.error({ err }, 'could not reconcile job runs');
    }
  }

  /**
   * One process at a time owns a PGlite folder, so a job still `active` when it opens was cut off by a crash or a
   * kill. pg-boss would wait for it to expire (hours); it is retried or failed now, as an expiry would, and the
   * job_runs row follows in reconcile(). On PostgreSQL other processes may be running it: expiry decides there.
   */
  async function releaseCutOffJobs() {
    const released = await database.query<{ id: string }>(
      `UPDATE ${BOSS_SCHEMA}.job
         SET state = CASE WHEN retry_count < retry_limit THEN 'retry' ELSE 'failed' END::${BOSS_SCHEMA}.job_state,
             retry_count = retry_count + CASE WHEN retry_count < retry_limit THEN 1 ELSE 0 END,
             start_after = now(),
             completed_on = CASE WHEN retry_count < retry_limit THEN NULL ELSE now() END,
             output = $1::jsonb
       WHERE state = 'active'
       RETURNING id`,
      [JSON.stringify({ message: 'process stopped while the job ran' })],
    );
    if (released.length) log.warn({ jobs: released.length }, 'released jobs cut off by a stop of the previous process');
  }

  async function createQueue(queue: string, via: PgBoss.Db) {
    const policy = definitions.get(queue)?.policy ?? 'standard';
    // pg-boss' create_queue ignores an existing queue; called directly so it can run inside the caller's transaction.
    await via.executeSql(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [queue, JSON.stringify({ policy })]);
  }

  // One creation at a time, of any queue: concurrent create_queue calls deadlock on PostgreSQL, for one queue (a queue
  // defined after init() is created in the background while start() or an enqueue wants it too) and for two
  // (each creates a partition of pg-boss' job table). Creations queue behind each other; each queue is created once.
  const creating = new Map<string, Promise<void>>();
  let lastCreation: Promise<unknown> = Promise.resolve();
  function createQueueOutside(queue: string): Promise<void> {
    let pending = creating.get(queue);
    if (!pending) {
      pending = lastCreation
        .catch(() => {})
        .then(() => createQueue(queue, outerDb))
        .then(() => {
          createdQueues.add(queue);
        });
      lastCreation = pending;
      pending.catch(() => creating.delete(queue));
      creating.set(queue, pending);
    }
    return pending;
  }

  function sendOptions(def: AnyDefinition): PgBoss.SendOptions {
    return {
      retryLimit: def.retryLimit ?? 0,
      retryDelay: def.retryDelaySeconds ?? 30,
      retryBackoff: def.retryBackoff ?? true,
      expireInSeconds: Math.min(def.expireInMinutes ?? 15, 23 * 60) * 60,
    };
  }

  async function insert(tx: Tx, queue: string, data: unknown, options: EnqueueOptions) {
    const via = transactionExecutor(tx, database.kind);
    // A queue defined a moment ago may still be in creation outside. On PostgreSQL that runs on another connection:
    // wait for it (creating it here as well could deadlock). On PGlite waiting from inside a transaction would hang
    // on the one connection: create it here too.
    if (!createdQueues.has(queue) && database.kind === 'postgresql') await createQueueOutside(queue).catch(() => {});
    if (!createdQueues.has(queue)) await createQueue(queue, via);
    const id = randomUUID();
    const def = definitions.get(queue)!;
    const sent = await boss.send(queue, data as object, {
      ...sendOptions(def),
      id,
      singletonKey: options.singletonKey,
      db: via,
    });
    if (!sent) return { id: null };
    await tx.insert(jobRuns).values({
      id,
      queue,
      operatorId: options.operatorId ?? null,
      createdBy: options.createdBy ?? null,
      status: 'queued',
      input: data,
    });
    return { id };
  }

  async function runJob(queue: string, def: AnyDefinition, job: PgBoss.JobWithMetadata) {
    running++;
    const jobLog = log.child({ jobId: job.id, queue });
    const finalAttempt = job.retryCount >= job.retryLimit;
    const t0 = Date.now();
    try {
      const [row] = await database.db
        .update(jobRuns)
        .set({ status: 'running', startedAt: new Date(), finishedAt: null, updatedAt: new Date() })
        .where(eq(jobRuns.id, job.id))
        .returning({ createdBy: jobRuns.createdBy, operatorId: jobRuns.operatorId });
      const progress = progressWriter(database.db, job.id);
      try {
        const result = await def.handler({
          id: job.id,
          queue,
          data: def.schema.parse(job.data),
          createdBy: row?.createdBy ?? null,
          operatorId: row?.operatorId ?? null,
          attempt: job.retryCount + 1,
          finalAttempt,
          log: jobLog,
          progress: progress.report,
        });
        await progress.flush();
        await database.db
          .update(jobRuns)
          .set({
            status: 'done',
            result: result ?? null,
            error: null,
            progressDone: sql`coalesce(${jobRuns.progressTotal}, ${jobRuns.progressDone})`,
            finishedAt: new Date(),
            updatedAt: new Date(),
          })
          .where(eq(jobRuns.id, job.id));
        jobLog.info({ ms: Date.now() - t0 }, 'job done');
        return result;
      } catch (err) {
        await progress.flush().catch(() => {});
        jobLog[finalAttempt ? 'error' : 'warn']({ err, attempt: job.retryCount + 1, finalAttempt }, 'job failed');
        // While retries remain the job waits again; it is `failed` only when pg-boss gives up.
        await database.db
          .update(jobRuns)
          .set({
            status: finalAttempt ? 'failed' : 'queued',
            error: errorOf(err),
            finishedAt: finalAttempt ? new Date() : null,
            updatedAt: new Date(),
          })
          .where(eq(jobRuns.id, job.id));
        throw err;
      }
    } finally {
      running--;
    }
  }

  return {
    /** Creates pg-boss' schema (first start) and the queues defined so far. Call once before enqueue/start. */
    init(): Promise<void> {
      initialized ??= (async () => {
        await boss.start();
        for (const queue of definitions.keys()) await createQueueOutside(queue);
        if (database.kind === 'pglite') await releaseCutOffJobs();
        await reconcile();
      })();
      return initialized;
    },

    /** Declares a queue: its payload schema and handler. Every process defines every queue; only workers run them. */
    define<S extends z.ZodType>(queue: string, definition: JobDefinition<S>) {
      if (definitions.has(queue))
        throw new AppError('INTERNAL', {
          id: `Antrian tugas ${queue} sudah didefinisikan`,
          en: `Job queue ${queue} is already defined`,
        });
      definitions.set(queue, definition as unknown as AnyDefinition);
      initialized
        ?.then(() => createQueueOutside(queue))
        .catch((err) => log.error({ err, queue }, 'could not create job queue'));
      return {
        enqueue: (data: z.input<S>, options?: EnqueueOptions) => enqueue(queue, data, options),
      };
    },

    enqueue,

    /** Starts the workers of every defined queue in this process (or of `queues` only: a CLI command's own). */
    async start({ queues }: { queues?: string[] } = {}) {
      if (!initialized) throw notInitialized();
      await initialized;
      stopped = false;
      for (const [queue, def] of definitions) {
        if (workerIds.has(queue) || (queues && !queues.includes(queue))) continue;
        if (!createdQueues.has(queue)) await createQueueOutside(queue);
        const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds };
        const ids: string[] = [];
        for (let i = 0; i < Math.max(1, def.concurrency ?? 1); i++) {
          ids.push(await boss.work<object>(queue, options, ([job]) => runJob(queue, def, job)));
        }
        workerIds.set(queue, ids);
      }
      log.info({ queues: [...workerIds.keys()] }, 'job workers started');
    },

    /** Stops workers and maintenance; running jobs get stopTimeoutMs to finish. Safe to call twice. */
    async stop() {
      if (stopped || !initialized) return;
      stopped = true;
      await initialized.catch(() => {});
      await boss.stop({ graceful: true, wait: true, close: false, timeout: stopTimeoutMs });
      const until = Date.now() + stopTimeoutMs;
      while (running > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      // pg-boss completes a job without awaiting the statement; it must land before the database closes.
      await tracker.idle(Math.max(0, until - Date.now()));
      workerIds.clear();
    },

    ...makeJobRunsReader(database.db),
  };

  /**
   * Queues a job. With `tx` the job and its job_runs row are part of the caller's transaction: a rollback drops
   * both, and no worker sees the job before the commit. Answers `{ id: null }` when singletonKey found a waiting twin.
   */
  async function enqueue(queue: string, data: unknown, options: EnqueueOptions = {}): Promise<{ id: string | null }> {
    const def = definitions.get(queue);
    if (!def)
      throw new AppError('INTERNAL', {
        id: `Antrian tugas tidak dikenal: ${queue}`,
        en: `Unknown job queue: ${queue}`,
      });
    if (!initialized) throw notInitialized();
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) {
      throw AppError.validation(issueDetails(parsed.error.issues, data));
    }
    await initialized;
    if (options.tx) return insert(options.tx, queue, parsed.data, options);
    const result = await database.db.transaction((tx) => insert(tx, queue, parsed.data, options));
    createdQueues.add(queue);
    const workerId = workerIds.get(queue)?.[0];
    // A worker in this process starts at once instead of at its next poll.
    if (workerId && result.id) boss.notifyWorker(workerId);
    return result;
  }
}

export type Jobs = ReturnType<typeof createJobs>;
