import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, KUKUSAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  createPeople,
  createWave,
  enrollmentsOf,
  outbox,
  trainingCounts,
  trainingSetting,
} from '../support/training-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const statusesOf = async (waveId: string) => {
  const rows = await enrollmentsOf(t, waveId);
  return Object.fromEntries(rows.map((r) => [r.person_id, r.status]));
};

describe('POST /api/training-waves/:id/enrollments', () => {
  it('seats people up to the capacity, waitlists the rest in the order given, and starts stage 2 for the seated', async () => {
    const { op, coordinator } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, capacity: 2 });
    const people = await createPeople(t, op.id, 4);
    const ids = people.map((p) => p.id);
    const res = await coordinator.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: ids });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enrolled: 2, waitlisted: 2, already: 0 });
    expect(res.body.results).toEqual([
      { personId: ids[0], status: 'enrolled', waitlistPosition: null },
      { personId: ids[1], status: 'enrolled', waitlistPosition: null },
      { personId: ids[2], status: 'waitlisted', waitlistPosition: 1 },
      { personId: ids[3], status: 'waitlisted', waitlistPosition: 2 },
    ]);
    const again = await coordinator.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [ids[0]] });
    expect(again.body).toMatchObject({ enrolled: 0, waitlisted: 0, already: 1 });

    const stages = await t.services.journey.stagesOf(ids);
    expect(stages.get(ids[0])![1]).toMatchObject({ stage: 2, status: 'in_progress' });
    expect(stages.get(ids[2])![1]).toMatchObject({ stage: 2, status: 'not_started' });
    expect(await outbox(t, 'training.enrolled', people[0].phone!)).toHaveLength(1);
    const waiting = await outbox(t, 'training.waitlisted', people[3].phone!);
    expect(waiting[0].body).toContain('nomor 2');

    const detail = await coordinator.http.get(`/api/training-waves/${wave.id}`);
    expect(detail.body).toMatchObject({ enrolled: 2, waitlisted: 2, seatsTaken: 2, completionRate: null });
  });

  it('cancelling a seated member moves the first waitlisted one up and tells them', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, capacity: 1 });
    const [a, b, c] = await createPeople(t, op.id, 3);
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [a.id, b.id, c.id] });
    const res = await trainer.http.delete(`/api/training-waves/${wave.id}/enrollments/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ promoted: b.id });
    expect(await statusesOf(wave.id)).toEqual({ [a.id]: 'cancelled', [b.id]: 'enrolled', [c.id]: 'waitlisted' });
    expect(await outbox(t, 'training.promoted', b.phone!)).toHaveLength(1);
    expect((await t.services.journey.stagesOf([b.id])).get(b.id)![1].status).toBe('in_progress');

    // A waitlisted member leaving frees no seat.
    const waitlisted = await trainer.http.delete(`/api/training-waves/${wave.id}/enrollments/${c.id}`);
    expect(waitlisted.body).toEqual({ promoted: null });
    // Cancelling again: not enrolled, nothing written.
    const before = await trainingCounts(t);
    const twice = await trainer.http.delete(`/api/training-waves/${wave.id}/enrollments/${c.id}`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('NOT_ENROLLED');
    expect(await trainingCounts(t)).toEqual(before);

    // Someone who cancelled comes back at the end of the line.
    const back = await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [a.id] });
    expect(back.body.results[0]).toEqual({ personId: a.id, status: 'waitlisted', waitlistPosition: 1 });
  });

  it('raising the capacity promotes waitlisted members; lowering it below the seated is refused', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, capacity: 1 });
    const people = await createPeople(t, op.id, 4);
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: people.map((p) => p.id) });
    const raised = await trainer.http.patch(`/api/training-waves/${wave.id}`, { capacity: 3 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ capacity: 3, enrolled: 3, waitlisted: 1 });
    expect(await outbox(t, 'training.promoted', people[2].phone!)).toHaveLength(1);
    const lowered = await trainer.http.patch(`/api/training-waves/${wave.id}`, { capacity: 2 });
    expect(lowered.status).toBe(400);
    expect(lowered.body.error.details[0]).toMatchObject({ path: 'capacity', code: 'below_enrolled' });
  });

  it('holds the capacity under concurrent enrollments: 12 at once into 5 seats → 5 enrolled, 7 waitlisted', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, capacity: 5 });
    const people = await createPeople(t, op.id, 12);
    const answers = await Promise.all(
      people.map((p) => trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [p.id] })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    const rows = await enrollmentsOf(t, wave.id);
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(7);
    const positions = answers.map((a) => a.body.results[0].waitlistPosition).filter((p) => p !== null);
    expect(positions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps a kecamatan coordinator to their kecamatan: one person of Beji makes the whole request 404', async () => {
    const { op, coordinator } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id });
    const [sawangan] = await createPeople(t, op.id, 1);
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const before = await trainingCounts(t);
    const res = await coordinator.http.post(`/api/training-waves/${wave.id}/enrollments`, {
      personIds: [sawangan.id, beji.id],
    });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(beji.id);
    expect(await trainingCounts(t)).toEqual(before);
    const cancel = await coordinator.http.delete(`/api/training-waves/${wave.id}/enrollments/${beji.id}`);
    expect(cancel.status).toBe(404);
    // Another operator's wave is as unknown as a missing one.
    const other = await trainingSetting(t);
    const foreign = await other.coordinator.http.post(`/api/training-waves/${wave.id}/enrollments`, {
      personIds: [sawangan.id],
    });
    expect(foreign.status).toBe(404);
    // The roster shows the coordinator only the people of their kecamatan.
    const admin = await signedIn(t, { roles: [{ role: 'admin' }] });
    await admin.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [sawangan.id, beji.id] });
    const roster = await coordinator.http.get(`/api/training-waves/${wave.id}/roster`);
    expect(roster.body.items.map((r: { personId: string }) => r.personId)).toEqual([sawangan.id]);
    expect(roster.body.items[0].phone).toBe(sawangan.phone);
    const trainerView = await signedIn(t, { roles: [{ role: 'trainer', operatorId: op.id }] });
    const full = await trainerView.http.get(`/api/training-waves/${wave.id}/roster`);
    expect(full.body.items).toHaveLength(2);
    // A trainer may not write participants: phones are masked for them.
    expect(full.body.items[0].phone).toMatch(/\*\*\*\*/);
  });

  it('refuses merged records with their positions (422), a closed registration and bad requests, writing nothing', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id });
    const [a, merged] = await createPeople(t, op.id, 2);
    await t.database.query(`UPDATE people SET status = 'merged' WHERE id = $1`, [merged.id]);
    const before = await trainingCounts(t);
    const res = await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [a.id, merged.id] });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: 'personIds.1', code: 'merged', message: expect.any(String) }]);
    const empty = await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [] });
    expect(empty.status).toBe(400);
    const cancelled = await trainer.http.patch(`/api/training-waves/${wave.id}`, { status: 'cancelled' });
    expect(cancelled.body.status).toBe('cancelled');
    const closed = await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [a.id] });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('REGISTRATION_CLOSED');
    const after = await trainingCounts(t);
    // Only the cancellation itself was audited.
    expect({ ...after, audit: before.audit }).toEqual(before);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect((await curator.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [a.id] })).status).toBe(
      403,
    );
  });
});
