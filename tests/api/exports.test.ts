import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/modules/access/actor.js';
import { participantsAfter } from '../../src/server/modules/participants/participant-query.js';
import { type Permission, rolePermissions } from '../../src/shared/access.js';
import { importFieldHeaders, importFields } from '../../src/shared/import/fields.js';
import {
  BEJI,
  createOperator,
  createParticipant,
  KUKUSAN,
  PASIR_PUTIH,
  type ParticipantSpec,
  SAWANGAN,
  signedIn,
} from '../support/factories.js';
import { waitFor } from '../support/platform-testing.js';
import { createTestApp, type HttpClient, type TestApp, testOrigin } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.platform.jobs.start();
});
afterAll(() => t.close());

const importerHeaders = importFields.map((f) => importFieldHeaders[f].id);
const col = (f: (typeof importFields)[number]) => importFieldHeaders[f].id;

type Signed = Awaited<ReturnType<typeof signedIn>>;
type Sheet = { headers: string[]; rows: Array<Record<string, unknown>> };

async function setup() {
  const op = await createOperator(t);
  const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  const add = (spec: Omit<ParticipantSpec, 'operatorId'> = {}) => createParticipant(t, { operatorId: op.id, ...spec });
  return { op, pa, add };
}

/** Starts an export and waits for its job to end; answers the export's final view. */
async function runExport(http: HttpClient, body: unknown) {
  const res = await http.post('/api/exports', body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
  return waitFor(async () => {
    const view = await http.get(`/api/exports/${res.body.id}`);
    expect(view.status).toBe(200);
    return ['done', 'failed'].includes(view.body.status) ? view.body : undefined;
  }, 30_000);
}

/** The download as bytes (the test client decodes bodies as text, which would break an xlsx). */
async function download(who: Signed, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/exports/${id}/file`, headers: { cookie: who.cookie } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Sheet['rows'] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return { headers, rows };
}

function readCsv(bytes: Buffer): Sheet {
  const [headers, ...records] = parse(bytes, { bom: true }) as string[][];
  return {
    headers,
    rows: records.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] === '' ? null : r[i]]))),
  };
}

/** An export of `who`, downloaded and read back. */
async function exported(who: Signed, body: { format: 'xlsx' | 'csv'; filters?: Record<string, unknown> }) {
  const view = await runExport(who.http, body);
  expect(view.status, JSON.stringify(view.error)).toBe('done');
  const file = await download(who, view.id);
  expect(file.status).toBe(200);
  const sheet = body.format === 'xlsx' ? await readXlsx(file.bytes) : readCsv(file.bytes);
  return { view, file, sheet };
}

const niksOf = async (ids: string[]) =>
  new Map(
    (await t.database.query<{ id: string; nik: string }>('SELECT id, nik FROM people WHERE id = ANY($1)', [ids])).map(
      (r) => [r.id, r.nik],
    ),
  );

const regionName = async (code: string) =>
  (await t.database.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code]))[0].name;

describe('POST /api/exports (xlsx)', () => {
  it('writes the importer’s columns, one row per person with the first business, NIKs intact as text', async () => {
    const { op, pa, add } = await setup();
    const siti = await add({
      fullName: 'Siti Nurhaliza',
      phone: '081234567890',
      email: 'siti@contoh.id',
      ktpAddress: 'Jl. Mawar 1',
      domicileAddress: 'Jl. Melati 2',
      businesses: [
        {
          name: 'Warung Sembako Berkah',
          kbli: '56103',
          productType: 'Makanan',
          legalForm: 'perorangan',
          nib: '0220000123456',
          foundedOn: '2019-03-01',
          preVenture: false,
          employeesMale: 1,
          employeesFemale: 2,
          monthlyRevenue: 2_500_000,
          channels: ['whatsapp', 'instagram'],
        },
      ],
    });
    // A later business is the person's second: the row carries the first one (the importer reads one per row).
    await t.services.businesses.create(systemActor('test'), siti.id, {
      name: 'Usaha Kedua',
      preVenture: false,
      employeesMale: 0,
      employeesFemale: 0,
      channels: [],
    });
    const { view, file, sheet } = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id } });
    expect(view).toMatchObject({ status: 'done', format: 'xlsx', rowCount: 1, progress: { done: 1, total: 1 } });
    expect(view.fileName).toMatch(/^peserta-\d{8}-\d{4}\.xlsx$/);
    expect(view.finishedAt).toEqual(expect.any(String));
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toContain(`attachment; filename="${view.fileName}"`);

    expect(sheet.headers.slice(0, importFields.length)).toEqual(importerHeaders);
    expect(sheet.headers.slice(importFields.length)).toEqual(['Status', 'Tahap']);
    const nik = (await niksOf([siti.id])).get(siti.id)!;
    expect(sheet.rows).toEqual([
      {
        [col('nik')]: nik,
        [col('fullName')]: 'Siti Nurhaliza',
        [col('sex')]: siti.sex,
        [col('birthDate')]: siti.birthDate,
        [col('phone')]: '081234567890',
        [col('email')]: 'siti@contoh.id',
        [col('ktpAddress')]: 'Jl. Mawar 1',
        [col('domicileAddress')]: 'Jl. Melati 2',
        [col('kecamatan')]: await regionName(SAWANGAN),
        [col('kelurahan')]: await regionName(PASIR_PUTIH),
        [col('businessName')]: 'Warung Sembako Berkah',
        [col('kbli')]: '56103',
        [col('productType')]: 'Makanan',
        [col('legalForm')]: 'perorangan',
        [col('nib')]: '0220000123456',
        [col('foundedOn')]: '2019-03-01',
        [col('employeesMale')]: 1,
        [col('employeesFemale')]: 2,
        [col('monthlyRevenue')]: 2_500_000,
        [col('channels')]: 'whatsapp, instagram',
        Status: 'Pendaftar',
        Tahap: expect.stringContaining('1 Pendaftaran'),
      },
    ]);
    expect(typeof sheet.rows[0][col('nik')]).toBe('string');
  });

  it('exports only the rows the filters select (kecamatan, q), the same as the list', async () => {
    const { op, pa, add } = await setup();
    const siti = await add({ fullName: 'Siti Nurhaliza' });
    const other = await add({ fullName: 'Budi Santoso' });
    const beji = await add({ fullName: 'Rina Wati', domicileVillageCode: KUKUSAN });
    const names = (s: Sheet) => s.rows.map((r) => r[col('fullName')]).sort();

    const bySawangan = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id, kecamatan: SAWANGAN } });
    expect(names(bySawangan.sheet)).toEqual(['Budi Santoso', 'Siti Nurhaliza']);
    expect(bySawangan.view.progress).toEqual({ done: 2, total: 2 });
    const byBeji = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id, kecamatan: BEJI } });
    expect(names(byBeji.sheet)).toEqual(['Rina Wati']);
    const byName = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id, q: 'siti nurhalisa' } });
    expect(names(byName.sheet)).toEqual(['Siti Nurhaliza']);
    const niks = await niksOf([siti.id, other.id, beji.id]);
    expect(byName.sheet.rows[0][col('nik')]).toBe(niks.get(siti.id));
  });

  it('leaves the business columns empty for a person without a business', async () => {
    const { op, pa, add } = await setup();
    const p = await add({ fullName: 'Tanpa Usaha' });
    await t.database.query(
      'DELETE FROM business_status_events WHERE business_id IN (SELECT id FROM businesses WHERE person_id = $1)',
      [p.id],
    );
    await t.database.query('DELETE FROM businesses WHERE person_id = $1', [p.id]);
    const { sheet } = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id } });
    const row = sheet.rows[0];
    expect(row[col('fullName')]).toBe('Tanpa Usaha');
    for (const f of importFields.slice(importFields.indexOf('businessName'))) expect(row[col(f)]).toBeNull();
  });

  it('a coordinator’s export holds only their kecamatan of their operator, whatever the filters ask', async () => {
    const { op, add } = await setup();
    const mine = await add();
    await add({ domicileVillageCode: KUKUSAN });
    const elsewhere = await createOperator(t);
    await createParticipant(t, { operatorId: elsewhere.id });
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    const all = await exported(coordinator, { format: 'xlsx' });
    expect(all.sheet.rows.map((r) => r[col('fullName')])).toEqual([mine.fullName]);
    // Coordinators may reveal NIKs in their kecamatan: the file carries them in full.
    expect(all.sheet.rows[0][col('nik')]).toBe((await niksOf([mine.id])).get(mine.id));
    const beji = await exported(coordinator, { format: 'xlsx', filters: { kecamatan: BEJI } });
    expect(beji.sheet.rows).toEqual([]);
    expect(beji.view.rowCount).toBe(0);
    const other = await exported(coordinator, { format: 'xlsx', filters: { operatorId: elsewhere.id } });
    expect(other.sheet.rows).toEqual([]);
  });

  it('masks the NIK where the requester may not reveal it, and says so in the audit entry', async () => {
    const { op, add } = await setup();
    const p = await add();
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    // No shipped role exports without revealing: take the right from coordinators for this one export.
    const granted = rolePermissions.coordinator as Permission[];
    const at = granted.indexOf('participants.reveal_nik');
    granted.splice(at, 1);
    try {
      const { view, sheet } = await exported(coordinator, { format: 'xlsx' });
      const nik = (await niksOf([p.id])).get(p.id)!;
      expect(sheet.rows[0][col('nik')]).toBe(`${nik.slice(0, 4)}xxxxxxxx${nik.slice(12)}`);
      const [entry] = await t.database.query<{ changes: Record<string, { after: unknown }> }>(
        `SELECT changes FROM audit_log WHERE action = 'export' AND entity_id = $1`,
        [view.id],
      );
      expect(entry.changes.nik.after).toBe('masked');
    } finally {
      granted.splice(at, 0, 'participants.reveal_nik');
    }
  });
});

describe('POST /api/exports (csv)', () => {
  it('writes a UTF-8 CSV with a BOM, the importer’s headers and full NIKs', async () => {
    const { op, pa, add } = await setup();
    const p = await add({ fullName: 'Ñoman Sukarsa', phone: '0856-1234-5678' });
    const { view, file, sheet } = await exported(pa, { format: 'csv', filters: { operatorId: op.id } });
    expect(view.fileName).toMatch(/^peserta-\d{8}-\d{4}\.csv$/);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toContain(`filename="${view.fileName}"`);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sheet.headers.slice(0, importFields.length)).toEqual(importerHeaders);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({
      [col('nik')]: (await niksOf([p.id])).get(p.id),
      [col('fullName')]: 'Ñoman Sukarsa',
      [col('phone')]: '085612345678',
      [col('birthDate')]: p.birthDate,
    });
  });
});

describe('exports: audit and access', () => {
  it('audits every export with its filters, row count, format and whether NIKs were full', async () => {
    const { op, pa, add } = await setup();
    await add({ sex: 'L' });
    await add({ sex: 'P' });
    const { view } = await exported(pa, { format: 'csv', filters: { operatorId: op.id, sex: 'L', ageMin: 0 } });
    expect(view.rowCount).toBe(1);
    const entries = await t.database.query<{
      actor_id: string;
      operator_id: string;
      entity: string;
      changes: Record<string, { after: unknown }>;
    }>(`SELECT actor_id, operator_id, entity, changes FROM audit_log WHERE action = 'export' AND entity_id = $1`, [
      view.id,
    ]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ actor_id: pa.user.id, operator_id: op.id, entity: 'participants' });
    expect(entry.changes.format.after).toBe('csv');
    expect(entry.changes.filters.after).toEqual({ operatorId: op.id, sex: 'L', ageMin: 0 });
    expect(entry.changes.rowCount.after).toBe(1);
    expect(entry.changes.nik.after).toBe('full');
  });

  it('shows and hands the file only to the person who asked for it', async () => {
    const { op, pa, add } = await setup();
    await add();
    const { view } = await exported(pa, { format: 'xlsx', filters: { operatorId: op.id } });
    const colleague = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    expect((await colleague.http.get(`/api/exports/${view.id}`)).status).toBe(404);
    expect((await download(colleague, view.id)).status).toBe(404);
    const admin = await signedIn(t, { roles: [{ role: 'admin' }] });
    expect((await download(admin, view.id)).status).toBe(404);
    expect((await pa.http.get(`/api/exports/${crypto.randomUUID()}`)).status).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/exports/${view.id}/file` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses roles without participants.export (403) and anonymous callers (401)', async () => {
    const { op } = await setup();
    const mentor = await signedIn(t, { roles: [{ role: 'mentor', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const res = await mentor.http.post('/api/exports', { format: 'xlsx', filters: {} });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: { origin: testOrigin },
      payload: { format: 'xlsx' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 with the field path for a bad body', async () => {
    const { pa } = await setup();
    const format = await pa.http.post('/api/exports', { format: 'pdf', filters: {} });
    expect(format.status).toBe(400);
    expect(format.body.error.details).toEqual([expect.objectContaining({ path: 'format' })]);
    const filter = await pa.http.post('/api/exports', { format: 'csv', filters: { kecamatan: 'Sawangan' } });
    expect(filter.status).toBe(400);
    expect(filter.body.error.details).toEqual([expect.objectContaining({ path: 'filters.kecamatan' })]);
    const stage = await pa.http.post('/api/exports', { format: 'csv', filters: { stageStatus: 'done' } });
    expect(stage.status).toBe(400);
    expect(stage.body.error.details[0].path).toBe('filters.stageStatus');
  });
});

describe('participantsAfter (the export’s keyset pages)', () => {
  it('visits every selected person exactly once, page after page, and only those in scope', async () => {
    const { op, add } = await setup();
    const inSawangan = [];
    for (let i = 0; i < 5; i++) inSawangan.push((await add()).id);
    await add({ domicileVillageCode: KUKUSAN });
    const scope = { all: false as const, areas: [{ operatorId: op.id, regionPrefix: SAWANGAN }] };
    const seen: string[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page = await participantsAfter(t.platform.db, scope, {}, { afterId, limit: 2 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((p) => p.id));
      afterId = page[page.length - 1].id;
    }
    expect(seen).toEqual([...inSawangan].sort());
  });
});
