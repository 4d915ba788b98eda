import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { signedIn } from '../support/factories.js';
import { signedInMember } from '../support/member-factories.js';
import {
  assign,
  daysAgo,
  mentoringSetting,
  sessionBody,
  signedInMentor,
  uploadPhoto,
} from '../support/mentoring-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sessionRows = (personId: string) =>
  t.database.query<{ id: string }>(`SELECT id FROM mentoring_sessions WHERE person_id = $1`, [personId]);
const stage3 = async (personId: string) =>
  (
    await t.database.query<{ status: string; since: string }>(
      `SELECT status, since::text FROM participant_stages WHERE person_id = $1 AND stage = 3`,
      [personId],
    )
  )[0] ?? null;

describe('POST /api/mentoring/sessions', () => {
  it('logs a session with actions, follow-up and photos; the mentor’s member record shows it', async () => {
    const { op, mentor, people } = await mentoringSetting(t, 1);
    const [person] = people;
    await assign(t, [person.id], mentor.user.id);
    const photo = await uploadPhoto(t, mentor.cookie, op.id);
    const res = await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, {
        businessId: person.businesses[0].id,
        heldOn: daysAgo(2),
        mode: 'whatsapp',
        prepHours: 0.25,
        contactHours: 1.5,
        topics: ['finance', 'packaging'],
        nextFollowUpOn: daysAgo(-12),
        actions: [
          { description: 'Urus NIB di OSS', dueOn: daysAgo(-7) },
          { description: 'Foto produk ulang dengan latar putih' },
        ],
        attachmentIds: [photo],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: person.id,
      personName: person.fullName,
      businessId: person.businesses[0].id,
      mentorUserId: mentor.user.id,
      mentorName: 'Pendamping Sawangan',
      heldOn: daysAgo(2),
      mode: 'whatsapp',
      prepHours: 0.25,
      contactHours: 1.5,
      topics: ['finance', 'packaging'],
      nextFollowUpOn: daysAgo(-12),
      attachments: [{ id: photo, name: 'produk.png', mime: 'image/png', size: expect.any(Number) }],
    });
    expect(res.body.actions.map((a: { description: string; overdue: boolean }) => [a.description, a.overdue])).toEqual([
      ['Urus NIB di OSS', false],
      ['Foto produk ulang dengan latar putih', false],
    ]);
    const record = await mentor.http.get(`/api/participants/${person.id}/mentoring`);
    expect(record.status).toBe(200);
    expect(record.body.totals).toEqual({
      sessions: 1,
      contactHours: 1.5,
      prepHours: 0.25,
      lastContactOn: daysAgo(2),
      nextFollowUpOn: daysAgo(-12),
    });
    expect(record.body.openActions).toHaveLength(2);

    // Actions are ticked off and reopened.
    const actionId = res.body.actions[0].id;
    const done = await mentor.http.post(`/api/mentoring/actions/${actionId}/done`);
    expect(done.status).toBe(200);
    expect(done.body.doneAt).not.toBeNull();
    expect((await mentor.http.get(`/api/participants/${person.id}/mentoring`)).body.openActions).toHaveLength(1);
    expect((await mentor.http.post(`/api/mentoring/actions/${actionId}/reopen`)).body.doneAt).toBeNull();

    const list = await mentor.http.get(`/api/mentoring/sessions?personId=${person.id}&from=${daysAgo(5)}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(res.body.id);
    const audit = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'mentoring_session' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('answers NOT_IN_CASELOAD for a member assigned to another mentor, and writes nothing', async () => {
    const { op, mentor, people } = await mentoringSetting(t, 2);
    const other = await signedInMentor(t, op.id);
    await assign(t, [people[0].id], other.user.id);
    for (const person of people) {
      const res = await mentor.http.post(
        '/api/mentoring/sessions',
        sessionBody(person.id, { actions: [{ description: 'Coba lagi' }] }),
      );
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('NOT_IN_CASELOAD');
      expect(await sessionRows(person.id)).toEqual([]);
    }
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentoring_actions WHERE person_id = ANY($1)`,
      [people.map((p) => p.id)],
    );
    expect(n).toBe(0);
    expect(await stage3(people[1].id)).toBeNull();
    // Nor can they tick off another mentor's actions.
    const theirs = await other.http.post(
      '/api/mentoring/sessions',
      sessionBody(people[0].id, { actions: [{ description: 'Urus PIRT' }] }),
    );
    const steal = await mentor.http.post(`/api/mentoring/actions/${theirs.body.actions[0].id}/done`);
    expect(steal.body.error.code).toBe('NOT_IN_CASELOAD');
    // Coordinators read, but do not log.
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: '32.76.03' }],
    });
    expect((await coordinator.http.post('/api/mentoring/sessions', sessionBody(people[0].id))).status).toBe(403);
  });

  it('lets a program admin log for a named mentor; the first session starts stage 3', async () => {
    const { admin, mentor, people } = await mentoringSetting(t, 1);
    const [person] = people;
    expect(await stage3(person.id)).toBeNull();
    const res = await admin.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, { mentorUserId: mentor.user.id, heldOn: daysAgo(3), mode: 'clinic' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.mentorUserId).toBe(mentor.user.id);
    expect(await stage3(person.id)).toEqual({ status: 'in_progress', since: daysAgo(3) });
    await admin.http.post('/api/mentoring/sessions', sessionBody(person.id, { mentorUserId: mentor.user.id }));
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stage_events WHERE person_id = $1 AND stage = 3`,
      [person.id],
    );
    expect(n).toBe(1);
    const notMentor = await admin.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, { mentorUserId: 'no-such-user' }),
    );
    expect(notMentor.body.error.details[0]).toMatchObject({ path: 'mentorUserId', code: 'not_a_mentor' });
    // A mentor cannot log in someone else's name.
    await assign(t, [person.id], mentor.user.id);
    const forged = await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, { mentorUserId: admin.user.id }),
    );
    expect(forged.status).toBe(403);
  });

  it('refuses bad input with the fields named, nothing written', async () => {
    const { op, mentor, people } = await mentoringSetting(t, 1);
    const [person] = people;
    await assign(t, [person.id], mentor.user.id);
    const stranger = await signedInMentor(t, op.id);
    const notMine = await uploadPhoto(t, stranger.cookie, op.id);
    const res = await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, {
        heldOn: daysAgo(-3),
        nextFollowUpOn: daysAgo(-1),
        actions: [{ description: 'Cek izin', dueOn: daysAgo(1) }],
        attachmentIds: [notMine, crypto.randomUUID()],
        businessId: crypto.randomUUID(),
        clinicBookingId: crypto.randomUUID(),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`).sort()).toEqual([
      'actions.0.dueOn:before_session',
      'attachmentIds.0:unknown_file',
      'attachmentIds.1:unknown_file',
      'businessId:unknown_business',
      'clinicBookingId:invalid_booking',
      'heldOn:future_date',
      'nextFollowUpOn:before_session',
    ]);
    const zod = await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, { topics: [], contactHours: 0 }),
    );
    expect(zod.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['contactHours', 'topics']);
    expect(await sessionRows(person.id)).toEqual([]);
  });
});

describe('GET /api/me/mentoring', () => {
  it('shows the member their mentor, sessions without notes, and open actions', async () => {
    const { mentor, people } = await mentoringSetting(t, 1);
    const [person] = people;
    await assign(t, [person.id], mentor.user.id);
    await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(person.id, {
        notes: 'Catatan rahasia pendamping',
        actions: [{ description: 'Daftar PIRT', dueOn: todayWib() }],
      }),
    );
    const member = await signedInMember(t, person);
    const res = await member.http.get('/api/me/mentoring');
    expect(res.status).toBe(200);
    expect(res.body.mentor).toEqual({ name: 'Pendamping Sawangan', phone: null });
    expect(res.body.sessions).toEqual([
      { heldOn: todayWib(), mode: 'visit', topics: ['finance'], nextFollowUpOn: null },
    ]);
    expect(res.body.openActions).toEqual([expect.objectContaining({ description: 'Daftar PIRT', overdue: false })]);
    expect(JSON.stringify(res.body)).not.toContain('rahasia');
    // Members do not read the staff record.
    expect((await member.http.get(`/api/participants/${person.id}/mentoring`)).status).toBe(403);
    expect((await mentor.http.get('/api/me/mentoring')).status).toBe(403);
  });
});
