import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { composeNik } from '../../src/shared/nik.js';
import { pgTemplateName, testDatabaseUrl } from '../support/test-database.js';

/**
 * The import is killed with SIGKILL half-way through (no chance to clean up, as in a power cut), then resumed:
 * the database holds whole batches only, and the resumed import ends with every row exactly once.
 */
const ROWS = 30_000;
const BATCH = 5000;
const work = mkdtempSync(path.join(tmpdir(), 'sentra-kill-'));
const dataDir = path.join(work, 'data');
const scratch = `sentra_kill_${process.pid}`;
let databaseUrl: string | undefined;

beforeAll(async () => {
  if (!testDatabaseUrl) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch} TEMPLATE ${pgTemplateName}`).finally(() => admin.end());
  const u = new URL(testDatabaseUrl);
  u.pathname = `/${scratch}`;
  databaseUrl = u.toString();
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!testDatabaseUrl) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).finally(() => admin.end());
});

const env = () => ({
  ...process.env,
  LOG_LEVEL: 'silent',
  SENTRA_DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const sentra = (args: string[]) =>
  execFileSync(process.execPath, ['bin/sentra.mjs', ...args], { env: env(), encoding: 'utf8', stdio: 'pipe' });

/** A short look into the database while no Sentra process holds it. */
async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await openDatabase(
    databaseUrl ? { url: databaseUrl, poolSize: 1 } : { dataDir: path.join(dataDir, 'pglite') },
  );
  try {
    return await db.query<T>(sql, params);
  } finally {
    await db.close();
  }
}

async function workbook(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Peserta');
  ws.addRow(['NIK', 'Nama Lengkap', 'Kecamatan', 'Kelurahan', 'Nama Usaha']).commit();
  for (let i = 0; i < ROWS; i++) {
    // 840 birth dates × 4,999 serials (coprime): every NIK unique. Serials from 5000 up never meet the demo's.
    const birthDate = `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const nik = composeNik({ districtCode: '32.76.03', birthDate, sex: i % 2 ? 'L' : 'P', serial: 5000 + (i % 4999) });
    ws.addRow([nik, `Peserta ${String.fromCharCode(97 + (i % 26))}`, 'Sawangan', 'Pasir Putih', `Usaha ${i}`]).commit();
  }
  await wb.commit();
}

/** Starts the CLI import and kills it once it has read more than half the file; answers the import's id. */
function importThenKill(file: string, operatorId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/sentra.mjs', 'import', 'participants', file, '--operator', operatorId],
      {
        env: env(),
      },
    );
    let id: string | undefined;
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      id ??= /Impor ([0-9a-f-]{36})/.exec(text)?.[1];
      const read = [...text.matchAll(/([\d.]+) \/ [\d.]+ baris/g)].map((m) => Number(m[1].replace(/\./g, '')));
      if (id && Math.max(0, ...read) > ROWS * 0.6 && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && id) resolve(id);
      else reject(new Error(`the import ended before it could be killed (${code}): ${text.slice(-500)}`));
    });
  });
}

describe('an import killed half-way', () => {
  it('leaves whole batches, and `sentra import resume` finishes it without a row twice', {
    timeout: 300_000,
  }, async () => {
    sentra(['seed-demo']);
    const [operator] = await query<{ id: string }>(`select id from operators where name like '%Depok%'`);
    // The demo has people of its own, some of them marked as imported: only the ones added here count.
    const [{ n: before }] = await query<{ n: number }>('select count(*)::int as n from people');
    const file = path.join(work, 'peserta.xlsx');
    await workbook(file);

    const id = await importThenKill(file, operator.id);
    const [cut] = await query<{
      imported: number;
      total_rows: number;
      finished: boolean;
      people: number;
      whole: number;
    }>(
      `select i.imported, i.total_rows, i.finished,
         (select count(*)::int from people p) - $2::int as people,
         (select count(*)::int from people p where p.source = 'import' and p.created_at > i.created_at
            and exists (select 1 from businesses b where b.person_id = p.id)
            and exists (select 1 from participant_stages s where s.person_id = p.id and s.stage = 1)) as whole
       from imports i where i.id = $1`,
      [id, before],
    );
    expect(cut.finished).toBe(false);
    expect(cut.imported).toBeGreaterThan(0);
    expect(cut.imported).toBeLessThan(ROWS);
    expect(cut.imported % BATCH).toBe(0);
    expect(cut.people).toBe(cut.imported);
    expect(cut.whole).toBe(cut.people);

    // PGlite: the next process finds the job cut off at once. PostgreSQL: other servers might still run it, so it
    // counts as stopped after 90 s without progress — the clock is moved here instead of waited for.
    if (databaseUrl)
      await query(
        `update job_runs set updated_at = now() - interval '10 minutes' where id = (select job_id from imports where id = $1)`,
        [id],
      );
    const out = sentra(['import', 'resume', id]);
    expect(out).toMatch(/diimpor \/ imported:\s+30\.000/);
    const [end] = await query<{ imported: number; total_rows: number; duplicates: number; people: number }>(
      `select i.imported, i.total_rows, i.duplicates, (select count(*)::int from people p) - $2::int as people
       from imports i where i.id = $1`,
      [id, before],
    );
    expect(end).toEqual({ imported: ROWS, total_rows: ROWS, duplicates: 0, people: ROWS });
  });
});
