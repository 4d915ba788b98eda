import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/modules/access/actor.js';
import { enrollments, people } from '../../src/server/modules/participants/participants.schema.js';
import { composeNik } from '../../src/shared/nik.js';
import { BEJI, createOperator, DEPOK, PACITAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type HttpClient, type TestApp, testOrigin } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const system = systemActor('test');
const YEAR = new Date().getUTCFullYear();
const MISSING = '00000000-0000-4000-8000-000000000000';

// The shared test client has no PUT; this sends one through the same stack with the same session.
async function put(http: HttpClient, url: string, body: unknown) {
  const res = await t.app.inject({
    method: 'PUT',
    url,
    headers: { origin: testOrigin, ...(http.cookie ? { cookie: http.cookie } : {}) },
    payload: body as object,
  });
  return { status: res.statusCode, body: res.json() };
}

/** A Depok operator, its program admin, a WUB 2025–2026 program with the two tracks of Depok's program. */
async function depokProgram() {
  const op = await createOperator(t, { serviceArea: [DEPOK] });
  const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  const program = await pa.http.post('/api/programs', {
    operatorId: op.id,
    name: 'Wira Usaha Baru 2025–2026',
    description: 'Program WUB Kota Depok',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
  });
  expect(program.status).toBe(201);
  const wub = await pa.http.post(`/api/programs/${program.body.id}/tracks`, {
    code: 'WUB',
    name: 'Wira Usaha Baru',
    minAge: 17,
    residencyPrefix: DEPOK,
  });
  const pp = await pa.http.post(`/api/programs/${program.body.id}/tracks`, {
    code: 'PP',
    name: 'Perempuan Pengusaha',
    sex: 'P',
    minAge: 18,
    requiredDocuments: ['recommendation_letter'],
  });
  expect([wub.status, pp.status]).toEqual([201, 201]);
  return { op, pa, program: program.body, wub: wub.body, pp: pp.body };
}

let serial = 1;
/** A person of the operator living in a kecamatan, enrolled in a track with a status at a time (no service yet). */
async function enroll(operatorId: string, trackId: string, districtCode: string, status: string, createdAt: string) {
  const [village] = await t.database.query<{ code: string }>(
    'SELECT code FROM regions WHERE parent_code = $1 ORDER BY code LIMIT 1',
    [districtCode],
  );
  const [person] = await t.platform.db
    .insert(people)
    .values({
      operatorId,
      nik: composeNik({ districtCode, birthDate: '1990-05-17', sex: 'P', serial: serial++ }),
      fullName: `Peserta Uji ${serial}`,
      sex: 'P',
      birthDate: '1990-05-17',
      domicileVillageCode: village.code,
      domicileDistrictCode: districtCode,
    })
    .returning();
  await t.platform.db
    .insert(enrollments)
    .values({ operatorId, personId: person.id, trackId, status, createdAt: new Date(createdAt) });
}

