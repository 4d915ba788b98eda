import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryLog, openTestDatabase, testDatabaseUrl, waitFor } from '../../../../tests/support/platform-testing.js';
import type { Actor } from '../../modules/access/actor.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { createJobs, type Jobs } from './jobs.js';
import { jobRuns } from './jobs.schema.js';

const admin: Actor = {
  kind: 'user',
  userId: 'admin-1',
  name: 'Admin',
  grants: [{ role: 'admin', operatorId: null, regionPrefix: null }],
};
const opA = randomUUID();
const opB = randomUUID();
const coordinatorA: Actor = {
  kind: 'user',
  userId: 'coord-a',
  name: 'Koordinator A',
  grants: [{ role: 'coordinator', operatorId: opA, regionPrefix: '32.76' }],
};
const participant: Actor = {
  kind: 'user',
  userId: 'p-1',
  name: 'Peserta',
  grants: [{ role: 'participant', operatorId: opA, regionPrefix: null }],
};

function jobSuite(kind: 'pglite' | 'postgresql') {
  let database: Database;
  let jobs: Jobs;
  const { log, lines } = memoryLog();
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    jobs = createJobs({ database, log, pollingIntervalSeconds: 0.5 });
    jobs.define('test.count', {
      schema: z.object({ n: z.number().int().min(1), wait: z.boolean().default(false) }),
      async handler({ data, progress, log }) {
        let sum = 0;
        for (let i = 1; i <= data.n; i++) {
          sum += i;
          if (i === 1) {
            await progress(1, data.n, 'baris 1');
            log.info('first row counted');
            if (data.wait) await gate;
          }
        }
        await progress(data.n, data.n, 'selesai');
        return { sum };
      },
    });
    jobs.define('test.fail', {
      schema: z.object({}),
      async handler() {
        throw new AppError('UNPROCESSABLE', { id: 'Baris 3: NIK tidak valid', en: 'Row 3: invalid NIK' });
      },
    });
    await jobs.init();
    await jobs.start();
  }, 60_000);

  afterAll(async () => {
    release();
    const t0 = Date.now();
    await jobs?.stop();
    expect(Date.now() - t0).toBeLessThan(3000);
    await database?.close();
  });

  const settled = (id: string) =>
    waitFor(async () => {
      const job = await jobs.get(admin, id);
      return job.status === 'done' || job.status === 'failed' ? job : undefined;
    });

  it('runs a job, shows its progress while running and stores the result', async () => {
    const { id } = await jobs.enqueue('test.count', { n: 4, wait: true }, { operatorId: opA, createdBy: 'coord-a' });
    expect(id).toBeTruthy();
    const midway = await waitFor(async () => {
      const job = await jobs.get(admin, id!);
      return job.status === 'running' && job.progressDone === 1 ? job : undefined;
    });
    expect(midway).toMatchObject({ progressTotal: 4, message: 'baris 1', finishedAt: null });
    release();
    const done = await settled(id!);
    expect(done).toMatchObject({
      status: 'done',
      progressDone: 4,
      progressTotal: 4,
      message: 'selesai',
      result: { sum: 10 },
      error: null,
    });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    const line = lines.find((l) => l.msg === 'first row counted');
    expect(line).toMatchObject({ jobId: id, queue: 'test.count' });
  });

  it('marks a failing job failed with its error code and message', async () => {
    const { id } = await jobs.enqueue('test.fail', {}, { operatorId: opA });
    const job = await settled(id!);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'UNPROCESSABLE', message: 'Baris 3: NIK tidak valid' });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('drops the job and its job_runs row when the enqueuing transaction rolls back', async () => {
    let id: string | null = null;
    await expect(
      database.db.transaction(async (tx) => {
        ({ id } = await jobs.enqueue('test.count', { n: 2 }, { tx }));
        const [inside] = await tx.select().from(jobRuns).where(eq(jobRuns.id, id!));
        expect(inside?.status).toBe('queued');
        throw new AppError('CONFLICT', { id: 'rollback', en: 'rollback' });
      }),
    ).rejects.toThrow('rollback');
    expect(id).toBeTruthy();
    expect(await database.db.select().from(jobRuns).where(eq(jobRuns.id, id!))).toEqual([]);
    const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM pgboss.job WHERE id = $1', [
      id,
    ]);
    expect(n).toBe(0);
  });

  it('runs a job enqueued inside a transaction once it commits', async () => {
    const id = await database.db.transaction(
      async (tx) => (await jobs.enqueue('test.count', { n: 3 }, { tx, operatorId: opB })).id,
    );
    const job = await settled(id!);
    expect(job).toMatchObject({ status: 'done', result: { sum: 6 } });
  });

  it('rejects a payload that does not match the queue schema, and unknown queues', async () => {
    await expect(jobs.enqueue('test.count', { n: 'many' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(jobs.enqueue('test.nope', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('shows admins every job and others only their operators’ and their own; others’ jobs are 404', async () => {
    const a = await jobs.enqueue('test.count', { n: 1 }, { operatorId: opA });
    const b = await jobs.enqueue('test.count', { n: 1 }, { operatorId: opB });
    const mine = await jobs.enqueue('test.count', { n: 1 }, { operatorId: null, createdBy: 'coord-a' });
    await Promise.all([a, b, mine].map((j) => settled(j.id!)));

    const all = await jobs.list(admin, { page: 1, pageSize: 100 });
    expect(all.items.map((j) => j.id)).toEqual(expect.arrayContaining([a.id, b.id, mine.id]));

    const seen = await jobs.list(coordinatorA, { page: 1, pageSize: 100 });
    const ids = seen.items.map((j) => j.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, mine.id]));
    expect(ids).not.toContain(b.id);
    expect(seen.total).toBe(seen.items.length);
    expect(seen.items.every((j) => j.operatorId === opA || j.id === mine.id)).toBe(true);

    await expect(jobs.get(coordinatorA, b.id!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(jobs.get(admin, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(jobs.list(participant, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(jobs.list(undefined, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const failed = await jobs.list(admin, { page: 1, pageSize: 100, status: 'failed' });
    expect(failed.items.every((j) => j.status === 'failed')).toBe(true);
  });

  it('fails runs left queued or running by a process that died, and only those', async () => {
    const orphan = randomUUID();
    await database.db.insert(jobRuns).values({ id: orphan, queue: 'test.count', status: 'running' });
    const waiting = await database.db.transaction(
      async (tx) => (await jobs.enqueue('test.count', { n: 1 }, { tx })).id,
    );
    const next = createJobs({ database, log });
    await next.init();
    await next.stop();
    expect(await jobs.get(admin, orphan)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect((await jobs.get(admin, waiting!)).status).not.toBe('failed');
  });

  it('keeps pg-boss in its own schema of the same database', async () => {
    const rows = await database.query<{ name: string }>('SELECT name FROM pgboss.queue ORDER BY name');
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['test.count', 'test.fail']));
  });
}

describe('jobs on PGlite', () => jobSuite('pglite'));
describe.runIf(testDatabaseUrl)('jobs on PostgreSQL', () => jobSuite('postgresql'));
