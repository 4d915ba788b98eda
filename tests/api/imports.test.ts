import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIssues, imports } from '../../src/server/modules/imports/imports.schema.js';
import { businesses, participantStages, people } from '../../src/server/modules/participants/participants.schema.js';
import { composeNik } from '../../src/shared/nik.js';
import { BEJI, createOperator, createParticipant, PASIR_PUTIH, SAWANGAN, signedIn } from '../support/factories.js';
import { postMultipart } from '../support/multipart.js';
import { waitFor } from '../support/platform-testing.js';
import { type Cell, csvOf, readXlsx, xlsxOf } from '../support/spreadsheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CIMANGGIS = '32.76.02';
const BOJONGSARI = '32.76.11';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.platform.jobs.start();
});
afterAll(() => t?.close());

let serial = 1;
/** A valid NIK of a Depok kecamatan for a birth date and sex, unique within the run. */
const nik = (district: string, birthDate: string, sex: 'L' | 'P') =>
  composeNik({ districtCode: district, birthDate, sex, serial: serial++ });

async function staffOf(
  operatorId: string,
  role: 'program_admin' | 'coordinator' = 'program_admin',
  regionPrefix?: string,
) {
  return signedIn(t, { roles: [{ role, operatorId, regionPrefix: regionPrefix ?? null }] });
}

