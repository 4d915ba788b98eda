import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEJI, createParticipant, KUKUSAN, SAWANGAN } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';
import {
  createPeople,
  createWave,
  day,
  enrollmentsOf,
  memberClient,
  outbox,
  trainingCounts,
  trainingSetting,
} from '../support/training-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('member self-service /api/me/trainings', () => {
  it('lists the waves open to the member by kecamatan, program and track, and lets them enroll and cancel', async () => {
    const { op, trainer, coordinator } = await trainingSetting(t);
    const { program, track } = await createTrack(t, { operatorId: op.id });
    const [person] = await createPeople(t, op.id, 1);
    await t.database.query(
      `INSERT INTO enrollments (operator_id, person_id, track_id, status) VALUES ($1, $2, $3, 'accepted')`,
      [op.id, person.id, track.id],
    );
    const forAll = await createWave(t, { operatorId: op.id, days: [5, 6], name: 'Untuk semua' });
    const forSawangan = await createWave(t, {
      operatorId: op.id,
      days: [5],
      districtCodes: [SAWANGAN],
      programId: program.id,
    });
    const forTrack = await createWave(t, { operatorId: op.id, days: [5], trackId: track.id });
    const forBeji = await createWave(t, { operatorId: op.id, days: [5], districtCodes: [BEJI] });
    const otherTrack = await createTrack(t, { operatorId: op.id, code: 'PP' });
    const forOther = await createWave(t, { operatorId: op.id, days: [5], trackId: otherTrack.track.id });
    const pastDeadline = await createWave(t, { operatorId: op.id, days: [5], registrationDeadline: day(-1) });

    const member = await memberClient(t, person);
    const list = await member.get('/api/me/trainings');
    expect(list.status).toBe(200);
    expect(list.body.enrollments).toEqual([]);
    const open = list.body.open.map((w: { id: string }) => w.id).sort();
    expect(open).toEqual([forAll.id, forSawangan.id, forTrack.id].sort());

    const enroll = await member.post(`/api/me/trainings/${forAll.id}/enroll`);
    expect(enroll.status).toBe(200);
    expect(enroll.body).toEqual({ status: 'enrolled', waitlistPosition: null });
    expect((await t.services.journey.stagesOf([person.id])).get(person.id)![1].status).toBe('in_progress');
    expect(await outbox(t, 'training.enrolled', person.phone!)).toHaveLength(1);

    const before = await trainingCounts(t);
    const twice = await member.post(`/api/me/trainings/${forAll.id}/enroll`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_ENROLLED');
    for (const wave of [forBeji, forOther, pastDeadline]) {
      const refused = await member.post(`/api/me/trainings/${wave.id}/enroll`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('REGISTRATION_CLOSED');
    }
    expect(await trainingCounts(t)).toEqual(before);

    const mine = await member.get('/api/me/trainings');
    expect(mine.body.enrollments).toEqual([
      expect.objectContaining({
        id: forAll.id,
        enrollmentStatus: 'enrolled',
        waitlistPosition: null,
        daysAttended: 0,
        certificate: null,
      }),
    ]);
    expect(mine.body.open.map((w: { id: string }) => w.id)).not.toContain(forAll.id);
    // Staff see the same on the member page, within their kecamatan only.
    const staffView = await coordinator.http.get(`/api/participants/${person.id}/trainings`);
    expect(staffView.status).toBe(200);
    expect(staffView.body).toEqual(mine.body);
    const [bejiPerson] = await createPeople(t, op.id, 1, { domicileVillageCode: KUKUSAN });
    expect((await coordinator.http.get(`/api/participants/${bejiPerson.id}/trainings`)).status).toBe(404);

    // A wave of another operator does not exist for the member.
    const elsewhere = await trainingSetting(t);
    const foreign = await createWave(t, { operatorId: elsewhere.op.id, days: [5] });
    expect((await member.post(`/api/me/trainings/${foreign.id}/enroll`)).status).toBe(404);

    const cancel = await member.delete(`/api/me/trainings/${forAll.id}/enroll`);
    expect(cancel.body).toEqual({ promoted: false });
    expect((await member.delete(`/api/me/trainings/${forAll.id}/enroll`)).body.error.code).toBe('NOT_ENROLLED');
    // Staff accounts have no member record.
    expect((await trainer.http.get('/api/me/trainings')).status).toBe(403);
  });

  it('puts a member on the waitlist of a full wave; their leaving a seat promotes the next one', async () => {
    const { op } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, days: [3], capacity: 1 });
    const [a, b] = await createPeople(t, op.id, 2);
    const first = await memberClient(t, a);
    const second = await memberClient(t, b);
    expect((await first.post(`/api/me/trainings/${wave.id}/enroll`)).body.status).toBe('enrolled');
    expect((await second.post(`/api/me/trainings/${wave.id}/enroll`)).body).toEqual({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const waiting = await second.get('/api/me/trainings');
    expect(waiting.body.enrollments[0]).toMatchObject({ enrollmentStatus: 'waitlisted', waitlistPosition: 1 });
    expect((await first.delete(`/api/me/trainings/${wave.id}/enroll`)).body).toEqual({ promoted: true });
    const rows = await enrollmentsOf(t, wave.id);
    expect(rows.find((r) => r.person_id === b.id)!.status).toBe('enrolled');
    expect(await outbox(t, 'training.promoted', b.phone!)).toHaveLength(1);
    const sources = await t.database.query<{ source: string }>(
      `SELECT DISTINCT source FROM training_enrollments WHERE wave_id = $1`,
      [wave.id],
    );
    expect(sources).toEqual([{ source: 'self' }]);
  });
});

describe('training reminders', () => {
  it('queues one reminder per member enrolled in a session held tomorrow, once, by WhatsApp and email', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, {
      operatorId: op.id,
      days: [1, 2],
      capacity: 2,
      sessions: [
        { date: day(1), startsAt: '08:30', endsAt: '15:00' },
        { date: day(2), startsAt: '08:30', endsAt: '15:00' },
      ],
    });
    const withEmail = await createParticipant(t, { operatorId: op.id, email: `siti.${Date.now()}@contoh.id` });
    const [phoneOnly, waiting] = await createPeople(t, op.id, 2);
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, {
      personIds: [withEmail.id, phoneOnly.id, waiting.id],
    });
    const cancelled = await createWave(t, { operatorId: op.id, days: [1] });
    const [other] = await createPeople(t, op.id, 1);
    await trainer.http.post(`/api/training-waves/${cancelled.id}/enrollments`, { personIds: [other.id] });
    await trainer.http.patch(`/api/training-waves/${cancelled.id}`, { status: 'cancelled' });

    const first = await t.services.trainings.sendReminders(day(0));
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const sent = await outbox(t, 'training.reminder');
    const mine = sent.filter((m) => [withEmail.phone, phoneOnly.phone, withEmail.email].includes(m.recipient));
    expect(mine.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp', 'whatsapp']);
    expect(mine[0].body).toContain('08:30–15:00 WIB');
    expect(mine[0].body).toContain('Aula Kecamatan Sawangan');
    expect(sent.some((m) => m.recipient === waiting.phone || m.recipient === other.phone)).toBe(false);

    const again = await t.services.trainings.sendReminders(day(0));
    expect(again.reminded).toBe(0);
    expect(await outbox(t, 'training.reminder')).toHaveLength(sent.length);
    const keys = await t.database.query<{ key: string }>(`SELECT key FROM reminders_sent WHERE key LIKE $1`, [
      `training:${wave.sessions[0].id}:%`,
    ]);
    expect(keys).toHaveLength(2);
  });
});
