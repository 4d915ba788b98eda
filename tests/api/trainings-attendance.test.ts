import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createParticipant, KUKUSAN } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  createPeople,
  createWave,
  day,
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
afterEach(() => {
  vi.useRealTimers();
});

/** A wave with enrolled people, and the trainer who runs it. */
async function running(opts: { days?: number[]; requiredDays?: number; people?: number } = {}) {
  const setting = await trainingSetting(t);
  const wave = await createWave(t, {
    operatorId: setting.op.id,
    days: opts.days ?? [-1, 0, 1],
    requiredDays: opts.requiredDays,
  });
  const people = await createPeople(t, setting.op.id, opts.people ?? 2);
  await setting.trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: people.map((p) => p.id) });
  return { ...setting, wave, people };
}

const checkIns = (waveId: string) =>
  t.database.query<{ person_id: string; method: string; late: boolean }>(
    `SELECT person_id, method, late FROM attendance WHERE wave_id = $1 ORDER BY checked_in_at`,
    [waveId],
  );

describe('check-in', () => {
  it('checks members in by card, manually and by session QR, and completes them at the required days', async () => {
    const { trainer, wave, people } = await running({ days: [-1, 0, 1], requiredDays: 2 });
    const [a, b] = people;
    const yesterday = wave.sessions[0];
    const manual = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, {
      personId: a.id,
      sessionId: yesterday.id,
    });
    expect(manual.status).toBe(200);
    expect(manual.body).toMatchObject({ dayNo: 1, method: 'manual', late: false, daysAttended: 1, completed: false });

    const card = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, {
      memberCode: t.services.members.codeOf(a.id),
    });
    expect(card.body).toMatchObject({
      personId: a.id,
      fullName: a.fullName,
      dayNo: 2,
      method: 'member_qr',
      daysAttended: 2,
      completed: true,
    });

    const [certificate] = await t.database.query<{ id: string; serial: string; verify_token: string; hours: number }>(
      `SELECT id, serial, verify_token, hours FROM certificates WHERE person_id = $1`,
      [a.id],
    );
    expect(certificate.serial).toMatch(/^SNTR-\d{4}-\d{6}$/);
    expect((await t.services.journey.stagesOf([a.id])).get(a.id)![1]).toMatchObject({ status: 'done' });
    const told = await outbox(t, 'training.completed', a.phone!);
    expect(told[0].body).toContain(certificate.serial);
    expect(told[0].body).toContain(`/verifikasi/${certificate.verify_token}`);

    // The session QR: shown by staff, scanned by the member.
    const shown = await trainer.http.get(`/api/training-waves/${wave.id}/session-code`);
    expect(shown.body).toMatchObject({ sessionId: wave.sessions[1].id, dayNo: 2, date: day(0) });
    expect(shown.body.url).toContain('/me/check-in?code=');
    const member = await memberClient(t, b);
    const self = await member.post('/api/me/check-in', { code: shown.body.code });
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ personId: b.id, method: 'session_qr', daysAttended: 1, completed: false });

    const roster = await trainer.http.get(`/api/training-waves/${wave.id}/roster`);
    const rowA = roster.body.items.find((r: { personId: string }) => r.personId === a.id);
    expect(rowA).toMatchObject({ status: 'completed', daysAttended: 2, certificate: { serial: certificate.serial } });
    expect(rowA.attendance[yesterday.id]).toMatchObject({ method: 'manual', late: false });
    expect(rowA.attendance[wave.sessions[2].id]).toBeNull();
    const detail = await trainer.http.get(`/api/training-waves/${wave.id}`);
    expect(detail.body.sessions.map((s: { attended: number }) => s.attended)).toEqual([1, 2, 0]);
    expect(detail.body).toMatchObject({ completed: 1, completionRate: 1 });
  });

  it('refuses a member not enrolled, a double scan, a day without a session and a forged card, writing nothing', async () => {
    const { op, trainer, coordinator, wave, people } = await running({ days: [0, 1] });
    const url = `/api/training-waves/${wave.id}/check-ins`;
    const [a] = people;
    await trainer.http.post(url, { personId: a.id });
    const stranger = (await createPeople(t, op.id, 1))[0];
    const before = await trainingCounts(t);

    const notEnrolled = await trainer.http.post(url, { memberCode: t.services.members.codeOf(stranger.id) });
    expect(notEnrolled.status).toBe(409);
    expect(notEnrolled.body.error).toMatchObject({ code: 'NOT_ENROLLED' });
    expect(notEnrolled.body.error.message).toContain(stranger.fullName);

    const twice = await trainer.http.post(url, { memberCode: t.services.members.codeOf(a.id) });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_CHECKED_IN');
    expect(twice.body.error.details.checkedInAt).toEqual(expect.any(String));

    const code = t.services.members.codeOf(a.id);
    const forged = [
      `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`,
      code.replace(a.id, stranger.id),
      'M.bukan-kode',
      'https://contoh.id',
    ];
    for (const memberCode of forged) {
      const res = await trainer.http.post(url, { memberCode });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toMatchObject({ path: 'memberCode', code: 'invalid_member_code' });
    }

    const future = await trainer.http.post(url, { personId: people[1].id, sessionId: wave.sessions[1].id });
    expect(future.body.error.code).toBe('NO_SESSION_TODAY');
    const later = await createWave(t, { operatorId: op.id, days: [2, 3] });
    await trainer.http.post(`/api/training-waves/${later.id}/enrollments`, { personIds: [a.id] });
    const before2 = await trainingCounts(t);
    const noSession = await trainer.http.post(`/api/training-waves/${later.id}/check-ins`, { personId: a.id });
    expect(noSession.status).toBe(409);
    expect(noSession.body.error).toMatchObject({ code: 'NO_SESSION_TODAY', details: { nextDate: day(2) } });
    expect(await trainingCounts(t)).toEqual(before2);

    // A coordinator of Sawangan does not reach a member of Beji, enrolled or not.
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [beji.id] });
    const before3 = await trainingCounts(t);
    const outside = await coordinator.http.post(url, { memberCode: t.services.members.codeOf(beji.id) });
    expect(outside.status).toBe(404);
    expect(await trainingCounts(t)).toEqual(before3);
    expect(before3.attendance).toBe(before.attendance);
    expect((await checkIns(wave.id)).length).toBe(1);
  });

  it('refuses a waitlisted member, and session codes that are forged, of another day or of another kind', async () => {
    const { op, trainer, wave } = await running({ days: [-1, 0], people: 0 });
    await trainer.http.patch(`/api/training-waves/${wave.id}`, { capacity: 1 });
    const [seated, waiting] = await createPeople(t, op.id, 2);
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [seated.id, waiting.id] });
    const res = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: waiting.id });
    expect(res.body.error.code).toBe('NOT_ENROLLED');
    expect(res.body.error.message).toContain('daftar tunggu');

    const member = await memberClient(t, seated);
    const before = await trainingCounts(t);
    const old = await trainer.http.get(`/api/training-waves/${wave.id}/session-code?sessionId=${wave.sessions[0].id}`);
    const expired = await member.post('/api/me/check-in', { code: old.body.code });
    expect(expired.status).toBe(400);
    expect(expired.body.error.details[0]).toMatchObject({ path: 'code', code: 'expired_session_code' });
    const today = (await trainer.http.get(`/api/training-waves/${wave.id}/session-code`)).body.code as string;
    for (const code of [`${today}x`, t.services.members.codeOf(seated.id), today.replace(day(0), day(-1))]) {
      const bad = await member.post('/api/me/check-in', { code });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('code');
    }
    expect(await trainingCounts(t)).toEqual(before);
    // Staff are not members: the member check-in is not theirs.
    expect((await trainer.http.post('/api/me/check-in', { code: today })).status).toBe(403);
  });

  it('marks a check-in more than 15 minutes after the start (WIB) as late', async () => {
    const { trainer, wave, people } = await running({
      days: [0],
      people: 2,
    });
    const session = wave.sessions[0];
    expect(session.startsAt).toBe('08:00');
    // 08:15 WIB is still on time, 08:16 is late.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day(0)}T01:15:00Z`) });
    const onTime = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: people[0].id });
    vi.setSystemTime(new Date(`${day(0)}T01:16:00Z`));
    const late = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: people[1].id });
    vi.useRealTimers();
    expect(onTime.body.late).toBe(false);
    expect(late.body.late).toBe(true);
    expect(late.body.checkedInAt).toBe(`${day(0)}T01:16:00.000Z`);
  });

  it('withdraws a wrong check-in; a completion resting on it is undone and comes back with the same serial', async () => {
    const { trainer, coordinator, wave, people } = await running({ days: [0, 1], requiredDays: 1, people: 1 });
    const [a] = people;
    await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: a.id });
    const [cert] = await t.database.query<{ serial: string }>(`SELECT serial FROM certificates WHERE person_id = $1`, [
      a.id,
    ]);
    const undo = await coordinator.http.delete(
      `/api/training-waves/${wave.id}/check-ins/${wave.sessions[0].id}/${a.id}`,
    );
    expect(undo.status).toBe(204);
    const [after] = await t.database.query<{ revoked_at: string | null; status: string }>(
      `SELECT c.revoked_at, e.status FROM certificates c JOIN training_enrollments e ON e.wave_id = c.wave_id AND e.person_id = c.person_id WHERE c.person_id = $1`,
      [a.id],
    );
    expect(after.status).toBe('enrolled');
    expect(after.revoked_at).not.toBeNull();
    expect((await t.services.journey.stagesOf([a.id])).get(a.id)![1].status).toBe('in_progress');
    expect(
      (await coordinator.http.delete(`/api/training-waves/${wave.id}/check-ins/${wave.sessions[0].id}/${a.id}`)).status,
    ).toBe(404);
    const again = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: a.id });
    expect(again.body.completed).toBe(true);
    const [restored] = await t.database.query<{ serial: string; revoked_at: string | null }>(
      `SELECT serial, revoked_at FROM certificates WHERE person_id = $1`,
      [a.id],
    );
    expect(restored).toEqual({ serial: cert.serial, revoked_at: null });
    const audit = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE '%check_in' ORDER BY at`,
      [wave.id],
    );
    expect(audit.map((r) => r.action)).toEqual(['check_in', 'undo_check_in', 'check_in']);
  });

  it('gives every certificate its own serial when members complete at once in different waves', async () => {
    const first = await running({ days: [0], people: 4 });
    const second = await running({ days: [0], people: 4 });
    const answers = await Promise.all(
      [first, second].flatMap((r) =>
        r.people.map((p) => r.trainer.http.post(`/api/training-waves/${r.wave.id}/check-ins`, { personId: p.id })),
      ),
    );
    expect(answers.every((a) => a.status === 200 && a.body.completed)).toBe(true);
    const ids = [...first.people, ...second.people].map((p) => p.id);
    const serials = await t.database.query<{ serial: string }>(
      `SELECT serial FROM certificates WHERE person_id = ANY($1)`,
      [ids],
    );
    expect(new Set(serials.map((s) => s.serial)).size).toBe(8);
  });
});
