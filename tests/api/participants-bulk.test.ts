import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { createOperator, createParticipant, createUser, KUKUSAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createPeople, createWave, trainingSetting } from '../support/training-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function caseload(n: number) {
  const op = await createOperator(t);
  const people = [];
  for (let i = 0; i < n; i++) people.push(await createParticipant(t, { operatorId: op.id }));
  const mentor = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id, regionPrefix: SAWANGAN }] });
  const coordinator = await signedIn(t, {
    roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
  });
  return { op, people, mentor: mentor.user, coordinator };
}

const openAssignments = (ids: string[]) =>
  t.database.query<{ person_id: string; mentor_user_id: string; since: string; until: string | null }>(
    `SELECT person_id, mentor_user_id, since, until FROM mentor_assignments WHERE person_id = ANY($1) ORDER BY since, until NULLS LAST`,
    [ids],
  );

describe('POST /api/participants/bulk assign_mentor', () => {
  it('assigns a mentor to every person, closes the previous mentor’s assignment and starts stage 3', async () => {
    const { op, people, mentor, coordinator } = await caseload(3);
    const ids = people.map((p) => p.id);
    const first = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids,
      mentorUserId: mentor.id,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ updated: 3 });
    const next = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id, regionPrefix: null }] });
    const second = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: [ids[0]],
      mentorUserId: next.user.id,
    });
    expect(second.body).toEqual({ updated: 1 });
    const rows = await openAssignments([ids[0]]);
    expect(rows).toEqual([
      { person_id: ids[0], mentor_user_id: mentor.id, since: todayWib(), until: todayWib() },
      { person_id: ids[0], mentor_user_id: next.user.id, since: todayWib(), until: null },
    ]);
    // Assigning the same mentor again changes nothing.
    const again = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: ids.slice(1),
      mentorUserId: mentor.id,
    });
    expect(again.body).toEqual({ updated: 0 });
    const stages = await t.services.journey.stagesOf(ids);
    for (const id of ids) expect(stages.get(id)![2]).toMatchObject({ stage: 3, status: 'in_progress' });
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stage_events WHERE person_id = ANY($1) AND stage = 3 AND source = 'mentoring'`,
      [ids],
    );
    expect(n).toBe(4);
    const audit = await t.database.query<{ changes: { ids: { after: string[] } } }>(
      `SELECT changes FROM audit_log WHERE action = 'assign_mentor' AND operator_id = $1 ORDER BY at`,
      [op.id],
    );
    expect(audit.map((a) => a.changes.ids.after)).toEqual([ids, [ids[0]]]);
  });

  it('is all or nothing: one person outside the caller’s scope gives a 404 naming none, and nothing changes', async () => {
    const { op, people, mentor, coordinator } = await caseload(2);
    const outside = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const ids = [...people.map((p) => p.id), outside.id];
    const res = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids,
      mentorUserId: mentor.id,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.details).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(outside.id);
    expect(await openAssignments(ids)).toEqual([]);
  });

  it('refuses a mentor whose area does not cover every person, with the positions of those outside', async () => {
    const { op, people, mentor } = await caseload(1);
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const admin = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const ids = [people[0].id, beji.id];
    const res = await admin.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids,
      mentorUserId: mentor.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'ids.1', code: 'outside_mentor_area', message: expect.any(String) },
    ]);
    const notMentor = await admin.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids,
      mentorUserId: admin.user.id,
    });
    expect(notMentor.body.error.details[0]).toMatchObject({ path: 'mentorUserId', code: 'not_a_mentor' });
    expect(await openAssignments(ids)).toEqual([]);
  });

  it('validates the request: at most 1000 ids, known actions only', async () => {
    const { mentor, coordinator } = await caseload(0);
    const tooMany = Array.from({ length: 1001 }, () => crypto.randomUUID());
    const res = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: tooMany,
      mentorUserId: mentor.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('ids');
    expect((await coordinator.http.post('/api/participants/bulk', { action: 'delete_all', ids: [] })).status).toBe(400);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: (await createOperator(t)).id }] });
    const forbidden = await curator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: [crypto.randomUUID()],
      mentorUserId: mentor.id,
    });
    expect(forbidden.status).toBe(403);
  });
});

describe('POST /api/participants/bulk add_to_training', () => {
  it('enrolls the selected participants through the trainings service', async () => {
    const { op, coordinator } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, capacity: 2 });
    const people = await createPeople(t, op.id, 3);
    const ids = people.map((p) => p.id);
    const res = await coordinator.http.post('/api/participants/bulk', {
      action: 'add_to_training',
      ids,
      waveId: wave.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 3, enrolled: 2, waitlisted: 1, already: 0 });
    const again = await coordinator.http.post('/api/participants/bulk', {
      action: 'add_to_training',
      ids: [ids[0]],
      waveId: wave.id,
    });
    expect(again.body).toEqual({ updated: 0, enrolled: 0, waitlisted: 0, already: 1 });
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const outside = await coordinator.http.post('/api/participants/bulk', {
      action: 'add_to_training',
      ids: [beji.id],
      waveId: wave.id,
    });
    expect(outside.status).toBe(404);
    const noWave = await coordinator.http.post('/api/participants/bulk', { action: 'add_to_training', ids });
    expect(noWave.status).toBe(400);
  });
});
