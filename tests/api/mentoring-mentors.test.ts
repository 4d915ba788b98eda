import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEJI, registrationBody, SAWANGAN, signedIn } from '../support/factories.js';
import { assign, daysAgo, mentoringSetting, put, sessionBody, signedInMentor } from '../support/mentoring-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const profile = (operatorId: string, over: Record<string, unknown> = {}) => ({
  operatorId,
  expertise: ['finance', 'packaging'],
  sectors: ['makanan_minuman'],
  districtCodes: [SAWANGAN],
  capacity: 40,
  recruitmentTarget: 120,
  contactEveryDays: 14,
  active: true,
  ...over,
});

describe('mentor profiles', () => {
  it('lists every mentor of the area with profile defaults, caseload, recruits and overdue follow-ups', async () => {
    const { op, coordinator, mentor, people } = await mentoringSetting(t, 3);
    await assign(
      t,
      people.map((p) => p.id),
      mentor.user.id,
    );
    // One member's follow-up date has passed.
    await mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(people[0].id, { heldOn: daysAgo(10), nextFollowUpOn: daysAgo(3) }),
    );
    await mentor.http.post('/api/mentoring/sessions', sessionBody(people[1].id, { nextFollowUpOn: daysAgo(-5) }));
    // Registered by the mentor: counts as recruited.
    const recruit = await mentor.http.post('/api/participants', registrationBody(op.id));
    expect(recruit.status).toBe(201);
    const res = await coordinator.http.get(`/api/mentors?operatorId=${op.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        userId: mentor.user.id,
        name: 'Pendamping Sawangan',
        operatorId: op.id,
        regionPrefixes: [SAWANGAN],
        expertise: [],
        districtCodes: [],
        capacity: 50,
        contactEveryDays: 30,
        recruitmentTarget: null,
        active: true,
        caseload: 3,
        recruited: 1,
        overdue: 1,
      }),
    ]);
  });

  it('saves a profile; kecamatan outside the mentor’s region are refused, nothing saved', async () => {
    const { op, coordinator, admin, mentor } = await mentoringSetting(t, 0);
    const saved = await put(t, coordinator, `/api/mentors/${mentor.user.id}/profile`, profile(op.id));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      expertise: ['finance', 'packaging'],
      sectors: ['makanan_minuman'],
      districtCodes: [SAWANGAN],
      districtNames: ['Kec. Sawangan'],
      capacity: 40,
      recruitmentTarget: 120,
      contactEveryDays: 14,
    });
    const outside = await put(
      t,
      admin,
      `/api/mentors/${mentor.user.id}/profile`,
      profile(op.id, { districtCodes: [SAWANGAN, BEJI], capacity: 10 }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([
      expect.objectContaining({ path: 'districtCodes.1', code: 'outside_mentor_area' }),
    ]);
    const notAKecamatan = await put(
      t,
      admin,
      `/api/mentors/${mentor.user.id}/profile`,
      profile(op.id, { districtCodes: ['32.76.99'] }),
    );
    expect(notAKecamatan.body.error.details[0]).toMatchObject({ code: 'unknown_region' });
    expect((await admin.http.get(`/api/mentors/${mentor.user.id}`)).body.capacity).toBe(40);
    const audit = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'mentor_profile' AND entity_id = $1`,
      [mentor.user.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('refuses bad values with the field named', async () => {
    const { op, coordinator, mentor } = await mentoringSetting(t, 0);
    const res = await put(
      t,
      coordinator,
      `/api/mentors/${mentor.user.id}/profile`,
      profile(op.id, { capacity: -1, expertise: ['astrology'], contactEveryDays: 0 }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'capacity',
      'contactEveryDays',
      'expertise.0',
    ]);
  });

  it('scopes mentors: a Sawangan coordinator sees Sawangan and operator-wide mentors, a Beji mentor is a 404', async () => {
    const { op, coordinator, mentor } = await mentoringSetting(t, 0);
    const beji = await signedInMentor(t, op.id, BEJI, 'Pendamping Beji');
    const wide = await signedInMentor(t, op.id, null, 'Pendamping Kota');
    const list = await coordinator.http.get('/api/mentors');
    expect(list.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [mentor.user.id, wide.user.id].sort(),
    );
    expect((await coordinator.http.get(`/api/mentors/${beji.user.id}`)).status).toBe(404);
    const refused = await put(
      t,
      coordinator,
      `/api/mentors/${beji.user.id}/profile`,
      profile(op.id, { districtCodes: [] }),
    );
    expect(refused.status).toBe(404);
    // An operator-wide mentor given Beji only is no longer a Sawangan mentor.
    const admin = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    await put(t, admin, `/api/mentors/${wide.user.id}/profile`, profile(op.id, { districtCodes: [BEJI] }));
    expect((await coordinator.http.get(`/api/mentors/${wide.user.id}`)).status).toBe(404);
    expect((await admin.http.get(`/api/mentors?districtCode=${BEJI}`)).body.items).toHaveLength(2);
  });

  it('lets a mentor read but not change profiles', async () => {
    const { op, mentor } = await mentoringSetting(t, 0);
    expect((await mentor.http.get(`/api/mentors/${mentor.user.id}`)).status).toBe(200);
    expect((await put(t, mentor, `/api/mentors/${mentor.user.id}/profile`, profile(op.id))).status).toBe(403);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect((await curator.http.get('/api/mentors')).status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents every mentoring and clinic endpoint with its tag and a summary', async () => {
    const doc = (await t.http.get('/api/openapi.json')).body;
    const expected: Array<[string, string, string]> = [
      ['get', '/api/mentors', 'mentoring'],
      ['get', '/api/mentors/{userId}', 'mentoring'],
      ['put', '/api/mentors/{userId}/profile', 'mentoring'],
      ['post', '/api/mentoring/assignments', 'mentoring'],
      ['post', '/api/mentoring/assignments/suggest', 'mentoring'],
      ['get', '/api/participants/{id}/mentoring', 'mentoring'],
      ['post', '/api/mentoring/sessions', 'mentoring'],
      ['get', '/api/mentoring/sessions', 'mentoring'],
      ['post', '/api/mentoring/actions/{id}/done', 'mentoring'],
      ['post', '/api/mentoring/actions/{id}/reopen', 'mentoring'],
      ['get', '/api/mentoring/caseload', 'mentoring'],
      ['get', '/api/mentoring/stats', 'mentoring'],
      ['get', '/api/me/mentoring', 'mentoring'],
      ['get', '/api/clinic/slots', 'clinic'],
      ['post', '/api/clinic/slots', 'clinic'],
      ['delete', '/api/clinic/slots/{id}', 'clinic'],
      ['post', '/api/clinic/bookings', 'clinic'],
      ['post', '/api/clinic/bookings/{id}/confirm', 'clinic'],
      ['post', '/api/clinic/bookings/{id}/cancel', 'clinic'],
      ['post', '/api/clinic/bookings/{id}/done', 'clinic'],
      ['get', '/api/me/clinic', 'clinic'],
      ['post', '/api/me/clinic/bookings', 'clinic'],
      ['post', '/api/me/clinic/bookings/{id}/cancel', 'clinic'],
    ];
    for (const [method, path, tag] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.tags).toEqual([tag]);
      expect(op.summary.length).toBeGreaterThan(10);
    }
  });
});
