/**
 * Import benchmark: a generated 100,000-row dinas workbook (15 columns, Indonesian headers, kecamatan and kelurahan as
 * names, rupiah as text) imported end to end — upload, parse, check, dedup, write — beside the raw ceilings measured
 * in the same run on the same machine: reading the sheet alone, and COPY of the same rows, already clean, into a
 * table of the same shape. Prints a table and writes bench/results/import-<time>.json.
 *
 *   npm run bench                       # embedded PGlite, 100,000 rows
 *   BENCH_ROWS=20000 npm run bench       # smaller
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   # on PostgreSQL (a scratch database)
 */
process.env.TZ = 'UTC';

import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import pino from 'pino';
import { systemActor } from '../src/server/modules/access/actor.js';
import { readRows } from '../src/server/modules/imports/spreadsheet-reader.js';
import { ensureRegionsLoaded } from '../src/server/modules/regions/regions.loader.js';
import { loadConfig } from '../src/server/platform/config.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { migrateDatabase } from '../src/server/platform/db/migrate.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { createServices } from '../src/server/services.js';
import { composeNik } from '../src/shared/nik.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const adminUrl = process.env.BENCH_DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), 'sentra-bench-'));
const actor = systemActor('bench');

// A small deterministic generator: the same file every run.
let seed = 20_240_817;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const FIRST = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Rina', 'Agus', 'Nur', 'Eko', 'Sri', 'Wahyu', 'Lestari', 'Yusuf'];
const LAST = ['Aminah', 'Santoso', 'Lestari', 'Rahmawati', 'Hidayat', 'Saputra', 'Wulandari', 'bin Yusuf', 'Pratama'];
const TRADE = ['Warung', 'Kripik', 'Bakso', 'Jahit', 'Kue', 'Kopi', 'Batik', 'Laundry', 'Sablon', 'Catering'];

function depokVillages() {
  const csv = readFileSync('node_modules/idn-area-data/data/villages.csv', 'utf8').split('\n');
  const districts = new Map(
    readFileSync('node_modules/idn-area-data/data/districts.csv', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('32.76.'))
      .map((l) => l.split(',') as [string, string, string])
      .map(([code, , name]) => [code, name]),
  );
  return csv
    .filter((l) => l.startsWith('32.76.'))
    .map((l) => l.split(','))
    .map(([, district, name]) => ({ district, districtName: districts.get(district)!, name: name.trim() }));
}

const HEADERS = [
  'No',
  'NIK',
  'Nama Lengkap',
  'L/P',
  'Tanggal Lahir',
  'No HP/WA',
  'Email',
  'Alamat',
  'Kecamatan',
  'Kelurahan',
  'Nama Usaha',
  'KBLI',
  'Omzet per Bulan',
  'Karyawan Laki-laki',
  'Karyawan Perempuan',
];

type Person = {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth: Date;
  phone: string;
  village: ReturnType<typeof depokVillages>[number];
  business: string;
  revenue: number;
};

