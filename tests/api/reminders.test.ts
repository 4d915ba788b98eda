import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDERS_QUEUE, wibClock } from '../../src/server/modules/reminders/reminders.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('daily reminders clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reads the WIB day and hour whatever the server zone', () => {
    expect(wibClock(new Date('2026-12-01T23:30:00Z'))).toEqual({ date: '2026-12-02', hour: 6 });
    expect(wibClock(new Date('2026-12-02T00:00:00Z'))).toEqual({ date: '2026-12-02', hour: 7 });
  });

  it('queues the day once, after 07:00 WIB, however many times it ticks', async () => {
    expect(await t.services.reminders.tick(new Date('2026-12-01T23:59:00Z'))).toBeNull();
    const first = await t.services.reminders.tick(new Date('2026-12-02T00:05:00Z'));
    expect(first).toEqual(expect.any(String));
    const again = await Promise.all([
      t.services.reminders.tick(new Date('2026-12-02T03:00:00Z')),
      t.services.reminders.tick(new Date('2026-12-02T10:00:00Z')),
    ]);
    expect(again).toEqual([null, null]);
    expect(await t.services.reminders.tick(new Date('2026-12-03T01:00:00Z'))).toEqual(expect.any(String));

    const runs = await t.platform.database.query<{ input: { date: string } }>(
      `select input from job_runs where queue = $1 order by created_at`,
      [REMINDERS_QUEUE],
    );
    expect(runs.map((r) => r.input.date)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('runs both senders for a day and can be repeated', async () => {
    const first = await t.services.reminders.sendNow('2026-12-02');
    expect(first).toMatchObject({ date: '2026-12-02', trainings: expect.anything(), mentoring: expect.anything() });
    const second = await t.services.reminders.sendNow('2026-12-02');
    expect(second.date).toBe('2026-12-02');
  });
});
