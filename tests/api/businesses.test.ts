import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestToday } from '../../src/server/modules/participants/journey.service.js';
import {
  BEJI,
  createOperator,
  createParticipant,
  KUKUSAN,
  PASIR_PUTIH,
  SAWANGAN,
  signedIn,
} from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner(domicileVillageCode = PASIR_PUTIH) {
  const op = await createOperator(t);
  const person = await createParticipant(t, {
    operatorId: op.id,
    domicileVillageCode,
    fullName: 'Dewi Lestari',
    businesses: [
      { name: 'Keripik Tempe Bu Dewi', preVenture: false, employeesMale: 0, employeesFemale: 0, channels: [] },
    ],
  });
  const staff = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  return { op, person, business: person.businesses[0], staff };
}

const searchTextOf = async (personId: string) =>
  (await t.database.query<{ s: string }>(`SELECT search_text AS s FROM people WHERE id = $1`, [personId]))[0].s;

describe('businesses', () => {
  it('adds a business with its kecamatan and keeps the person findable by its name', async () => {
    const { person, staff } = await owner();
    const villageCode = KUKUSAN;
    const res = await staff.http.post(`/api/participants/${person.id}/businesses`, {
      name: 'Konveksi Hijab Lestari',
      kbli: '14111',
      villageCode,
      monthlyRevenue: 4_500_000,
      channels: ['whatsapp', 'marketplace'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: person.id,
      name: 'Konveksi Hijab Lestari',
      districtCode: BEJI,
      status: 'active',
      employeesMale: 0,
      channels: ['whatsapp', 'marketplace'],
    });
    expect(await searchTextOf(person.id)).toBe('dewi lestari keripik tempe bu dewi konveksi hijab lestari');
    const unknown = await staff.http.post(`/api/participants/${person.id}/businesses`, {
      name: 'Warung',
      villageCode: '32.76.99.9999',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({ path: 'villageCode', code: 'unknown_region' });
  });

  it('a PATCH changes only the fields sent, and a new name is searchable', async () => {
    const { person, business, staff } = await owner();
    await staff.http.patch(`/api/businesses/${business.id}`, { employeesFemale: 2, channels: ['offline'] });
    const res = await staff.http.patch(`/api/businesses/${business.id}`, { name: 'Keripik Tempe Sagu Dewi' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Keripik Tempe Sagu Dewi', employeesFemale: 2, channels: ['offline'] });
    expect(await searchTextOf(person.id)).toBe('dewi lestari keripik tempe sagu dewi');
  });

  it('keeps the status history: paused, moved to a new address, closed with a reason', async () => {
    const { business, staff } = await owner();
    const paused = await staff.http.post(`/api/businesses/${business.id}/status`, {
      status: 'paused',
      effectiveOn: '2025-01-15',
    });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', statusSince: '2025-01-15' });
    const moved = await staff.http.post(`/api/businesses/${business.id}/status`, {
      status: 'moved',
      effectiveOn: '2025-04-01',
      newAddress: 'Jl. Raya Muchtar No. 12, Sawangan',
    });
    expect(moved.body).toMatchObject({ status: 'moved', address: 'Jl. Raya Muchtar No. 12, Sawangan' });
    await staff.http.post(`/api/businesses/${business.id}/status`, {
      status: 'closed',
      effectiveOn: '2025-09-30',
      reason: 'Modal habis',
    });
    const history = await t.database.query(
      `SELECT status, effective_on, reason, new_address, recorded_by FROM business_status_events WHERE business_id = $1 ORDER BY effective_on`,
      [business.id],
    );
    expect(history).toEqual([
      { status: 'paused', effective_on: '2025-01-15', reason: null, new_address: null, recorded_by: staff.user.id },
      {
        status: 'moved',
        effective_on: '2025-04-01',
        reason: null,
        new_address: 'Jl. Raya Muchtar No. 12, Sawangan',
        recorded_by: staff.user.id,
      },
      {
        status: 'closed',
        effective_on: '2025-09-30',
        reason: 'Modal habis',
        new_address: null,
        recorded_by: staff.user.id,
      },
    ]);
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'business' AND entity_id = $1`,
      [business.id],
    );
    expect(n).toBe(3);
  });

  it('refuses a move without an address, a closing without a reason, and dates in the future or before the current status', async () => {
    const { business, staff } = await owner();
    const post = (body: object) => staff.http.post(`/api/businesses/${business.id}/status`, body);
    const noAddress = await post({ status: 'moved', effectiveOn: '2025-05-01' });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error.details).toEqual([
      { path: 'newAddress', code: 'required', message: expect.any(String) },
    ]);
    const noReason = await post({ status: 'closed', effectiveOn: '2025-05-01', reason: '  ' });
    expect(noReason.body.error.details[0]).toMatchObject({ path: 'reason', code: 'required' });
    const tomorrow = new Date(Date.parse(`${latestToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await post({ status: 'paused', effectiveOn: tomorrow });
    expect(future.body.error.details[0]).toMatchObject({ path: 'effectiveOn', code: 'future_date' });
    expect((await post({ status: 'paused', effectiveOn: '2025-05-01' })).status).toBe(200);
    const earlier = await post({ status: 'active', effectiveOn: '2025-04-01' });
    expect(earlier.body.error.details[0]).toMatchObject({ path: 'effectiveOn', code: 'before_current_status' });
    const same = await post({ status: 'paused', effectiveOn: '2025-06-01' });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('INVALID_TRANSITION');
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM business_status_events WHERE business_id = $1`,
      [business.id],
    );
    expect(n).toBe(1);
  });

  it('is reached through its owner’s kecamatan: outside the scope it is not found', async () => {
    const { business, person, staff } = await owner(KUKUSAN);
    expect((await staff.http.patch(`/api/businesses/${business.id}`, { name: 'Diambil' })).status).toBe(404);
    expect(
      (await staff.http.post(`/api/businesses/${business.id}/status`, { status: 'paused', effectiveOn: '2025-01-01' }))
        .status,
    ).toBe(404);
    expect((await staff.http.post(`/api/participants/${person.id}/businesses`, { name: 'Warung Baru' })).status).toBe(
      404,
    );
  });
});