function people(n: number): Person[] {
  const villages = depokVillages();
  const serials = new Map<string, number>();
  return Array.from({ length: n }, (_, i) => {
    const sex = rand() < 0.5 ? 'L' : 'P';
    const birth = new Date(
      Date.UTC(1960 + Math.floor(rand() * 45), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
    );
    const village = pick(villages);
    const birthDate = birth.toISOString().slice(0, 10);
    // The serial counts people of one kecamatan, birth date and sex, as Dukcapil's does: every NIK unique.
    const key = `${village.district}${birthDate}${sex}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    return {
      nik: composeNik({ districtCode: village.district, birthDate, sex, serial }),
      name: `${pick(FIRST)} ${pick(LAST)}`,
      sex,
      birth,
      phone: `0812${String(10_000_000 + i).slice(-8)}`,
      village,
      business: `${pick(TRADE)} ${pick(FIRST)}`,
      revenue: 500_000 + Math.floor(rand() * 200) * 50_000,
    };
  });
}

async function writeWorkbook(file: string, rows: Person[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Peserta');
  ws.addRow(['DATA PESERTA WIRA USAHA BARU']).commit();
  ws.addRow(HEADERS).commit();
  rows.forEach((p, i) => {
    ws.addRow([
      i + 1,
      p.nik,
      p.name,
      p.sex,
      p.birth,
      p.phone,
      `${p.name.split(' ')[0].toLowerCase()}${i}@contoh.id`,
      `Jl. Mawar No. ${1 + (i % 90)}`,
      `Kec. ${p.village.districtName}`,
      p.village.name.toUpperCase(),
      p.business,
      '10792',
      `Rp ${p.revenue.toLocaleString('id-ID')}`,
      i % 3,
      i % 2,
    ]).commit();
  });
  await wb.commit();
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const perSecond = (rows: number, millis: number) => Math.round(rows / (millis / 1000));

async function scratchDatabase() {
  if (!adminUrl) return { url: undefined, drop: async () => {} };
  const name = `sentra_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const scratch = await scratchDatabase();
  // On disk, as `npm start` keeps it (an in-memory PGlite spends its time growing buffers).
  const database = await openDatabase({ url: scratch.url, dataDir: path.join(work, 'pglite'), poolSize: 4 });
  try {
    await migrateDatabase(database);
    await ensureRegionsLoaded(database);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SENTRA_DATA_DIR: work,
      SENTRA_UPLOAD_MAX_MB: '200',
    });
    const platform = await createPlatform({ config, log: pino({ level: 'silent' }), database });
    const services = createServices(platform);

    console.log(`Generating ${ROWS.toLocaleString('en')} rows …`);
    const rows = people(ROWS);
    const file = path.join(work, 'peserta.xlsx');
    await writeWorkbook(file, rows);
    const size = statSync(file).size;

    // Ceiling 1: reading the sheet, nothing else.
    let t0 = process.hrtime.bigint();
    let read = 0;
    for await (const _ of readRows(() => Promise.resolve(createReadStream(file)), 'xlsx', { fromRow: 3 })) read++;
    const readMs = ms(t0);

    // Ceiling 2: COPY of the same rows, already clean, into a table shaped like people + business.
    const clean = stringify([
      ['nik', 'full_name', 'sex', 'birth_date', 'phone', 'domicile_district_code', 'business_name', 'monthly_revenue'],
      ...rows.map((p) => [
        p.nik,
        p.name,
        p.sex,
        p.birth.toISOString().slice(0, 10),
        `+62${p.phone.slice(1)}`,
        p.village.district,
        p.business,
        p.revenue,
      ]),
    ]);
    await database.exec(
      'CREATE TABLE bench_copy (nik text, full_name text, sex text, birth_date date, phone text, domicile_district_code text, business_name text, monthly_revenue bigint)',
    );
    t0 = process.hrtime.bigint();
    await database.copyCsv(
      'bench_copy',
      ['nik', 'full_name', 'sex', 'birth_date', 'phone', 'domicile_district_code', 'business_name', 'monthly_revenue'],
      clean,
    );
    const copyMs = ms(t0);
    await database.exec('DROP TABLE bench_copy');

    // The import, end to end, as the web or the CLI runs it.
    const operator = await services.operators.create(actor, { name: 'Dinas Bench', serviceArea: ['32.76'] });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    t0 = process.hrtime.bigint();
    const upload = await services.imports.upload(actor, {
      operatorId: operator.id,
      filename: 'peserta.xlsx',
      body: createReadStream(file),
    });
    const { id } = await services.imports.start(actor, { operatorId: operator.id, fileId: upload.fileId });
    const counts = await services.imports.run(id, { progress: async () => {} });
    const importMs = ms(t0);
    clearInterval(sampler);
    await platform.close();

    const result = {
      at: new Date().toISOString(),
      node: process.version,
      database: database.kind,
      rows: ROWS,
      fileBytes: size,
      counts,
      importMs: Math.round(importMs),
      importRowsPerSecond: perSecond(ROWS, importMs),
      readSheetRowsPerSecond: perSecond(read, readMs),
      rawCopyRowsPerSecond: perSecond(ROWS, copyMs),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    };
    console.table({
      'import end to end': { rows: ROWS, ms: result.importMs, 'rows/s': result.importRowsPerSecond },
      'ceiling: read the sheet only': { rows: read, ms: Math.round(readMs), 'rows/s': result.readSheetRowsPerSecond },
      'ceiling: raw COPY of clean rows': { rows: ROWS, ms: Math.round(copyMs), 'rows/s': result.rawCopyRowsPerSecond },
    });
    console.log(
      `database ${result.database}, file ${(size / 1e6).toFixed(1)} MB, peak RSS ${result.peakRssMb} MB, counts`,
      counts,
    );
    mkdirSync('bench/results', { recursive: true });
    const out = path.join('bench/results', `import-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${out}`);
    if (counts.imported !== ROWS) throw new Error(`expected ${ROWS} imported, got ${counts.imported}`);
  } finally {
    await database.close().catch(() => {});
    await scratch.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