describe('programs and tracks', () => {
  it('a program admin creates a program with the WUB and Perempuan Pengusaha tracks', async () => {
    const { op, pa, program, wub, pp } = await depokProgram();
    expect(program).toMatchObject({ operatorId: op.id, startsOn: '2025-01-01', endsOn: '2026-12-31', tracks: [] });
    expect(wub).toMatchObject({
      code: 'WUB',
      minAge: 17,
      maxAge: null,
      residencyPrefix: DEPOK,
      sex: null,
      quota: null,
    });
    expect(pp).toMatchObject({ code: 'PP', sex: 'P', minAge: 18, requiredDocuments: ['recommendation_letter'] });

    const got = await pa.http.get(`/api/programs/${program.id}`);
    expect(got.body.tracks.map((x: { code: string }) => x.code)).toEqual(['PP', 'WUB']);
    const list = await pa.http.get(`/api/programs?operatorId=${op.id}`);
    expect(list.body).toMatchObject({
      total: 1,
      items: [{ id: program.id, tracks: [{ code: 'PP' }, { code: 'WUB' }] }],
    });

    const patched = await pa.http.patch(`/api/programs/${program.id}`, { active: false, description: null });
    expect(patched.body).toMatchObject({ active: false, description: null });
    const track = await pa.http.patch(`/api/tracks/${wub.id}`, { quota: 1750, code: 'wub_2025' });
    expect(track.body).toMatchObject({ code: 'WUB_2025', quota: 1750, minAge: 17 });
  });

  it('refuses invalid input with the field path, and writes nothing', async () => {
    const { op, pa, program, wub } = await depokProgram();
    const dates = await pa.http.post('/api/programs', {
      operatorId: op.id,
      name: 'Program Terbalik',
      startsOn: '2026-01-01',
      endsOn: '2025-12-31',
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.details).toEqual([
      { path: 'endsOn', code: 'before_start', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
    ]);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ code: 'WUB-1!', name: 'Salah Kode' }, 'code', 'invalid_format'],
      [{ code: 'X', name: 'Terlalu Pendek' }, 'code', 'invalid_format'],
      [{ code: 'TUA', name: 'Usia Terbalik', minAge: 30, maxAge: 20 }, 'maxAge', 'below_min_age'],
      [{ code: 'LUAR', name: 'Wilayah Fiktif', residencyPrefix: '32.99' }, 'residencyPrefix', 'unknown_region'],
      [{ code: 'PCT', name: 'Wilayah Lain', residencyPrefix: PACITAN }, 'residencyPrefix', 'outside_service_area'],
      [{ code: 'DOK', name: 'Dokumen Aneh', requiredDocuments: ['paspor'] }, 'requiredDocuments.0', 'invalid_value'],
    ];
    for (const [body, path, code] of cases) {
      const res = await pa.http.post(`/api/programs/${program.id}/tracks`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path, code }] });
    }
    const patch = await pa.http.patch(`/api/tracks/${wub.id}`, { maxAge: 16 });
    expect(patch.body.error.details).toEqual([
      {
        path: 'maxAge',
        code: 'below_min_age',
        message: 'Usia maksimal (16) tidak boleh lebih kecil dari usia minimal (17)',
      },
    ]);
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tracks WHERE program_id = $1 OR max_age = 16',
      [program.id],
    );
    expect(n).toBe(2);
  });

  it('answers 409 for a duplicate program name of the operator and a duplicate track code of the program', async () => {
    const { op, pa, program, wub } = await depokProgram();
    const dupName = await pa.http.post('/api/programs', {
      operatorId: op.id,
      name: program.name,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    expect(dupName.status).toBe(409);
    expect(dupName.body.error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: [{ path: 'name', code: 'duplicate' }],
    });
    const dupCode = await pa.http.post(`/api/programs/${program.id}/tracks`, { code: 'PP', name: 'Lagi' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error.details).toEqual([
      { path: 'code', code: 'duplicate', message: 'Kode jalur PP sudah dipakai di program ini' },
    ]);
    expect((await pa.http.patch(`/api/tracks/${wub.id}`, { code: 'PP' })).status).toBe(409);
    // The same name at another operator is fine.
    const other = await createOperator(t, { serviceArea: [PACITAN] });
    const elsewhere = await t.services.programs.create(system, {
      operatorId: other.id,
      name: program.name,
      startsOn: program.startsOn,
      endsOn: program.endsOn,
    });
    expect(elsewhere.name).toBe(program.name);
  });
});

