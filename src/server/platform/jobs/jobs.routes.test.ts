import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createOperator, signedIn } from '../../../../tests/support/factories.js';
import { waitFor } from '../../../../tests/support/platform-testing.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('GET /api/jobs', () => {
  it('lists jobs in scope and follows one from queued to done', async () => {
    const [a, b] = [await createOperator(t), await createOperator(t)];
    const enqueue = (operatorId: string) =>
      t.platform.notifications.enqueue(t.platform.db, {
        channel: 'email',
        recipient: 'x@example.id',
        template: 'generic.message',
        params: { subject: 's', message: 'm' },
        operatorId,
      });
    await enqueue(a.id);
    await enqueue(b.id);
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: a.id, regionPrefix: '32.76.03' }],
    });

    const queued = await coordinator.http.get('/api/jobs?status=queued');
    expect(queued.status).toBe(200);
    expect(queued.body.items).toHaveLength(1);
    const job = queued.body.items[0];
    expect(job).toMatchObject({
      queue: 'notifications.send',
      operatorId: a.id,
      status: 'queued',
      progressDone: 0,
      result: null,
      error: null,
    });

    await t.platform.jobs.start();
    const done = await waitFor(async () => {
      const res = await coordinator.http.get(`/api/jobs/${job.id}`);
      return res.body.status === 'done' ? res.body : undefined;
    });
    expect(done).toMatchObject({ id: job.id, result: { transport: 'log' } });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));

    const admin = await asAdmin(t);
    expect((await admin.http.get('/api/jobs?pageSize=100')).body.total).toBeGreaterThanOrEqual(2);
    const other = await signedIn(t, { roles: [{ role: 'trainer', operatorId: b.id }] });
    expect((await other.http.get(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await other.http.get('/api/jobs/not-a-uuid')).status).toBe(400);
    expect((await t.http.get('/api/jobs')).status).toBe(401);
  });
});
