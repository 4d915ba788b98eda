import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/modules/access/actor.js';
import { latestToday, todayWib } from '../../src/server/modules/participants/journey.service.js';
import { createOperator, createParticipant, KUKUSAN, PASIR_PUTIH, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function member(domicileVillageCode = PASIR_PUTIH) {
  const op = await createOperator(t);
  const person = await createParticipant(t, { operatorId: op.id, domicileVillageCode });
  const staff = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  return { op, person, staff };
}

const statusesOf = (items: Array<{ status: string }>) => items.map((s) => s.status);

describe('POST /api/participants/:id/stages', () => {
  it('records a stage as history and answers all seven stages, not_started where nothing happened yet', async () => {
    const { op, person, staff } = await member();
    const res = await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 2,
      status: 'in_progress',
      occurredOn: '2025-02-10',
      note: 'Gelombang 3: keuangan usaha',
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    // Registration opened stage 1; stages nobody touched are not_started.
    expect(res.body.items[0]).toEqual({ stage: 1, key: 'pendaftaran', status: 'in_progress', since: todayWib() });
    expect(res.body.items[2]).toEqual({ stage: 3, key: 'pendampingan', status: 'not_started', since: null });
    expect(res.body.items[1]).toEqual({ stage: 2, key: 'pelatihan', status: 'in_progress', since: '2025-02-10' });
    expect(res.body.items.map((s: { key: string }) => s.key)).toEqual([
      'pendaftaran',
      'pelatihan',
      'pendampingan',
      'perizinan',
      'pemasaran',
      'pelaporan_keuangan',
      'permodalan',
    ]);
    await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 2,
      status: 'done',
      occurredOn: '2025-02-12',
    });
    const events = await t.database.query(
      `SELECT stage, status, occurred_on, note, source, recorded_by FROM stage_events WHERE person_id = $1 AND stage = 2 ORDER BY recorded_at`,
      [person.id],
    );
    expect(events).toEqual([
      {
        stage: 2,
        status: 'in_progress',
        occurred_on: '2025-02-10',
        note: 'Gelombang 3: keuangan usaha',
        source: 'manual',
        recorded_by: staff.user.id,
      },
      { stage: 2, status: 'done', occurred_on: '2025-02-12', note: null, source: 'manual', recorded_by: staff.user.id },
    ]);
    const current = await staff.http.get(`/api/participants/${person.id}/stages`);
    expect(current.body.items[1]).toMatchObject({ status: 'done', since: '2025-02-12' });
    const audit = await t.database.query<{ action: string; operator_id: string }>(
      `SELECT action, operator_id FROM audit_log WHERE entity = 'participant' AND entity_id = $1 AND action = 'stage'`,
      [person.id],
    );
    expect(audit).toEqual([
      { action: 'stage', operator_id: op.id },
      { action: 'stage', operator_id: op.id },
    ]);
  });

  it('defaults to today; a backfilled older event joins the history without overwriting the newer status', async () => {
    const { person, staff } = await member();
    const now = await staff.http.post(`/api/participants/${person.id}/stages`, { stage: 4, status: 'done' });
    expect(now.body.items[3]).toMatchObject({ status: 'done', since: todayWib() });
    const old = await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 4,
      status: 'in_progress',
      occurredOn: '2024-06-01',
    });
    expect(old.body.items[3]).toMatchObject({ status: 'done', since: todayWib() });
    // The same status again keeps the date it started.
    await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 3,
      status: 'in_progress',
      occurredOn: '2025-01-01',
    });
    const again = await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 3,
      status: 'in_progress',
      occurredOn: '2025-03-01',
    });
    expect(again.body.items[2]).toMatchObject({ status: 'in_progress', since: '2025-01-01' });
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stage_events WHERE person_id = $1 AND stage IN (3, 4)`,
      [person.id],
    );
    expect(n).toBe(4);
  });

  it('refuses a future date and an unknown stage with the field path', async () => {
    const { person, staff } = await member();
    const tomorrow = new Date(Date.parse(`${latestToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await staff.http.post(`/api/participants/${person.id}/stages`, {
      stage: 1,
      status: 'done',
      occurredOn: tomorrow,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([
      { path: 'occurredOn', code: 'future_date', message: expect.any(String) },
    ]);
    const eighth = await staff.http.post(`/api/participants/${person.id}/stages`, { stage: 8, status: 'done' });
    expect(eighth.status).toBe(400);
    expect(eighth.body.error.details[0].path).toBe('stage');
  });

  it('out of scope is not found; reading roles may not record', async () => {
    const { op, person, staff } = await member(KUKUSAN);
    expect((await staff.http.post(`/api/participants/${person.id}/stages`, { stage: 2, status: 'done' })).status).toBe(
      404,
    );
    expect((await staff.http.get(`/api/participants/${person.id}/stages`)).status).toBe(404);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect(
      (await curator.http.post(`/api/participants/${person.id}/stages`, { stage: 2, status: 'done' })).status,
    ).toBe(403);
    expect((await curator.http.get(`/api/participants/${person.id}/stages`)).status).toBe(200);
  });
});

describe('recordStage for other modules', () => {
  it('joins the caller’s transaction: a rollback leaves no trace', async () => {
    const { person } = await member();
    const actor = systemActor('trainings');
    await expect(
      t.platform.db.transaction(async (tx) => {
        await t.services.journey.recordStage(
          actor,
          person.id,
          { stage: 2, status: 'done', source: 'trainings' },
          { tx },
        );
        throw new Error('the training import failed');
      }),
    ).rejects.toThrow('the training import failed');
    const rows = await t.database.query(`SELECT 1 FROM stage_events WHERE person_id = $1 AND stage = 2`, [person.id]);
    expect(rows).toHaveLength(0);
    const stages = await t.services.journey.recordStage(actor, person.id, {
      stage: 2,
      status: 'done',
      source: 'trainings',
    });
    expect(statusesOf(stages)).toEqual([
      'in_progress',
      'done',
      'not_started',
      'not_started',
      'not_started',
      'not_started',
      'not_started',
    ]);
    const [event] = await t.database.query<{ source: string }>(
      `SELECT source FROM stage_events WHERE person_id = $1 AND stage = 2`,
      [person.id],
    );
    expect(event.source).toBe('trainings');
  });

  it('checks the module’s own permission: a trainer records stage 2 with trainings.manage', async () => {
    const { op, person } = await member();
    const trainer = await signedIn(t, { roles: [{ role: 'trainer', operatorId: op.id }] });
    const actor = {
      kind: 'user' as const,
      userId: trainer.user.id,
      name: trainer.user.name,
      grants: [{ role: 'trainer' as const, operatorId: op.id, regionPrefix: null }],
    };
    await expect(t.services.journey.recordStage(actor, person.id, { stage: 2, status: 'done' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const stages = await t.services.journey.recordStage(
      actor,
      person.id,
      { stage: 2, status: 'in_progress', source: 'trainings' },
      { permission: 'trainings.manage' },
    );
    expect(stages[1].status).toBe('in_progress');
  });

  it('stagesOf answers seven stages for each person asked about', async () => {
    const { op, person } = await member();
    const other = await createParticipant(t, { operatorId: op.id });
    await t.services.journey.recordStage(systemActor('test'), person.id, { stage: 7, status: 'in_progress' });
    const map = await t.services.journey.stagesOf([person.id, other.id]);
    expect(statusesOf(map.get(person.id)!)[6]).toBe('in_progress');
    expect(statusesOf(map.get(other.id)!)).toEqual(['in_progress', ...Array(6).fill('not_started')]);
  });
});
