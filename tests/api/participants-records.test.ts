import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createParticipant, KUKUSAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BEDAHAN = '32.76.03.1002';

async function setup() {
  const op = await createOperator(t);
  const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  const person = await createParticipant(t, { operatorId: op.id, fullName: 'Dewi Lestari', phone: '081377778888' });
  const [{ nik }] = await t.database.query<{ nik: string }>('SELECT nik FROM people WHERE id = $1', [person.id]);
  return { op, coord, person, nik };
}

describe('GET/PATCH /api/participants/:id', () => {
  it('shows the full record, without the NIK', async () => {
    const { coord, person, nik } = await setup();
    const res = await coord.http.get(`/api/participants/${person.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: person.id,
      fullName: 'Dewi Lestari',
      phone: '+6281377778888',
      source: 'staff',
      consentAt: null,
      mergedInto: null,
      enrollments: [],
      stageList: [{ stage: 1, status: 'in_progress' }],
    });
    expect(res.body.businesses[0]).toMatchObject({ personId: person.id, status: 'active' });
    expect(res.text).not.toContain(nik);
  });

  it('edits the registration fields, re-derives the kecamatan and audits before/after without the NIK', async () => {
    const { coord, person, nik } = await setup();
    const res = await coord.http.patch(`/api/participants/${person.id}`, {
      fullName: 'Dewi Lestari Putri',
      phone: '0813 9999 0000',
      email: 'Dewi@Contoh.id',
      domicileVillageCode: BEDAHAN,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fullName: 'Dewi Lestari Putri',
      phone: '+6281399990000',
      email: 'dewi@contoh.id',
      domicileVillageCode: BEDAHAN,
      villageName: 'Bedahan',
      districtCode: SAWANGAN,
    });
    const [row] = await t.database.query<{ search_text: string }>('SELECT search_text FROM people WHERE id = $1', [
      person.id,
    ]);
    expect(row.search_text.startsWith('dewi lestari putri ')).toBe(true);
    const [audit] = await t.database.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE entity = 'participant' AND entity_id = $1 AND action = 'update'`,
      [person.id],
    );
    expect(audit.changes).toMatchObject({
      fullName: { before: 'Dewi Lestari', after: 'Dewi Lestari Putri' },
      domicileVillageCode: { before: '32.76.03.1001', after: BEDAHAN },
    });
    expect(Object.keys(audit.changes)).not.toContain('nikMasked');
    expect(JSON.stringify(audit)).not.toContain(nik);
  });

  it('keeps the record inside the caller’s area and the NIK-derived fields unchanged', async () => {
    const { op, coord, person } = await setup();
    const moved = await coord.http.patch(`/api/participants/${person.id}`, { domicileVillageCode: KUKUSAN });
    expect(moved.status).toBe(403);
    const wrong = await coord.http.patch(`/api/participants/${person.id}`, { sex: person.sex === 'L' ? 'P' : 'L' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toMatchObject({ path: 'sex', code: 'nik_mismatch' });
    expect((await coord.http.patch(`/api/participants/${person.id}`, { nik: '3276030101900001' })).status).toBe(200);
    const beji = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    expect((await coord.http.patch(`/api/participants/${beji.id}`, { fullName: 'Siapa Saja' })).status).toBe(404);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect((await curator.http.patch(`/api/participants/${person.id}`, { fullName: 'Siapa Saja' })).status).toBe(403);
  });
});

describe('POST /api/participants/:id/reveal-nik', () => {
  it('shows the full NIK to those allowed, in scope, and writes it to the trail', async () => {
    const { op, coord, person, nik } = await setup();
    const res = await coord.http.post(`/api/participants/${person.id}/reveal-nik`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ nik });
    const audit = await t.database.query<{ actor_id: string; changes: unknown }>(
      `SELECT actor_id, changes FROM audit_log WHERE action = 'view_nik' AND entity_id = $1`,
      [person.id],
    );
    expect(audit).toEqual([{ actor_id: coord.user.id, changes: null }]);
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect((await curator.http.post(`/api/participants/${person.id}/reveal-nik`)).status).toBe(403);
    const beji = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: '32.76.06' }] });
    expect((await beji.http.post(`/api/participants/${person.id}/reveal-nik`)).status).toBe(404);
    expect(
      (await t.database.query(`SELECT id FROM audit_log WHERE action = 'view_nik' AND entity_id = $1`, [person.id]))
        .length,
    ).toBe(1);
  });
});

describe('GET /api/participants/:id/timeline', () => {
  it('tells the history newest first, in Bahasa Indonesia', async () => {
    const { coord, person } = await setup();
    await coord.http.patch(`/api/participants/${person.id}`, { fullName: 'Dewi L.' });
    await coord.http.post(`/api/participants/${person.id}/reveal-nik`);
    const res = await coord.http.get(`/api/participants/${person.id}/timeline`);
    expect(res.status).toBe(200);
    const titles = res.body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual([
      'NIK lengkap dilihat',
      'Data peserta diubah',
      'Pendaftaran dicatat',
      'Tahap 1 Pendaftaran: berjalan',
    ]);
    expect(res.body.items[0]).toMatchObject({ kind: 'audit', by: coord.user.name });
    expect(res.body.items[1].detail).toBe('Diubah: nama');
    expect(res.body.items[3]).toMatchObject({ kind: 'stage', by: null });
    const at = res.body.items.map((i: { at: string }) => Date.parse(i.at));
    expect([...at].sort((a, b) => b - a)).toEqual(at);
  });
});

describe('saved filters', () => {
  it('saves, lists and deletes a user’s own filters', async () => {
    const { op, coord } = await setup();
    const created = await coord.http.post('/api/saved-filters', {
      name: 'Perempuan 30–40 Sawangan',
      query: { sex: 'P', ageMin: 30, ageMax: 40, kecamatan: SAWANGAN },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ operatorId: op.id, query: { sex: 'P', ageMin: 30, ageMax: 40 } });
    expect(created.body.query.page).toBeUndefined();
    const dup = await coord.http.post('/api/saved-filters', { name: 'Perempuan 30–40 Sawangan', query: {} });
    expect(dup.status).toBe(409);
    const bad = await coord.http.post('/api/saved-filters', { name: 'Salah', query: { stage: 9 } });
    expect(bad.status).toBe(400);
    const foreign = await createOperator(t);
    expect(
      (await coord.http.post('/api/saved-filters', { name: 'Lain', query: {}, operatorId: foreign.id })).status,
    ).toBe(404);

    const someone = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    expect((await someone.http.get('/api/saved-filters')).body).toEqual({ items: [], total: 0 });
    expect((await someone.http.delete(`/api/saved-filters/${created.body.id}`)).status).toBe(404);
    const mine = await coord.http.get('/api/saved-filters');
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    expect((await coord.http.delete(`/api/saved-filters/${created.body.id}`)).status).toBe(204);
    expect((await coord.http.get('/api/saved-filters')).body.total).toBe(0);
  });
});
