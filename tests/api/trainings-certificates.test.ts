import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, KUKUSAN } from '../support/factories.js';
import { readXlsx } from '../support/spreadsheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createPeople, createWave, day, memberClient, trainingSetting } from '../support/training-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A wave of two days that ended yesterday, with people enrolled and their attendance given per day. */
async function finished(attended: boolean[][]) {
  const setting = await trainingSetting(t);
  const wave = await createWave(t, { operatorId: setting.op.id, days: [-2, -1], capacity: 10 });
  const people = await createPeople(t, setting.op.id, attended.length);
  await setting.trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: people.map((p) => p.id) });
  for (const [i, days] of attended.entries())
    for (const [d, present] of days.entries())
      if (present)
        await setting.trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, {
          personId: people[i].id,
          sessionId: wave.sessions[d].id,
        });
  return { ...setting, wave, people };
}

const certificateOf = async (personId: string) =>
  (
    await t.database.query<{ id: string; serial: string; verify_token: string }>(
      `SELECT id, serial, verify_token FROM certificates WHERE person_id = $1`,
      [personId],
    )
  )[0];

describe('closing a wave', () => {
  it('decides completed and not completed, issues certificates and moves the Pelatihan stage', async () => {
    const { trainer, coordinator, wave, people } = await finished([
      [true, true],
      [true, false],
      [false, false],
    ]);
    const [a, b, c] = people;
    // Completed at once on the second day.
    expect(await certificateOf(a.id)).toBeDefined();
    expect((await coordinator.http.post(`/api/training-waves/${wave.id}/close`)).status).toBe(403);
    const res = await trainer.http.post(`/api/training-waves/${wave.id}/close`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', completed: 1, notCompleted: 2, enrolled: 0 });
    expect(res.body.completionRate).toBeCloseTo(1 / 3);
    const stages = await t.services.journey.stagesOf([a.id, b.id, c.id]);
    expect([a, b, c].map((p) => stages.get(p.id)![1].status)).toEqual(['done', 'in_progress', 'in_progress']);
    expect(await certificateOf(b.id)).toBeUndefined();
    const again = await trainer.http.post(`/api/training-waves/${wave.id}/close`);
    expect(again.status).toBe(409);
    // A closed wave takes no more check-ins.
    const late = await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, {
      personId: b.id,
      sessionId: wave.sessions[1].id,
    });
    expect(late.status).toBe(409);
  });

  it('cannot close a wave before its last day', async () => {
    const { op, trainer } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, days: [0, 1] });
    const res = await trainer.http.post(`/api/training-waves/${wave.id}/close`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { endsOn: day(1) } });
  });
});

describe('certificates', () => {
  it('serves the PDF to staff in scope and to the holder, and the public check by token', async () => {
    const { op, trainer, coordinator, wave, people } = await finished([
      [true, true],
      [true, true],
    ]);
    const [a, b] = people;
    const cert = await certificateOf(a.id);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/certificates/${cert.id}/pdf`,
      headers: { cookie: coordinator.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(cert.serial);

    const holder = await memberClient(t, a);
    expect((await holder.get(`/api/certificates/${cert.id}/pdf`)).status).toBe(200);
    const other = await memberClient(t, b);
    expect((await other.get(`/api/certificates/${cert.id}/pdf`)).status).toBe(404);

    const check = await t.http.get(`/api/public/certificates/${cert.verify_token}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      valid: true,
      revoked: false,
      serial: cert.serial,
      holderName: a.fullName,
      waveName: wave.name,
      startsOn: day(-2),
      endsOn: day(-1),
      hours: 12,
      operatorName: op.name,
    });
    expect(JSON.stringify(check.body)).not.toMatch(/nik|phone/i);
    expect((await t.http.get('/api/public/certificates/tidak-ada-token-seperti-ini')).status).toBe(404);

    // Revoked: the check says so, and the PDF is no longer served.
    expect((await coordinator.http.post(`/api/certificates/${cert.id}/revoke`, { reason: 'Salah orang' })).status).toBe(
      403,
    );
    const revoke = await trainer.http.post(`/api/certificates/${cert.id}/revoke`, { reason: 'Diterbitkan keliru' });
    expect(revoke.body).toEqual({ id: cert.id, serial: cert.serial, revoked: true });
    const revoked = await t.http.get(`/api/public/certificates/${cert.verify_token}`);
    expect(revoked.body).toMatchObject({ valid: false, revoked: true, revokedAt: expect.any(String) });
    expect((await holder.get(`/api/certificates/${cert.id}/pdf`)).status).toBe(409);
    expect((await trainer.http.post(`/api/certificates/${cert.id}/revoke`, { reason: 'lagi' })).status).toBe(409);
  });

  it('hides a Beji member’s certificate from a Sawangan coordinator', async () => {
    const { op, trainer, coordinator } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, days: [0], requiredDays: 1 });
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [beji.id] });
    await trainer.http.post(`/api/training-waves/${wave.id}/check-ins`, { personId: beji.id });
    const cert = await certificateOf(beji.id);
    expect((await coordinator.http.get(`/api/certificates/${cert.id}/pdf`)).status).toBe(404);
    expect((await trainer.http.get(`/api/certificates/${cert.id}/pdf`)).status).toBe(200);
  });
});

describe('GET /api/training-waves/:id/attendance.xlsx', () => {
  it('exports the attendance sheet: title block, one row per member, one column per day', async () => {
    const { trainer, wave, people } = await finished([
      [true, true],
      [false, true],
    ]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/training-waves/${wave.id}/attendance.xlsx`,
      headers: { cookie: trainer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const rows = await readXlsx(res.rawPayload);
    expect(String(rows[0][0])).toContain(wave.course.title);
    expect(String(rows[1][0])).toContain(wave.name);
    const header = rows[6];
    expect(header.slice(0, 2)).toEqual(['No', 'Nama']);
    expect(header).toContain('Hari hadir');
    const body = rows.slice(7);
    expect(body).toHaveLength(2);
    const byName = new Map(body.map((r) => [r[1], r]));
    const cert = await certificateOf(people[0].id);
    expect(byName.get(people[0].fullName)!.slice(5)).toEqual(['✓', '✓', 2, 'Lulus', cert.serial]);
    expect(byName.get(people[1].fullName)!.slice(5, 9)).toEqual([undefined, '✓', 1, 'Terdaftar']);
  });
});
