import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { BEJI, createParticipant, KUKUSAN, PASIR_PUTIH, SAWANGAN } from '../support/factories.js';
import { mentoringSetting, put, queued, signedInMentor } from '../support/mentoring-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setCapacity = (who: { cookie: string }, userId: string, operatorId: string, capacity: number, over = {}) =>
  put(t, who, `/api/mentors/${userId}/profile`, { operatorId, capacity, ...over });

describe('POST /api/mentoring/assignments', () => {
  it('assigns, reassigns with history kept, and tells the member who their mentor is', async () => {
    const { op, coordinator, mentor, people } = await mentoringSetting(t, 2);
    const ids = people.map((p) => p.id);
    const first = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: ids,
      mentorUserId: mentor.user.id,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ assigned: 2, unchanged: 0 });
    const other = await signedInMentor(t, op.id, null, 'Pendamping Kedua');
    const second = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: ids,
      mentorUserId: other.user.id,
      reason: 'Pendamping pertama pindah tugas',
    });
    expect(second.body).toEqual({ assigned: 2, unchanged: 0 });
    const again = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: ids,
      mentorUserId: other.user.id,
    });
    expect(again.body).toEqual({ assigned: 0, unchanged: 2 });

    const record = await coordinator.http.get(`/api/participants/${ids[0]}/mentoring`);
    expect(record.status).toBe(200);
    expect(record.body.current).toEqual({ userId: other.user.id, name: 'Pendamping Kedua', since: todayWib() });
    expect(record.body.history).toEqual([
      expect.objectContaining({ userId: other.user.id, until: null, assignedBy: coordinator.user.id }),
      expect.objectContaining({ userId: mentor.user.id, since: todayWib(), until: todayWib() }),
    ]);
    const [stage] = await t.database.query<{ status: string }>(
      `SELECT status FROM participant_stages WHERE person_id = $1 AND stage = 3`,
      [ids[0]],
    );
    expect(stage.status).toBe('in_progress');
    const audit = await t.database.query<{ changes: Record<string, { after: unknown }> }>(
      `SELECT changes FROM audit_log WHERE action = 'assign_mentor' AND operator_id = $1 ORDER BY at`,
      [op.id],
    );
    expect(audit[1].changes.reason.after).toBe('Pendamping pertama pindah tugas');
    const messages = await queued(t, 'mentoring.assigned');
    const toFirst = messages.filter((m) => m.body.includes(people[0].fullName));
    expect(toFirst.map((m) => m.channel)).toEqual(['whatsapp', 'whatsapp']);
    expect(toFirst[1].body).toContain('Pendamping Kedua');
  });

  it('respects capacity unless overridden, with the numbers in the error', async () => {
    const { op, coordinator, mentor, people } = await mentoringSetting(t, 3);
    await setCapacity(coordinator, mentor.user.id, op.id, 2);
    const ids = people.map((p) => p.id);
    await coordinator.http.post('/api/mentoring/assignments', { personIds: [ids[0]], mentorUserId: mentor.user.id });
    const full = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: ids.slice(1),
      mentorUserId: mentor.user.id,
    });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({
      code: 'MENTOR_AT_CAPACITY',
      details: { capacity: 2, caseload: 1, adding: 2 },
    });
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentor_assignments WHERE person_id = ANY($1)`,
      [ids.slice(1)],
    );
    expect(n).toBe(0);
    const overridden = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: ids.slice(1),
      mentorUserId: mentor.user.id,
      overrideCapacity: true,
    });
    expect(overridden.body).toEqual({ assigned: 2, unchanged: 0 });
    // The bulk action goes through the same rule.
    const more = await createParticipant(t, { operatorId: op.id, domicileVillageCode: PASIR_PUTIH });
    const bulk = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: [more.id],
      mentorUserId: mentor.user.id,
    });
    expect(bulk.status).toBe(409);
    expect(bulk.body.error.code).toBe('MENTOR_AT_CAPACITY');
    const bulkOverride = await coordinator.http.post('/api/participants/bulk', {
      action: 'assign_mentor',
      ids: [more.id],
      mentorUserId: mentor.user.id,
      overrideCapacity: true,
    });
    expect(bulkOverride.body).toEqual({ updated: 1 });
  });

  it('refuses an inactive mentor, a member outside the mentor’s area and one outside the caller’s scope', async () => {
    const { op, coordinator, admin, mentor, people } = await mentoringSetting(t, 1);
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const outside = await admin.http.post('/api/mentoring/assignments', {
      personIds: [people[0].id, beji.id],
      mentorUserId: mentor.user.id,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([
      expect.objectContaining({ path: 'personIds.1', code: 'outside_mentor_area' }),
    ]);
    const scoped = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: [beji.id],
      mentorUserId: mentor.user.id,
    });
    expect(scoped.status).toBe(404);
    await setCapacity(coordinator, mentor.user.id, op.id, 50, { active: false });
    const inactive = await coordinator.http.post('/api/mentoring/assignments', {
      personIds: [people[0].id],
      mentorUserId: mentor.user.id,
    });
    expect(inactive.body.error.details[0]).toMatchObject({ path: 'mentorUserId', code: 'mentor_inactive' });
    expect(
      (
        await mentor.http.post('/api/mentoring/assignments', {
          personIds: [people[0].id],
          mentorUserId: mentor.user.id,
        })
      ).status,
    ).toBe(403);
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentor_assignments WHERE person_id = ANY($1)`,
      [[people[0].id, beji.id]],
    );
    expect(n).toBe(0);
  });
});

describe('POST /api/mentoring/assignments/suggest', () => {
  it('ranks mentors by kecamatan, sector and spare capacity, and says why', async () => {
    const { op, admin, mentor } = await mentoringSetting(t, 0);
    const food = await createParticipant(t, {
      operatorId: op.id,
      domicileVillageCode: PASIR_PUTIH,
      businesses: [
        {
          name: 'Keripik Singkong',
          kbli: '10794',
          preVenture: false,
          employeesMale: 0,
          employeesFemale: 0,
          channels: [],
        },
      ],
    } as never);
    const wide = await signedInMentor(t, op.id, null, 'Pendamping Kuliner');
    const full = await signedInMentor(t, op.id, SAWANGAN, 'Pendamping Penuh');
    const bejiOnly = await signedInMentor(t, op.id, BEJI, 'Pendamping Beji');
    await setCapacity(admin, mentor.user.id, op.id, 10, { districtCodes: [SAWANGAN] });
    await setCapacity(admin, wide.user.id, op.id, 10, { sectors: ['makanan_minuman'] });
    await setCapacity(admin, full.user.id, op.id, 0);
    const res = await admin.http.post('/api/mentoring/assignments/suggest', { personIds: [food.id] });
    expect(res.status).toBe(200);
    const [item] = res.body.items;
    expect(item.personId).toBe(food.id);
    expect(item.suggestions).toEqual([
      {
        userId: mentor.user.id,
        name: 'Pendamping Sawangan',
        score: 70,
        reasons: ['same_district', 'spare_capacity'],
        caseload: 0,
        capacity: 10,
      },
      {
        userId: wide.user.id,
        name: 'Pendamping Kuliner',
        score: 50,
        reasons: ['sector_match', 'spare_capacity'],
        caseload: 0,
        capacity: 10,
      },
      {
        userId: full.user.id,
        name: 'Pendamping Penuh',
        score: 50,
        reasons: ['same_district'],
        caseload: 0,
        capacity: 0,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(bejiOnly.user.id);
  });
});
