import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, BEJI, createOperator, DEPOK, PACITAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operators', () => {
  it('an admin creates an operator with a service area', async () => {
    const admin = await asAdmin(t);
    const res = await admin.http.post('/api/operators', { name: 'Dinas KUM Kota Depok', serviceArea: [DEPOK] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Dinas KUM Kota Depok',
      serviceArea: [DEPOK],
      serviceAreaNames: ['Kota Depok'],
      centerCount: 0,
    });
    const list = await admin.http.get('/api/operators');
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(res.body.id);
  });

  it('refuses unknown region codes with the field path, and writes nothing', async () => {
    const admin = await asAdmin(t);
    const res = await admin.http.post('/api/operators', {
      name: 'Operator Salah Wilayah',
      serviceArea: [DEPOK, '32.99'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'serviceArea.1', code: 'unknown_region' }],
    });
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM operators WHERE name = 'Operator Salah Wilayah'`,
    );
    expect(n).toBe(0);
  });

  it('answers 409 for a duplicate name', async () => {
    const admin = await asAdmin(t);
    const op = await createOperator(t);
    const res = await admin.http.post('/api/operators', { name: op.name, serviceArea: [DEPOK] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_EXISTS');
  });

  it('only admins create operators', async () => {
    const op = await createOperator(t);
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const res = await pa.http.post('/api/operators', { name: 'Operator Liar', serviceArea: [DEPOK] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('never shows one operator to another operator’s staff: 404 exactly as for a missing one', async () => {
    const depok = await createOperator(t, { serviceArea: [DEPOK] });
    const pacitan = await createOperator(t, { serviceArea: [PACITAN] });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: depok.id }] });
    const list = await pa.http.get('/api/operators');
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([depok.id]);
    const other = await pa.http.get(`/api/operators/${pacitan.id}`);
    const missing = await pa.http.get('/api/operators/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await pa.http.patch(`/api/operators/${pacitan.id}`, { name: 'Diambil alih' })).status).toBe(404);
  });

  it('will not shrink a service area away from its centers', async () => {
    const admin = await asAdmin(t);
    const op = await createOperator(t, { serviceArea: [DEPOK, PACITAN] });
    expect(
      (await admin.http.post(`/api/operators/${op.id}/centers`, { districtCode: SAWANGAN, name: 'Sentra Sawangan' }))
        .status,
    ).toBe(201);
    const res = await admin.http.patch(`/api/operators/${op.id}`, { serviceArea: [PACITAN] });
    expect(res.status).toBe(409);
    expect(res.body.error.details.regions).toEqual([SAWANGAN]);
  });
});

describe('GET /api/public/operators/:id', () => {
  it('tells a public registration link the operator’s name and area, and nothing for an inactive one', async () => {
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const res = await t.http.get(`/api/public/operators/${op.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: op.id, name: op.name, serviceArea: [DEPOK], serviceAreaNames: ['Kota Depok'] });
    await t.services.operators.update({ kind: 'system', label: 'test' }, op.id, { active: false });
    expect((await t.http.get(`/api/public/operators/${op.id}`)).status).toBe(404);
  });
});

describe('centers', () => {
  it('one center per kecamatan inside the service area, with its coordinators', async () => {
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const created = await pa.http.post(`/api/operators/${op.id}/centers`, {
      districtCode: SAWANGAN,
      name: 'Sentra Sawangan',
      address: 'Jl. Raya Sawangan No. 1',
      villageCode: '32.76.03.1001',
      latitude: -6.4,
      longitude: 106.77,
    });
    expect(created.status).toBe(201);
    const dup = await pa.http.post(`/api/operators/${op.id}/centers`, { districtCode: SAWANGAN, name: 'Sentra Kedua' });
    expect(dup.status).toBe(409);
    const outside = await pa.http.post(`/api/operators/${op.id}/centers`, {
      districtCode: '35.01.01',
      name: 'Sentra Luar',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0]).toMatchObject({ path: 'districtCode', code: 'outside_service_area' });
    const wrongVillage = await pa.http.post(`/api/operators/${op.id}/centers`, {
      districtCode: BEJI,
      name: 'Sentra Beji',
      villageCode: '32.76.03.1001',
    });
    expect(wrongVillage.status).toBe(400);
    expect(wrongVillage.body.error.details[0].path).toBe('villageCode');

    const coordinator = await signedIn(t, {
      name: 'Siti Koordinator',
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    const list = await pa.http.get(`/api/operators/${op.id}/centers`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      districtName: 'Sawangan',
      coordinators: [{ userId: coordinator.user.id, name: 'Siti Koordinator' }],
    });
  });

  it('a coordinator sees only the center of their kecamatan and cannot change it', async () => {
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const sawangan = await t.services.operators.createCenter({ kind: 'system', label: 'test' }, op.id, {
      districtCode: SAWANGAN,
      name: 'Sentra Sawangan',
    });
    const beji = await t.services.operators.createCenter({ kind: 'system', label: 'test' }, op.id, {
      districtCode: BEJI,
      name: 'Sentra Beji',
    });
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const list = await coord.http.get(`/api/operators/${op.id}/centers`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([sawangan.id]);
    // Coordinators may not manage centers anywhere: 403. Staff who may, but not there: 404, as if it did not exist.
    expect((await coord.http.patch(`/api/centers/${sawangan.id}`, { name: 'Sentra Baru' })).status).toBe(403);
    const localAdmin = await signedIn(t, {
      roles: [{ role: 'program_admin', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    expect((await localAdmin.http.patch(`/api/centers/${beji.id}`, { name: 'Sentra Diambil' })).status).toBe(404);
    expect((await localAdmin.http.patch(`/api/centers/${sawangan.id}`, { name: 'Sentra Sawangan Baru' })).status).toBe(
      200,
    );
  });

  it('records every change in the audit trail with before and after', async () => {
    const admin = await asAdmin(t);
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const c = await admin.http.post(`/api/operators/${op.id}/centers`, { districtCode: BEJI, name: 'Sentra Beji' });
    await admin.http.patch(`/api/centers/${c.body.id}`, { name: 'Sentra Beji Raya' });
    expect((await admin.http.delete(`/api/centers/${c.body.id}`)).status).toBe(204);
    const audit = await admin.http.get(`/api/audit?entity=center&entityId=${c.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    const update = audit.body.items[1];
    expect(update.changes).toEqual({
      name: { before: 'Sentra Beji', after: 'Sentra Beji Raya' },
      updatedAt: expect.any(Object),
    });
    expect(update).toMatchObject({ actorId: admin.user.id, operatorId: op.id, requestId: expect.any(String) });
  });
});