describe('scope', () => {
  it('another operator’s program admin sees nothing: 404 exactly as for a missing program', async () => {
    const { op, program, wub } = await depokProgram();
    const pacitan = await createOperator(t, { serviceArea: [PACITAN] });
    const stranger = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: pacitan.id }] });
    const other = await stranger.http.get(`/api/programs/${program.id}`);
    const missing = await stranger.http.get(`/api/programs/${MISSING}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await stranger.http.get('/api/programs')).body.items.map((p: { id: string }) => p.id)).not.toContain(
      program.id,
    );
    expect((await stranger.http.patch(`/api/programs/${program.id}`, { name: 'Diambil Alih' })).status).toBe(404);
    expect((await stranger.http.patch(`/api/tracks/${wub.id}`, { quota: 1 })).status).toBe(404);
    expect((await stranger.http.get(`/api/programs/${program.id}/targets`)).status).toBe(404);
    expect((await put(stranger.http, `/api/programs/${program.id}/targets`, { items: [] })).status).toBe(404);
    const foreign = await stranger.http.post('/api/programs', {
      operatorId: op.id,
      name: 'Program Titipan',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    expect(foreign.status).toBe(404);
  });

  it('a kecamatan coordinator reads the programs of their operator but cannot manage them', async () => {
    const { op, program, wub } = await depokProgram();
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    expect((await coord.http.get(`/api/programs/${program.id}`)).status).toBe(200);
    expect((await coord.http.get('/api/programs')).body.items.map((p: { id: string }) => p.id)).toEqual([program.id]);
    expect((await coord.http.get(`/api/programs/${program.id}/targets`)).status).toBe(200);
    expect((await coord.http.patch(`/api/programs/${program.id}`, { name: 'Ganti Nama' })).status).toBe(403);
    expect((await coord.http.post(`/api/programs/${program.id}/tracks`, { code: 'BARU', name: 'Baru' })).status).toBe(
      403,
    );
    expect((await coord.http.patch(`/api/tracks/${wub.id}`, { quota: 5 })).status).toBe(403);
    expect((await put(coord.http, `/api/programs/${program.id}/targets`, { items: [] })).status).toBe(403);
    // A program admin limited to one kecamatan does not manage the operator's programs either.
    const local = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id, regionPrefix: SAWANGAN }] });
    expect((await local.http.get(`/api/programs/${program.id}`)).status).toBe(200);
    expect((await local.http.patch(`/api/programs/${program.id}`, { name: 'Ganti Nama' })).status).toBe(404);
  });

  it('participants and anonymous callers get no programs; every signed-in user searches KBLI', async () => {
    const { op } = await depokProgram();
    const owner = await signedIn(t, { roles: [{ role: 'participant', operatorId: op.id }] });
    expect((await owner.http.get('/api/programs')).status).toBe(403);
    expect((await t.http.get('/api/programs')).status).toBe(401);
    const kbli = await owner.http.get('/api/kbli?q=roti');
    expect(kbli.status).toBe(200);
    expect(kbli.body.items[0]).toEqual({
      code: '10710',
      title: 'Industri Produk Roti dan Kue',
      sector: 'makanan_minuman',
    });
    expect(kbli.body.total).toBe(kbli.body.items.length);
    expect((await owner.http.get('/api/kbli')).body.total).toBeGreaterThanOrEqual(60);
    expect((await t.http.get('/api/kbli?q=roti')).status).toBe(401);
  });
});

describe('targets', () => {
  it('Depok: 1,200 WUB + 300 women this year, split per kecamatan, with accepted enrollments counted', async () => {
    const { op, pa, program, wub, pp } = await depokProgram();
    const url = `/api/programs/${program.id}/targets`;
    const res = await put(pa.http, url, {
      items: [
        { trackId: wub.id, year: YEAR, districtCode: null, target: 1200 },
        { trackId: pp.id, year: YEAR, districtCode: null, target: 300 },
        { trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 150 },
        { trackId: wub.id, year: YEAR, districtCode: BEJI, target: 100 },
        { trackId: wub.id, year: YEAR - 1, districtCode: null, target: 1000 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);

    await enroll(op.id, wub.id, SAWANGAN, 'accepted', `${YEAR}-02-01T03:00:00Z`);
    await enroll(op.id, wub.id, SAWANGAN, 'accepted', `${YEAR}-07-01T03:00:00Z`);
    // 01:00 on 1 January in WIB counts for the new year.
    await enroll(op.id, wub.id, BEJI, 'accepted', `${YEAR - 1}-12-31T18:00:00Z`);
    await enroll(op.id, wub.id, SAWANGAN, 'applicant', `${YEAR}-03-01T03:00:00Z`);
    await enroll(op.id, wub.id, SAWANGAN, 'accepted', `${YEAR - 1}-06-01T03:00:00Z`);
    await enroll(op.id, pp.id, BEJI, 'accepted', `${YEAR}-04-01T03:00:00Z`);

    const list = await pa.http.get(url);
    expect(list.body.items.map((r: any) => [r.year, r.trackCode, r.districtName, r.target, r.achieved])).toEqual([
      [YEAR, 'PP', null, 300, 1],
      [YEAR, 'WUB', null, 1200, 3],
      [YEAR, 'WUB', 'Beji', 100, 1],
      [YEAR, 'WUB', 'Sawangan', 150, 2],
      [YEAR - 1, 'WUB', null, 1000, 1],
    ]);
    expect(list.body.items[1]).toMatchObject({ trackId: wub.id, trackName: 'Wira Usaha Baru', districtCode: null });
    expect((await pa.http.get(`${url}?year=${YEAR - 1}`)).body.items).toHaveLength(1);

    const changed = await put(pa.http, url, {
      items: [
        { trackId: wub.id, year: YEAR, districtCode: null, target: 1250 },
        { trackId: wub.id, year: YEAR, districtCode: BEJI, target: 0 },
        { trackId: pp.id, year: YEAR, districtCode: SAWANGAN, target: 0 },
      ],
    });
    expect(changed.body.items.map((r: any) => [r.year, r.trackCode, r.districtCode, r.target])).toEqual([
      [YEAR, 'PP', null, 300],
      [YEAR, 'WUB', null, 1250],
      [YEAR, 'WUB', SAWANGAN, 150],
      [YEAR - 1, 'WUB', null, 1000],
    ]);
  });

  it('a failing PUT changes nothing and names every bad row', async () => {
    const { pa, program, wub } = await depokProgram();
    const other = await depokProgram();
    const url = `/api/programs/${program.id}/targets`;
    await put(pa.http, url, { items: [{ trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 150 }] });
    const before = (await pa.http.get(url)).body;

    const res = await put(pa.http, url, {
      items: [
        { trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 999 },
        { trackId: wub.id, year: YEAR, districtCode: '32.76.99', target: 10 },
        { trackId: wub.id, year: YEAR, districtCode: DEPOK, target: 10 },
        { trackId: wub.id, year: YEAR, districtCode: '35.01.01', target: 10 },
        { trackId: other.wub.id, year: YEAR, districtCode: null, target: 10 },
        { trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 5 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => [d.path, d.code])).toEqual([
      ['items.1.districtCode', 'unknown_region'],
      ['items.2.districtCode', 'not_district'],
      ['items.3.districtCode', 'outside_service_area'],
      ['items.4.trackId', 'unknown_track'],
      ['items.5', 'duplicate'],
    ]);
    const negative = await put(pa.http, url, {
      items: [
        { trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 1 },
        { trackId: wub.id, year: YEAR, districtCode: BEJI, target: -1 },
      ],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details[0].path).toBe('items.1.target');
    // A database error halfway (a year only the HTTP schema would refuse) rolls back the row already written.
    await expect(
      t.services.programs.putTargets(system, program.id, [
        { trackId: wub.id, year: YEAR, districtCode: SAWANGAN, target: 777 },
        { trackId: wub.id, year: 3_000_000_000, districtCode: null, target: 1 },
      ]),
    ).rejects.toBeDefined();
    expect((await pa.http.get(url)).body).toEqual(before);
  });
});

describe('audit and the participants module’s entry point', () => {
  it('records every change of programs, tracks and targets with its operator', async () => {
    const { op, pa, program, wub } = await depokProgram();
    await pa.http.patch(`/api/programs/${program.id}`, { name: 'WUB Kota Depok' });
    await pa.http.patch(`/api/tracks/${wub.id}`, { quota: 1750 });
    await put(pa.http, `/api/programs/${program.id}/targets`, {
      items: [{ trackId: wub.id, year: YEAR, districtCode: null, target: 1200 }],
    });
    await put(pa.http, `/api/programs/${program.id}/targets`, {
      items: [{ trackId: wub.id, year: YEAR, districtCode: null, target: 1250 }],
    });
    const audit = async (q: string) => (await pa.http.get(`/api/audit?${q}`)).body.items;
    const programLog = await audit(`entity=program&entityId=${program.id}`);
    expect(programLog.map((e: any) => e.action)).toEqual(['update', 'create']);
    expect(programLog[0]).toMatchObject({
      actorId: pa.user.id,
      operatorId: op.id,
      changes: { name: { before: 'Wira Usaha Baru 2025–2026', after: 'WUB Kota Depok' } },
    });
    const trackLog = await audit(`entity=track&entityId=${wub.id}`);
    expect(trackLog.map((e: any) => [e.action, e.changes.quota])).toEqual([
      ['update', { before: null, after: 1750 }],
      ['create', { after: null }],
    ]);
    const targetLog = await audit(`entity=target&operatorId=${op.id}`);
    expect(targetLog.map((e: any) => [e.action, e.changes.target])).toEqual([
      ['update', { before: 1200, after: 1250 }],
      ['create', { after: 1200 }],
    ]);
  });

  it('getTrackForEnrollment returns the track with its program, inside a transaction too', async () => {
    const { program, pp } = await depokProgram();
    const found = await t.services.programs.getTrackForEnrollment(pp.id);
    expect(found.track).toMatchObject({ id: pp.id, sex: 'P', requiredDocuments: ['recommendation_letter'] });
    expect(found.program).toMatchObject({ id: program.id, name: program.name });
    const locked = await t.platform.db.transaction((tx) =>
      t.services.programs.getTrackForEnrollment(pp.id, { tx, lock: true }),
    );
    expect(locked.track.id).toBe(pp.id);
    await expect(t.services.programs.getTrackForEnrollment(MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
