import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { listParticipants } from '../../src/server/modules/participants/participant-query.js';
import {
  BEJI,
  createOperator,
  createParticipant,
  createUser,
  KUKUSAN,
  type ParticipantSpec,
  SAWANGAN,
  signedIn,
} from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BEDAHAN = '32.76.03.1002'; // another kelurahan of Sawangan

/** An operator with a program admin over all of it, and a helper to register people there. */
async function setup() {
  const op = await createOperator(t);
  const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  const add = (spec: Omit<ParticipantSpec, 'operatorId'> = {}) => createParticipant(t, { operatorId: op.id, ...spec });
  const ids = async (query: string) => {
    const res = await pa.http.get(`/api/participants?operatorId=${op.id}&pageSize=100&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((p: { id: string }) => p.id).sort();
  };
  return { op, pa, add, ids };
}

const sorted = (...ids: string[]) => [...ids].sort();

/** `YYYY-MM-DD` `years` years before today, shifted by `days`. */
function yearsAgo(years: number, days = 0): string {
  const [y, m, d] = todayWib().split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

describe('GET /api/participants — search', () => {
  it('finds a name despite case and typos, a business name, a NIK prefix and a phone number', async () => {
    const { add, ids } = await setup();
    const siti = await add({
      fullName: 'Siti Nurhaliza',
      phone: '081234567890',
      businesses: [{ name: 'Warung Sembako Berkah' } as never],
    });
    const budi = await add({ fullName: 'Budi Santoso', businesses: [{ name: 'Bengkel Motor Jaya' } as never] });
    expect(await ids('q=siti%20nurhaliza')).toEqual([siti.id]);
    expect(await ids('q=Siti%20Nurhalisa')).toEqual([siti.id]);
    expect(await ids('q=sembako')).toEqual([siti.id]);
    expect(await ids('q=bengkel%20motr')).toEqual([budi.id]);
    const [{ nik }] = await t.database.query<{ nik: string }>('SELECT nik FROM people WHERE id = $1', [siti.id]);
    expect(await ids(`q=${nik.slice(0, 12)}`)).toEqual([siti.id]);
    expect(await ids(`q=${nik}`)).toEqual([siti.id]);
    expect(await ids('q=0812-3456-7890')).toEqual([siti.id]);
    expect(await ids('q=%2B6281234567890')).toEqual([siti.id]);
    expect(await ids('q=zzzzqqq')).toEqual([]);
  });

  it('ranks the closest name first when searching', async () => {
    const { pa, op, add } = await setup();
    const far = await add({ fullName: 'Siti Aminah Nurhaliza Binti Abdullah' });
    const near = await add({ fullName: 'Siti Nurhaliza' });
    const res = await pa.http.get(`/api/participants?operatorId=${op.id}&q=siti%20nurhaliza`);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([near.id, far.id]);
  });
});

describe('GET /api/participants — filters', () => {
  it('kecamatan, kelurahan, sex and age bands', async () => {
    const { add, ids } = await setup();
    const a = await add({ sex: 'P', birthDate: yearsAgo(30), domicileVillageCode: BEDAHAN });
    const b = await add({ sex: 'L', birthDate: yearsAgo(41, 1) });
    const c = await add({ sex: 'L', birthDate: yearsAgo(25), domicileVillageCode: KUKUSAN });
    const d = await add({ sex: 'P', birthDate: yearsAgo(41) });
    expect(await ids(`kecamatan=${SAWANGAN}`)).toEqual(sorted(a.id, b.id, d.id));
    expect(await ids(`kecamatan=${BEJI}`)).toEqual([c.id]);
    expect(await ids(`kelurahan=${BEDAHAN}`)).toEqual([a.id]);
    expect(await ids('sex=P')).toEqual(sorted(a.id, d.id));
    // a is 30 today; b turns 41 tomorrow (still 40); d is 41 today.
    expect(await ids('ageMin=30&ageMax=40')).toEqual(sorted(a.id, b.id));
    expect(await ids('ageMin=31')).toEqual(sorted(b.id, d.id));
    expect(await ids('ageMax=29')).toEqual([c.id]);
  });

  it('status (merged hidden unless asked), business KBLI, program and track', async () => {
    const { op, add, ids } = await setup();
    const { program, track } = await createTrack(t, { operatorId: op.id });
    const food = await add({ businesses: [{ name: 'Keripik', kbli: '10794' } as never], trackId: track.id });
    const shop = await add({ businesses: [{ name: 'Toko', kbli: '47111' } as never] });
    const gone = await add();
    await t.database.query(`UPDATE people SET status = 'merged', merged_into = $1 WHERE id = $2`, [shop.id, gone.id]);
    expect(await ids('')).toEqual(sorted(food.id, shop.id));
    expect(await ids('status=merged')).toEqual([gone.id]);
    expect(await ids('status=member')).toEqual([]);
    expect(await ids('kbli=10794')).toEqual([food.id]);
    expect(await ids('kbli=47')).toEqual([shop.id]);
    expect(await ids(`trackId=${track.id}`)).toEqual([food.id]);
    expect(await ids(`programId=${program.id}`)).toEqual([food.id]);
    const other = await createTrack(t, { operatorId: op.id });
    expect(await ids(`programId=${other.program.id}`)).toEqual([]);
  });

  it('stage with its status, and the current mentor', async () => {
    const { op, add, ids } = await setup();
    const trained = await add();
    const fresh = await add();
    await t.database.query(
      `INSERT INTO participant_stages (operator_id, person_id, stage, status, since) VALUES ($1, $2, 2, 'done', '2025-01-10')`,
      [op.id, trained.id],
    );
    expect(await ids('stage=2')).toEqual([trained.id]);
    expect(await ids('stage=2&stageStatus=done')).toEqual([trained.id]);
    expect(await ids('stage=2&stageStatus=in_progress')).toEqual([]);
    expect(await ids('stage=2&stageStatus=not_started')).toEqual([fresh.id]);
    expect(await ids('stage=1&stageStatus=in_progress')).toEqual(sorted(trained.id, fresh.id));

    const mentor = await createUser(t, { name: 'Pendamping Rina', roles: [{ role: 'mentor', operatorId: op.id }] });
    const former = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id }] });
    await t.database.query(
      `INSERT INTO mentor_assignments (operator_id, person_id, mentor_user_id, since, until)
       VALUES ($1, $2, $3, '2025-01-01', NULL), ($1, $4, $5, '2024-01-01', '2024-12-31')`,
      [op.id, trained.id, mentor.user.id, fresh.id, former.user.id],
    );
    expect(await ids(`mentorId=${mentor.user.id}`)).toEqual([trained.id]);
    expect(await ids(`mentorId=${former.user.id}`)).toEqual([]);
    // Naming another operator in the query does not widen the caller's scope.
    const { pa } = await setup();
    const rows = await pa.http.get(`/api/participants?operatorId=${op.id}`);
    expect(rows.status).toBe(200);
    expect(rows.body.total).toBe(0);
  });

  it('refuses a stage status without a stage', async () => {
    const { pa } = await setup();
    const res = await pa.http.get('/api/participants?stageStatus=done');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('querystring.stageStatus');
  });

  it('sorts and pages with the total of the whole filter', async () => {
    const { pa, op, add } = await setup();
    for (const fullName of ['Eka', 'Ani', 'Dewi', 'Citra', 'Bayu']) await add({ fullName });
    const names: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await pa.http.get(`/api/participants?operatorId=${op.id}&sort=name&pageSize=2&page=${page}`);
      expect(res.body.total).toBe(5);
      names.push(...res.body.items.map((p: { fullName: string }) => p.fullName));
    }
    expect(names).toEqual(['Ani', 'Bayu', 'Citra', 'Dewi', 'Eka']);
    const desc = await pa.http.get(`/api/participants?operatorId=${op.id}&sort=-name&pageSize=1`);
    expect(desc.body).toMatchObject({ total: 5, totalCapped: false, items: [{ fullName: 'Eka' }] });

    // Past the cap the count stops and says so; the page itself is unaffected.
    const capped = await listParticipants(
      t.platform.db,
      { all: true },
      null,
      { operatorId: op.id, page: 1, pageSize: 2 },
      3,
    );
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.items).toHaveLength(2);
    const exact = await listParticipants(
      t.platform.db,
      { all: true },
      null,
      { operatorId: op.id, page: 1, pageSize: 2 },
      5,
    );
    expect(exact).toMatchObject({ total: 5, totalCapped: false });
  });
});

describe('GET /api/participants — scope and masking', () => {
  it('a Sawangan coordinator never sees Beji people, in the rows, the total or the detail', async () => {
    const { op, add } = await setup();
    const here = await add({ fullName: 'Warga Sawangan' });
    const there = await add({ fullName: 'Warga Beji', domicileVillageCode: KUKUSAN });
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const list = await coord.http.get('/api/participants?pageSize=100');
    expect(list.body).toMatchObject({ total: 1, items: [{ id: here.id }] });
    expect((await coord.http.get(`/api/participants?q=warga%20beji`)).body.total).toBe(0);
    expect((await coord.http.get(`/api/participants?kecamatan=${BEJI}`)).body.total).toBe(0);
    const hidden = await coord.http.get(`/api/participants/${there.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect((await coord.http.get(`/api/participants/${here.id}`)).status).toBe(200);
    expect((await coord.http.get('/api/participants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('masks the NIK for everyone and the phone for roles that only read', async () => {
    const { op, add } = await setup();
    const p = await add({ phone: '081234567890' });
    const [{ nik }] = await t.database.query<{ nik: string }>('SELECT nik FROM people WHERE id = $1', [p.id]);
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const curator = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    const byCoord = await coord.http.get('/api/participants');
    expect(byCoord.body.items[0]).toMatchObject({
      nikMasked: `${nik.slice(0, 4)}xxxxxxxx${nik.slice(12)}`,
      phone: '+6281234567890',
    });
    const byCurator = await curator.http.get('/api/participants');
    expect(byCurator.body.items[0].phone).toBe('+62812****7890');
    const detail = await curator.http.get(`/api/participants/${p.id}`);
    expect(detail.body.phone).toBe('+62812****7890');
    for (const res of [byCoord, byCurator, detail]) expect(res.text).not.toContain(nik);
    expect((await t.http.get('/api/participants')).status).toBe(401);
    const partner = await signedIn(t, { roles: [{ role: 'partner', operatorId: op.id }] });
    expect((await partner.http.get('/api/participants')).status).toBe(403);
  });

  it('rows carry businesses, stages, region names and the mentor', async () => {
    const { op, pa, add } = await setup();
    const p = await add({ businesses: [{ name: 'Kue Basah Bu Ani', kbli: '10710' } as never] });
    const mentor = await createUser(t, { name: 'Pendamping Rina', roles: [{ role: 'mentor', operatorId: op.id }] });
    await t.database.query(
      `INSERT INTO mentor_assignments (operator_id, person_id, mentor_user_id, since) VALUES ($1, $2, $3, '2025-01-01')`,
      [op.id, p.id, mentor.user.id],
    );
    const res = await pa.http.get(`/api/participants?operatorId=${op.id}`);
    expect(res.body.items[0]).toMatchObject({
      villageName: 'Pasir Putih',
      districtName: 'Sawangan',
      businesses: [{ name: 'Kue Basah Bu Ani', kbli: '10710', status: 'active' }],
      stages: { '1': 'in_progress', '2': 'not_started' },
      mentor: { userId: mentor.user.id, name: 'Pendamping Rina' },
    });
  });
});
