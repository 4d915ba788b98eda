import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/modules/access/actor.js';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { addDays } from '../../src/shared/dates.js';
import { createParticipant, KUKUSAN, PASIR_PUTIH } from '../support/factories.js';
import {
  assign,
  createCenter,
  daysAgo,
  mentoringSetting,
  put,
  queued,
  sessionBody,
  signedInMentor,
} from '../support/mentoring-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Case = { personId: string; urgency: string; score: number; daysSinceContact: number | null };

/**
 * One mentor's caseload with one member of each kind, dates relative to today:
 * A follow-up 10 days overdue, B 2 days overdue, C never contacted, D silent for 45 days, E an action 5 days late,
 * F an open action, G fine.
 */
async function caseload() {
  const s = await mentoringSetting(t, 7);
  const [A, B, C, D, E, F, G] = s.people;
  await assign(
    t,
    s.people.map((p) => p.id),
    s.mentor.user.id,
  );
  const log = async (personId: string, over: Record<string, unknown>) => {
    const res = await s.mentor.http.post('/api/mentoring/sessions', sessionBody(personId, over));
    expect(res.status).toBe(201);
  };
  await log(A.id, { heldOn: daysAgo(20), nextFollowUpOn: daysAgo(10) });
  await log(B.id, { heldOn: daysAgo(5), nextFollowUpOn: daysAgo(2) });
  await log(D.id, { heldOn: daysAgo(45) });
  await log(E.id, { heldOn: daysAgo(10), actions: [{ description: 'Urus NIB', dueOn: daysAgo(5) }] });
  await log(F.id, { actions: [{ description: 'Hitung HPP', dueOn: daysAgo(-5) }] });
  await log(G.id, {});
  return { ...s, A, B, C, D, E, F, G };
}

describe('GET /api/mentoring/caseload', () => {
  it('sorts by urgency: overdue follow-ups, not contacted, overdue actions, open actions, ok', async () => {
    const s = await caseload();
    const res = await s.mentor.http.get('/api/mentoring/caseload');
    expect(res.status).toBe(200);
    const rows: Case[] = res.body.items;
    expect(rows.map((r) => r.personId)).toEqual([s.A, s.B, s.D, s.C, s.E, s.F, s.G].map((p) => p.id));
    expect(rows.map((r) => [r.urgency, r.score])).toEqual([
      ['overdue_follow_up', 10],
      ['overdue_follow_up', 2],
      ['not_contacted', 45],
      ['not_contacted', 0],
      ['overdue_actions', 5],
      ['open_actions', 1],
      ['ok', 0],
    ]);
    expect(res.body.items[0]).toMatchObject({
      fullName: s.A.fullName,
      districtName: 'Kec. Sawangan',
      villageName: expect.any(String),
      businessName: s.A.businesses[0].name,
      mentorName: 'Pendamping Sawangan',
      lastContactOn: daysAgo(20),
      daysSinceContact: 20,
      followUpOverdueDays: 10,
    });
    expect(res.body.items[3]).toMatchObject({ daysSinceContact: null, lastContactOn: null });
    expect(res.body.summary).toEqual({
      members: 7,
      overdueFollowUps: 2,
      notContacted: 2,
      openActions: 2,
      overdueActions: 1,
    });
    expect(res.body.total).toBe(7);

    const page = await s.mentor.http.get('/api/mentoring/caseload?page=2&pageSize=3&urgency=not_contacted');
    expect(page.body.total).toBe(2);
    expect(page.body.items).toEqual([]);
    const only = await s.mentor.http.get('/api/mentoring/caseload?urgency=not_contacted');
    expect(only.body.items.map((r: Case) => r.personId)).toEqual([s.D.id, s.C.id]);
  });

  it('takes N from the request, else from the mentor’s profile', async () => {
    const s = await caseload();
    const longer = await s.mentor.http.get('/api/mentoring/caseload?notContactedDays=60');
    expect(longer.body.items.find((r: Case) => r.personId === s.D.id).urgency).toBe('ok');
    expect(longer.body.summary.notContacted).toBe(1);
    await put(t, s.coordinator, `/api/mentors/${s.mentor.user.id}/profile`, {
      operatorId: s.op.id,
      contactEveryDays: 50,
    });
    const profile = await s.mentor.http.get('/api/mentoring/caseload');
    expect(profile.body.items.find((r: Case) => r.personId === s.D.id).urgency).toBe('ok');
    const shorter = await s.mentor.http.get('/api/mentoring/caseload?notContactedDays=4');
    expect(shorter.body.items.find((r: Case) => r.personId === s.E.id).urgency).toBe('not_contacted');
  });

  it('uses an injected today (the service takes it, tests pin it)', async () => {
    const s = await caseload();
    const later = addDays(todayWib(), 31);
    const res = await t.services.mentoring.caseload(systemActor('test'), {
      mentorUserId: s.mentor.user.id,
      page: 1,
      pageSize: 50,
      today: later,
    });
    const g = res.items.find((r) => r.personId === s.G.id)!;
    expect(g).toMatchObject({ urgency: 'not_contacted', daysSinceContact: 31, score: 31 });
    expect(res.items.find((r) => r.personId === s.F.id)!.urgency).toBe('not_contacted');
    expect(res.items.find((r) => r.personId === s.A.id)).toMatchObject({ followUpOverdueDays: 41, score: 41 });
  });

  it('shows a mentor only their own caseload and a coordinator only their kecamatan', async () => {
    const s = await caseload();
    const wide = await signedInMentor(t, s.op.id, null, 'Pendamping Kota');
    const beji = await createParticipant(t, { operatorId: s.op.id, domicileVillageCode: KUKUSAN });
    const sawangan = await createParticipant(t, { operatorId: s.op.id, domicileVillageCode: PASIR_PUTIH });
    await assign(t, [beji.id, sawangan.id], wide.user.id);
    const mine = await s.mentor.http.get(`/api/mentoring/caseload?mentorUserId=${wide.user.id}`);
    expect(mine.body.total).toBe(7);
    const coord = await s.coordinator.http.get('/api/mentoring/caseload');
    expect(coord.body.total).toBe(8);
    expect(coord.body.items.map((r: Case) => r.personId)).not.toContain(beji.id);
    const filtered = await s.coordinator.http.get(`/api/mentoring/caseload?mentorUserId=${wide.user.id}`);
    expect(filtered.body.items.map((r: Case) => r.personId)).toEqual([sawangan.id]);
    const admin = await s.admin.http.get(`/api/mentoring/caseload?mentorUserId=${wide.user.id}`);
    expect(admin.body.total).toBe(2);
    expect((await s.coordinator.http.get(`/api/participants/${beji.id}/mentoring`)).status).toBe(404);
  });
});