async function upload(cookie: string, operatorId: string, data: Buffer, filename = 'peserta.xlsx') {
  const res = await postMultipart(
    t.app,
    '/api/imports/files',
    [
      { name: 'operatorId', value: operatorId },
      { name: 'file', filename, type: filename.endsWith('.csv') ? 'text/csv' : XLSX, data },
    ],
    cookie,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { fileId: string; sheets: string[]; format: string };
}

type Finished = {
  status: string;
  counts: { total: number; imported: number; updated: number; duplicates: number; rejected: number };
  [k: string]: unknown;
};

async function importFile(
  staff: Awaited<ReturnType<typeof staffOf>>,
  operatorId: string,
  data: Buffer,
  options: Record<string, unknown> = {},
  filename?: string,
): Promise<Finished & { id: string }> {
  const { fileId } = await upload(staff.cookie, operatorId, data, filename);
  const started = await staff.http.post('/api/imports', { operatorId, fileId, ...options });
  expect(started.status, started.text).toBe(202);
  expect(started.body.status).toBe('queued');
  return finished(staff, started.body.id);
}

function finished(staff: { http: TestApp['http'] }, id: string) {
  return waitFor(async () => {
    const res = await staff.http.get(`/api/imports/${id}`);
    return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
  }, 30_000);
}

const HEADER: Cell[] = [
  'No',
  'No KTP',
  'Nama Lengkap',
  'Jenis Kelamin',
  'Tgl Lahir',
  'No HP/WA',
  'Kecamatan',
  'Kelurahan',
  'Nama Usaha',
  'Omzet per bulan',
  'Catatan',
  null,
  'xx',
];

describe('importing a messy dinas workbook', () => {
  it('imports the good rows, skips duplicates, rejects the bad ones with reasons, and changes nothing the second time', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const existing = await createParticipant(t, { operatorId: op.id, domicileVillageCode: PASIR_PUTIH });
    const existingNik = (
      await t.platform.db.select({ nik: people.nik }).from(people).where(eq(people.id, existing.id))
    )[0].nik;

    const siti = nik(SAWANGAN, '1990-08-17', 'P');
    const ahmad = nik(SAWANGAN, '1985-08-17', 'L');
    const dewi = nik(CIMANGGIS, '1992-03-05', 'P');
    const darcy = nik(BOJONGSARI, '1988-01-31', 'L');
    const rina = nik(BEJI, '1995-05-05', 'P');
    const wati = nik(SAWANGAN, '1979-12-01', 'P');
    // A NIK whose last digit is not 0 survives as an Excel number (15 significant digits are kept exactly).
    const numeric = `${nik(SAWANGAN, '1991-07-07', 'L').slice(0, 15)}7`;
    const rows: Cell[][] = [
      ['DATA PESERTA WIRA USAHA BARU 2023'],
      [],
      HEADER,
      [
        1,
        siti,
        'Siti Aminah',
        'Perempuan',
        new Date(Date.UTC(1990, 7, 17)),
        81234567801,
        'kec. sawangan',
        'pasir putih',
        'Warung Siti',
        'Rp 1.500.000',
        'ok',
        null,
        'junk',
      ],
      [
        2,
        ahmad,
        'Ahmad bin Yusuf',
        'L',
        '17-08-1985',
        '0812-3456-7802',
        'Sawangan',
        'Pasirputih',
        'Bakso Ahmad',
        '1,5 jt',
      ],
      [
        3,
        '3.27603E+15',
        'Budi Santoso',
        'L',
        '17/08/90',
        '081234567803',
        'Sawangan',
        'Pasir Putih',
        'Budi Jaya',
        1500000,
      ],
      [
        4,
        siti,
        'Siti Aminah',
        'P',
        '17 Agustus 1990',
        '081234567801',
        'Sawangan',
        'Pasir Putih',
        'Warung Siti',
        '1500000',
      ],
      [],
      [5, existingNik, 'Sudah Ada', null, null, '081234567805', 'Sawangan', 'Pasir Putih', 'Usaha Lama', null],
      [6, dewi, 'Dewi Lestari', 'P', null, '081234567806', null, 'Curug', 'Kue Dewi', '2 jt'],
      [
        7,
        darcy,
        "D'Arcy O'Neil",
        'M',
        32173,
        '+62 812-3456-7807',
        'Kec. Bojongsari',
        'Curug',
        'Kopi Darcy',
        'Rp 750.000',
      ],
      [8, rina, 'Rina Marlina', 'M', null, '081234567808', 'Beji', 'Kukusan', 'Jahit Rina', null],
      [9, '3276037102950001', 'Tanggal Salah', 'P', null, '081234567809', 'Sawangan', 'Pasir Putih', 'Salah', null],
      [10, Number(numeric), 'Angka Utuh', 'L', null, '081234567810', 'Sawangan', 'Pasir Putih', 'Usaha Angka', null],
      [11, wati, 'Wati', 'P', null, 'bukan nomor', 'Sawangan', 'Pasir Putih', 'Usaha Wati', '-5000'],
      [],
      [],
    ];
    const file = await xlsxOf({ Peserta: rows });

    const first = await importFile(staff, op.id, file);
    expect(first.status).toBe('done');
    expect(first.counts).toEqual({ total: 11, imported: 4, updated: 0, duplicates: 2, rejected: 5 });

    const [sitiRow] = await t.platform.db
      .select()
      .from(people)
      .where(and(eq(people.operatorId, op.id), eq(people.nik, siti)));
    expect(sitiRow).toMatchObject({
      fullName: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-08-17',
      phone: '+6281234567801',
      domicileVillageCode: PASIR_PUTIH,
      domicileDistrictCode: SAWANGAN,
      source: 'import',
      status: 'applicant',
    });
    const [sitiBusiness] = await t.platform.db.select().from(businesses).where(eq(businesses.personId, sitiRow.id));
    expect(sitiBusiness).toMatchObject({ name: 'Warung Siti', monthlyRevenue: 1_500_000 });
    const [stage1] = await t.platform.db
      .select()
      .from(participantStages)
      .where(eq(participantStages.personId, sitiRow.id));
    expect(stage1).toMatchObject({ stage: 1, status: 'in_progress' });
    const [ahmadRow] = await t.platform.db.select().from(people).where(eq(people.nik, ahmad));
    expect(ahmadRow.fullName).toBe('Ahmad bin Yusuf');
    expect(
      (await t.platform.db.select().from(businesses).where(eq(businesses.personId, ahmadRow.id)))[0].monthlyRevenue,
    ).toBe(1_500_000);
    const [darcyRow] = await t.platform.db.select().from(people).where(eq(people.nik, darcy));
    expect(darcyRow).toMatchObject({ fullName: "D'Arcy O'Neil", domicileDistrictCode: BOJONGSARI });
    expect(darcyRow.domicileVillageCode.startsWith(`${BOJONGSARI}.`)).toBe(true);
    expect((await t.platform.db.select().from(people).where(eq(people.nik, numeric))).length).toBe(1);

    // The person page shows them like anyone registered by hand; the trail says who brought them in.
    const detail = await staff.http.get(`/api/participants/${sitiRow.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.nikMasked).not.toContain(siti.slice(6, 12));
    const trail = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'participant' and entity_id = $1 and action = 'create'`,
      [sitiRow.id],
    );
    expect(trail[0].n).toBe(1);

    const rejected = await staff.http.get(`/api/imports/${first.id}/issues?kind=rejected`);
    expect(rejected.body.total).toBe(5);
    const byRow = new Map(rejected.body.items.map((i: { rowNo: number }) => [i.rowNo, i]));
    const codes = (rowNo: number) =>
      (byRow.get(rowNo) as { reasons: Array<{ code: string }> }).reasons.map((r) => r.code);
    expect(codes(6)).toContain('nik_scientific');
    expect(byRow.get(10)).toMatchObject({ reasons: [{ field: 'kelurahan', code: 'ambiguous' }] });
    expect(codes(12)).toContain('nik_mismatch');
    expect(codes(13)).toContain('birth_date');
    // Every problem of a row at once: a bad phone and a negative revenue.
    expect(codes(15)).toEqual(['invalid_phone', 'negative']);
    const duplicates = await staff.http.get(`/api/imports/${first.id}/issues?kind=duplicate`);
    expect(duplicates.body.items.map((i: { rowNo: number }) => i.rowNo)).toEqual([7, 9]);
    expect(duplicates.body.items[0].reasons[0]).toMatchObject({
      code: 'duplicate_in_file',
      message: expect.stringContaining('baris 4'),
    });
    expect(duplicates.body.items[1]).toMatchObject({ existingPersonId: existing.id, reasons: [{ code: 'exists' }] });

    // The report file: reason, kind, row number, then the file's own columns, NIKs as text.
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${first.id}/rejected.xlsx`,
      headers: { cookie: staff.cookie },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('perlu-diperbaiki.xlsx');
    const sheet = await readXlsx(report.rawPayload);
    expect(sheet[0].slice(0, 5)).toEqual(['Alasan', 'Jenis', 'Baris', 'No', 'No KTP']);
    expect(sheet).toHaveLength(1 + 7);
    const dupLine = sheet.find((r) => r[2] === 9)!;
    expect(dupLine[1]).toBe('Duplikat');
    expect(dupLine[4]).toBe(existingNik);

    // The same file again: nothing new, nothing doubled.
    const before = await t.platform.db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(eq(people.operatorId, op.id));
    const second = await importFile(staff, op.id, file);
    expect(second.counts).toEqual({ total: 11, imported: 0, updated: 0, duplicates: 6, rejected: 5 });
    const after = await t.platform.db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(eq(people.operatorId, op.id));
    expect(after[0].n).toBe(before[0].n);

    // Fix the report (a real NIK where Excel had written 3.27603E+15) and import it again: that row goes in.
    const budi = nik(SAWANGAN, '1990-08-17', 'L');
    const fixed = sheet.map((r) => (r[2] === 6 ? r.map((c, i) => (i === 4 ? budi : c)) : r)) as Cell[][];
    const third = await importFile(staff, op.id, await xlsxOf({ Perbaikan: fixed }));
    expect(third.counts).toMatchObject({ total: 7, imported: 1 });
    expect((await t.platform.db.select().from(people).where(eq(people.nik, budi)))[0].fullName).toBe('Budi Santoso');
  });

  it('previews the layout: header row guessed under a title, mapping suggested, first rows checked with candidates', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const file = await xlsxOf({
      Rekap: [['Jumlah', 3]],
      Peserta: [
        ['DAFTAR UMKM BINAAN'],
        HEADER,
        [
          1,
          nik(SAWANGAN, '1990-01-01', 'L'),
          'Agus',
          'L',
          null,
          '0812 1111 2222',
          'Sawangan',
          'Pasir Putih',
          'Agus Snack',
          '1 jt',
        ],
        [2, nik(CIMANGGIS, '1990-01-02', 'L'), 'Bayu', 'L', null, '0812 1111 3333', null, 'Curug', 'Bayu Cell', null],
      ],
    });
    const { fileId, sheets } = await upload(staff.cookie, op.id, file);
    expect(sheets).toEqual(['Rekap', 'Peserta']);
    const res = await staff.http.post('/api/imports/inspect', { operatorId: op.id, fileId, sheet: 'Peserta' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.headerRow).toBe(2);
    expect(res.body.suggested).toMatchObject({
      nik: 1,
      fullName: 2,
      sex: 3,
      birthDate: 4,
      phone: 5,
      kecamatan: 6,
      kelurahan: 7,
      businessName: 8,
      monthlyRevenue: 9,
    });
    expect(res.body.missingRequired).toEqual([]);
    expect(res.body.rows).toHaveLength(2);
    expect(res.body.rows[0]).toMatchObject({
      rowNo: 3,
      outcome: 'ok',
      resolved: { kelurahan: 'Pasir Putih', kecamatan: 'Sawangan' },
    });
    const ambiguous = res.body.rows[1];
    expect(ambiguous.outcome).toBe('rejected');
    expect(ambiguous.problems[0].candidates.map((c: { code: string }) => c.code).sort()).toEqual([
      '32.76.02.1008',
      '32.76.11.1005',
    ]);

    // Without a NIK column the import cannot start; the answer names the field.
    const noNik = await staff.http.post('/api/imports', {
      operatorId: op.id,
      fileId,
      sheet: 'Peserta',
      mapping: { fullName: 2, kelurahan: 7 },
    });
    expect(noNik.status).toBe(400);
    expect(noNik.body.error.details).toContainEqual(expect.objectContaining({ path: 'mapping.nik', code: 'required' }));
    expect(await t.platform.db.select().from(imports).where(eq(imports.operatorId, op.id))).toHaveLength(0);
  });
});

describe('CSV files', () => {
  it('reads semicolon-separated Windows-1252 and comma-separated UTF-8 with BOM', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const jose = nik(SAWANGAN, '1980-02-02', 'L');
    const rows: Cell[][] = [
      ['NIK', 'Nama Lengkap', 'Kelurahan', 'No HP', 'Nama Usaha', 'Omzet'],
      [jose, 'José Ramírez', 'Pasir Putih', '081299990001', 'Café José', 'Rp 2.000.000'],
    ];
    const semi = await importFile(
      staff,
      op.id,
      csvOf(rows, { delimiter: ';', encoding: 'win1252' }),
      {},
      'peserta.csv',
    );
    expect(semi.counts).toMatchObject({ total: 1, imported: 1 });
    const [person] = await t.platform.db.select().from(people).where(eq(people.nik, jose));
    expect(person.fullName).toBe('José Ramírez');
    expect((await t.platform.db.select().from(businesses).where(eq(businesses.personId, person.id)))[0]).toMatchObject({
      name: 'Café José',
      monthlyRevenue: 2_000_000,
    });

    const ani = nik(SAWANGAN, '1981-03-03', 'P');
    const utf = await importFile(
      staff,
      op.id,
      csvOf([rows[0], [ani, 'Ani Rahmawati', 'Pasir Putih', '6281299990002', 'Kripik "Ani"; pedas', '500000']], {
        bom: true,
      }),
      {},
      'peserta.csv',
    );
    expect(utf.counts).toMatchObject({ total: 1, imported: 1 });
    const [aniRow] = await t.platform.db.select().from(people).where(eq(people.nik, ani));
    expect(aniRow.phone).toBe('+6281299990002');
  });
});

describe('modes', () => {
  const personRows = (who: string, phone: string, business = 'Usaha Tetap') => [
    ['NIK', 'Nama Lengkap', 'Kelurahan', 'No HP', 'Nama Usaha'],
    [who, 'Tetap Sama', 'Pasir Putih', phone, business],
  ];

  it('upsert updates what changed (audited), and reports unchanged rows as duplicates', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const who = nik(SAWANGAN, '1975-04-04', 'L');
    expect((await importFile(staff, op.id, await xlsxOf({ a: personRows(who, '081200000001') }))).counts.imported).toBe(
      1,
    );

    const changed = await importFile(staff, op.id, await xlsxOf({ a: personRows(who, '081200000002', 'Usaha Baru') }), {
      mode: 'upsert',
    });
    expect(changed.counts).toMatchObject({ total: 1, imported: 0, updated: 1, duplicates: 0 });
    const [person] = await t.platform.db.select().from(people).where(eq(people.nik, who));
    expect(person.phone).toBe('+6281200000002');
    expect(person.searchText).toContain('usaha baru');
    const owned = await t.platform.db.select().from(businesses).where(eq(businesses.personId, person.id));
    expect(owned.map((b) => b.name).sort()).toEqual(['Usaha Baru', 'Usaha Tetap']);
    const [entry] = await t.database.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      `select changes from audit_log where entity = 'participant' and entity_id = $1 and action = 'update'`,
      [person.id],
    );
    expect(entry.changes.phone).toEqual({ before: '+6281200000001', after: '+6281200000002' });

    const again = await importFile(staff, op.id, await xlsxOf({ a: personRows(who, '081200000002', 'Usaha Baru') }), {
      mode: 'upsert',
    });
    expect(again.counts).toMatchObject({ updated: 0, duplicates: 1 });
  });

  it('a dry run checks everything and writes no participant; asMembers with a track enrolls accepted members', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const who = nik(SAWANGAN, '1970-05-05', 'P');
    const file = await xlsxOf({ a: personRows(who, '081200000009') });
    const dry = await importFile(staff, op.id, file, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, counts: { total: 1, imported: 1 } });
    expect(await t.platform.db.select().from(people).where(eq(people.nik, who))).toHaveLength(0);

    const { track } = await createTrack(t, { operatorId: op.id });
    const real = await importFile(staff, op.id, file, { trackId: track.id, asMembers: true });
    expect(real.counts.imported).toBe(1);
    const [person] = await t.platform.db.select().from(people).where(eq(people.nik, who));
    expect(person.status).toBe('member');
    const member = await staff.http.get(`/api/participants/${person.id}`);
    expect(member.body.enrollments).toEqual([expect.objectContaining({ trackId: track.id, status: 'accepted' })]);
  });
});

describe('scope and access', () => {
  it('a coordinator imports only inside their kecamatan and sees only their own imports', async () => {
    const op = await createOperator(t);
    const coordinator = await staffOf(op.id, 'coordinator', SAWANGAN);
    const inside = nik(SAWANGAN, '1990-06-06', 'L');
    const outside = nik(BEJI, '1990-06-07', 'L');
    const file = await xlsxOf({
      a: [
        ['NIK', 'Nama', 'Kecamatan', 'Kelurahan'],
        [inside, 'Di Dalam', 'Sawangan', 'Pasir Putih'],
        [outside, 'Di Luar', 'Beji', 'Kukusan'],
      ],
    });
    const done = await importFile(coordinator, op.id, file);
    expect(done.counts).toMatchObject({ imported: 1, rejected: 1 });
    const issues = await coordinator.http.get(`/api/imports/${done.id}/issues`);
    expect(issues.body.items[0].reasons[0].code).toBe('outside_scope');

    const other = await staffOf(op.id, 'coordinator', BEJI);
    expect((await other.http.get(`/api/imports/${done.id}`)).status).toBe(404);
    expect((await other.http.get(`/api/imports/${done.id}/rejected.xlsx`)).status).toBe(404);
    expect((await other.http.get('/api/imports')).body.total).toBe(0);
    const admin = await staffOf(op.id);
    expect(
      (await admin.http.get(`/api/imports?operatorId=${op.id}`)).body.items.map((i: { id: string }) => i.id),
    ).toContain(done.id);

    const mentor = await signedIn(t, { roles: [{ role: 'mentor', operatorId: op.id }] });
    expect((await mentor.http.get('/api/imports')).status).toBe(403);
  });

  it('refuses what is not a spreadsheet, unknown files and foreign operators with clear errors', async () => {
    const op = await createOperator(t);
    const otherOp = await createOperator(t);
    const staff = await staffOf(op.id);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bd0000000049454e44ae426082',
      'hex',
    );
    const res = await postMultipart(
      t.app,
      '/api/imports/files',
      [
        { name: 'operatorId', value: op.id },
        { name: 'file', filename: 'foto.xlsx', type: XLSX, data: png },
      ],
      staff.cookie,
    );
    expect(res.statusCode).toBe(415);
    // The message says what to upload instead.
    expect(res.json().error.message).toContain('.xlsx, .csv');
    const garbage = await postMultipart(
      t.app,
      '/api/imports/files',
      [
        { name: 'operatorId', value: op.id },
        { name: 'file', filename: 'rusak.xlsx', type: XLSX, data: Buffer.from('PK\u0003\u0004 not really a zip') },
      ],
      staff.cookie,
    );
    expect([400, 415]).toContain(garbage.statusCode);

    const missing = await staff.http.post('/api/imports', { operatorId: op.id, fileId: crypto.randomUUID() });
    expect(missing.status).toBe(404);
    const foreign = await postMultipart(
      t.app,
      '/api/imports/files',
      [
        { name: 'operatorId', value: otherOp.id },
        { name: 'file', filename: 'a.csv', type: 'text/csv', data: Buffer.from('NIK,Nama\n') },
      ],
      staff.cookie,
    );
    expect(foreign.statusCode).toBe(404);
    const bad = await staff.http.post('/api/imports', { operatorId: 'x', fileId: 'y', mode: 'replace' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'fileId',
      'mode',
      'operatorId',
    ]);
    const { fileId } = await upload(staff.cookie, op.id, csvOf([['NIK', 'Nama', 'Kelurahan']]), 'kosong.csv');
    const sheet = await staff.http.post('/api/imports/inspect', { operatorId: op.id, fileId, sheet: 'Lain' });
    expect(sheet.status).toBe(400);
    expect(sheet.body.error.details[0]).toMatchObject({ path: 'sheet', code: 'unknown_sheet' });
  });
});

describe('an import interrupted half-way', () => {
  it('keeps whole batches only, shows the stalled run as failed, and a resumed run ends like an uninterrupted one', async () => {
    const op = await createOperator(t);
    const staff = await staffOf(op.id);
    const who = Array.from({ length: 9 }, (_, i) => nik(SAWANGAN, `1980-01-${10 + i}`, i % 2 ? 'L' : 'P'));
    const rows: Cell[][] = [['NIK', 'Nama', 'Kelurahan', 'Nama Usaha']];
    for (const [i, n] of who.entries()) rows.push([n, `Orang ${'abcdefghi'[i]}`, 'Pasir Putih', `Usaha ${i}`]);
    rows.push([who[0], 'Orang a', 'Pasir Putih', 'Usaha 0'], ['123', 'Salah', 'Pasir Putih', null]);
    const { fileId } = await upload(staff.cookie, op.id, await xlsxOf({ a: rows }));

    // The import as POST /api/imports records it, run here by hand so the "crash" can strike after batch 2 of 4 rows.
    const [imp] = await t.platform.db
      .insert(imports)
      .values({
        operatorId: op.id,
        fileId,
        fileName: 'peserta.xlsx',
        format: 'xlsx',
        sheet: 'a',
        headerRow: 1,
        mapping: { nik: 0, fullName: 1, kelurahan: 2, businessName: 3 },
        createdBy: staff.user.id,
      })
      .returning();
    const crash = async (batchNo: number) => {
      if (batchNo === 2) throw new Error('proses mati');
    };
    await expect(
      t.services.imports.run(imp.id, { progress: async () => {}, batchSize: 4, afterBatch: crash }),
    ).rejects.toThrow('proses mati');

    const [half] = await t.platform.db.select().from(imports).where(eq(imports.id, imp.id));
    expect(half).toMatchObject({ checkpointRow: 9, totalRows: 8, imported: 8, finished: false });
    const inDb = await t.platform.db.select().from(people).where(eq(people.operatorId, op.id));
    expect(inDb).toHaveLength(8);
    // Whole records only: every person has their business and stage 1.
    for (const p of inDb) {
      expect(await t.platform.db.select().from(businesses).where(eq(businesses.personId, p.id))).toHaveLength(1);
      expect(
        await t.platform.db.select().from(participantStages).where(eq(participantStages.personId, p.id)),
      ).toHaveLength(1);
    }

    // Its job went silent (the process died): shown as failed, with a way to continue.
    const jobId = crypto.randomUUID();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await t.database.query(
      `insert into job_runs (id, queue, operator_id, created_by, status, started_at, updated_at)
       values ($1, 'imports.run', $2, $3, 'running', $4, $4)`,
      [jobId, op.id, staff.user.id, longAgo],
    );
    await t.platform.db.update(imports).set({ jobId }).where(eq(imports.id, imp.id));
    const stalled = await staff.http.get(`/api/imports/${imp.id}`);
    expect(stalled.body).toMatchObject({ status: 'failed', canResume: true, counts: { imported: 8 } });

    const resumed = await staff.http.post(`/api/imports/${imp.id}/resume`);
    expect(resumed.status).toBe(202);
    const end = await finished(staff, imp.id);
    expect(end).toMatchObject({ status: 'done', canResume: false });
    expect(end.counts).toEqual({ total: 11, imported: 9, updated: 0, duplicates: 1, rejected: 1 });
    expect(await t.platform.db.select().from(people).where(eq(people.operatorId, op.id))).toHaveLength(9);
    const issues = await t.platform.db.select().from(importIssues).where(eq(importIssues.importId, imp.id));
    expect(issues.map((i) => [i.rowNo, i.kind]).sort()).toEqual([
      [11, 'duplicate'],
      [12, 'rejected'],
    ]);
    expect((await staff.http.post(`/api/imports/${imp.id}/resume`)).status).toBe(409);

    // The same file in one go, at another operator, reports the same.
    const other = await createOperator(t);
    const otherStaff = await staffOf(other.id);
    const whole = await importFile(otherStaff, other.id, await xlsxOf({ a: rows }));
    expect(whole.counts).toEqual(end.counts);
  });
});