describe('GET /api/mentoring/stats', () => {
  it('sums each mentor’s sessions, members contacted, contact and prep hours in a month', async () => {
    const s = await mentoringSetting(t, 2);
    const [P, Q] = s.people;
    await assign(t, [P.id, Q.id], s.mentor.user.id);
    const idle = await signedInMentor(t, s.op.id, null, 'Pendamping Baru');
    const month = daysAgo(70).slice(0, 7);
    const next = addDays(`${month}-28`, 4).slice(0, 7);
    const log = (personId: string, heldOn: string, contactHours: number, prepHours: number) =>
      s.mentor.http.post('/api/mentoring/sessions', sessionBody(personId, { heldOn, contactHours, prepHours }));
    await log(P.id, `${month}-05`, 1, 0.5);
    await log(P.id, `${month}-28`, 2, 1);
    await log(Q.id, `${month}-28`, 0.5, 0);
    await log(Q.id, `${next}-01`, 3, 3);
    const res = await s.coordinator.http.get(`/api/mentoring/stats?operatorId=${s.op.id}&month=${month}`);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe(month);
    const byName = Object.fromEntries(res.body.items.map((i: { name: string }) => [i.name, i]));
    expect(byName['Pendamping Sawangan']).toMatchObject({
      caseload: 2,
      capacity: 50,
      sessions: 3,
      contacts: 2,
      contactHours: 3.5,
      prepHours: 1.5,
    });
    expect(byName['Pendamping Baru']).toMatchObject({
      userId: idle.user.id,
      sessions: 0,
      contactHours: 0,
      caseload: 0,
    });
    expect(res.body.totals).toMatchObject({ mentors: 2, sessions: 3, contacts: 2, contactHours: 3.5, prepHours: 1.5 });
    // A mentor sees their own line only.
    const own = await idle.http.get(`/api/mentoring/stats?month=${month}`);
    expect(own.body.items.map((i: { userId: string }) => i.userId)).toEqual([idle.user.id]);
  });
});

describe('daily digests', () => {
  it('sends one digest per mentor with anything urgent, once a day, with a link to the caseload', async () => {
    const s = await caseload();
    const calm = await signedInMentor(t, s.op.id, null, 'Pendamping Tenang');
    const fine = await createParticipant(t, { operatorId: s.op.id, domicileVillageCode: PASIR_PUTIH });
    await assign(t, [fine.id], calm.user.id);
    await calm.http.post('/api/mentoring/sessions', sessionBody(fine.id, { heldOn: todayWib() }));
    // A clinic booking on the digest's day counts too.
    const day = addDays(todayWib(), 2);
    const center = await createCenter(t, s.op.id);
    await s.coordinator.http.post('/api/clinic/slots', {
      centerId: center.id,
      mentorUserId: s.mentor.user.id,
      date: day,
      from: '09:00',
      to: '10:00',
      minutes: 60,
    });
    const slots = await s.coordinator.http.get(`/api/clinic/slots?centerId=${center.id}&from=${day}&to=${day}`);
    await s.coordinator.http.post('/api/clinic/bookings', { slotId: slots.body.items[0].id, personId: s.G.id });

    const first = await t.services.mentoring.sendDigests(day);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const second = await t.services.mentoring.sendDigests(day);
    expect(second.sent).toBe(0);
    const mine = await queued(t, 'mentoring.daily_digest', s.mentor.email!);
    expect(mine).toHaveLength(1);
    expect(mine[0].channel).toBe('email');
    expect(mine[0].body).toContain('Tindak lanjut terlambat: 2 peserta');
    expect(mine[0].body).toContain('Belum dihubungi: 2 peserta');
    expect(mine[0].body).toContain('Tindakan lewat tenggat: 1');
    expect(mine[0].body).toContain('Klinik bisnis hari ini: 1');
    expect(mine[0].body).toContain('http://localhost:3000/mentoring');
    expect(await queued(t, 'mentoring.daily_digest', calm.email!)).toEqual([]);
    const [key] = await t.database.query<{ key: string }>(`SELECT key FROM reminders_sent WHERE key = $1`, [
      `caseload:${s.mentor.user.id}:${day}`,
    ]);
    expect(key).toBeDefined();
    // An inactive mentor gets none.
    await put(t, s.coordinator, `/api/mentors/${s.mentor.user.id}/profile`, { operatorId: s.op.id, active: false });
    await t.services.mentoring.sendDigests(addDays(day, 1));
    expect(await queued(t, 'mentoring.daily_digest', s.mentor.email!)).toHaveLength(1);
  });
});
