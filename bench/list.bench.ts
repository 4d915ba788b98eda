/**
 * Participant list benchmark: the list endpoint's service at a national scale (default 1,000,000 members of one
 * operator, with businesses and a funnel of 7 PAS stages), for the queries staff run most — beside the raw ceiling
 * of the same run: an index-only count of the operator's rows. Reports the median of repeated calls.
 *
 *   npm run bench:list                                  # embedded PGlite, 200,000 members
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:list   # PostgreSQL, 1,000,000
 *   BENCH_LIST_ROWS=500000 …                            # another size
 */
process.env.TZ = 'UTC';

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Actor, systemActor } from '../src/server/modules/access/actor.js';
import { makeParticipantsService } from '../src/server/modules/participants/participants.service.js';
import { ensureRegionsLoaded } from '../src/server/modules/regions/regions.loader.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { migrateDatabase } from '../src/server/platform/db/migrate.js';

const adminUrl = process.env.BENCH_DATABASE_URL;
const ROWS = Number(process.env.BENCH_LIST_ROWS ?? (adminUrl ? 1_000_000 : 200_000));
const REPEAT = 7;
const work = mkdtempSync(path.join(tmpdir(), 'sentra-bench-list-'));

const FIRST = [
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Rina',
  'Agus',
  'Nur',
  'Eko',
  'Sri',
  'Wahyu',
  'Lestari',
  'Yusuf',
  'Intan',
];
const LAST = ['Aminah', 'Santoso', 'Lestari', 'Rahmawati', 'Hidayat', 'Saputra', 'Wulandari', 'Pratama', 'Nurhaliza'];
const TRADE = ['Warung', 'Kripik', 'Bakso', 'Jahit', 'Kue', 'Kopi', 'Batik', 'Laundry', 'Sablon', 'Catering'];

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Members generated inside the database (one statement per table), shaped like a real funnel. */
async function generate(query: (sql: string, params?: unknown[]) => Promise<unknown>, operatorId: string) {
  await query(
    `CREATE TEMP TABLE villages AS
       SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, parent_code FROM regions
       WHERE level = 4 AND code LIKE '32.76.%'`,
  );
  await query(
    `INSERT INTO people (id, operator_id, nik, full_name, sex, birth_date, phone, domicile_village_code,
       domicile_district_code, status, source, search_text, created_at, updated_at)
     SELECT gen_random_uuid(), $1,
       replace(v.parent_code, '.', '') || lpad(i::text, 10, '0'),
       f.name, CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
       date '1960-01-01' + (i * 37 % 16000),
       '+62812' || lpad(i::text, 8, '0'),
       v.code, v.parent_code,
       CASE WHEN i % 10 < 6 THEN 'member' ELSE 'applicant' END, 'import',
       lower(f.name || ' ' || (${sqlArray(TRADE)})[1 + i % ${TRADE.length}] || ' ' || split_part(f.name, ' ', 1)),
       now() - make_interval(mins => i), now()
     FROM generate_series(1, $2::int) AS i
     CROSS JOIN LATERAL (SELECT (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' ||
                                (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}] AS name) f
     JOIN villages v ON v.n = i % (SELECT count(*) FROM villages)`,
    [operatorId, ROWS],
  );
  await query(
    `INSERT INTO businesses (operator_id, person_id, name, kbli, status)
     SELECT operator_id, id, split_part(search_text, ' ', 3) || ' ' || split_part(search_text, ' ', 1), '10792', 'active'
     FROM people WHERE operator_id = $1`,
    [operatorId],
  );
  // Jakpreneur's funnel: everyone registered, fewer at each later stage.
  await query(
    `INSERT INTO participant_stages (operator_id, person_id, stage, status, since)
     SELECT p.operator_id, p.id, s.stage,
       CASE WHEN abs(hashtext(p.id::text)) % 100 < 70 THEN 'done' ELSE 'in_progress' END, current_date
     FROM people p
     CROSS JOIN (VALUES (1, 100), (2, 62), (3, 55), (4, 52), (5, 16), (6, 12), (7, 2)) AS s(stage, pct)
     WHERE p.operator_id = $1 AND abs(hashtext(p.id::text || s.stage)) % 100 < s.pct`,
    [operatorId],
  );
  await query('ANALYZE');
  await query('VACUUM (ANALYZE) people');
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

async function main() {
  let drop = async () => {};
  let url: string | undefined;
  if (adminUrl) {
    const name = `sentra_bench_list_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    drop = async () => {
      // BENCH_KEEP_DB=1 leaves the database for EXPLAIN sessions.
      if (!process.env.BENCH_KEEP_DB) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      else console.log(`kept ${url}`);
      await admin.end();
    };
  }
  const database = await openDatabase({ url, dataDir: url ? undefined : path.join(work, 'pglite'), poolSize: 4 });
  try {
    await migrateDatabase(database);
    await ensureRegionsLoaded(database);
    const [{ id: operatorId }] = await database.query<{ id: string }>(
      `INSERT INTO operators (name, service_area) VALUES ('Dinas Bench', ARRAY['32.76']) RETURNING id`,
    );
    console.log(`Generating ${ROWS.toLocaleString('en')} members on ${database.kind} …`);
    let t0 = Date.now();
    await generate((text, params) => database.query(text, params), operatorId);
    const generateMs = Date.now() - t0;
    const [{ stages }] = await database.query<{ stages: number }>(
      'SELECT count(*)::int AS stages FROM participant_stages',
    );

    const participants = makeParticipantsService(database.db);
    const admin: Actor = systemActor('bench');
    const coordinator: Actor = {
      kind: 'user',
      userId: 'bench-coordinator',
      name: 'Koordinator',
      grants: [{ role: 'coordinator', operatorId, regionPrefix: '32.76.03' }],
    };
    const page = { page: 1, pageSize: 25 };
    const cases: Array<[string, Actor, Record<string, unknown>]> = [
      ['all members, page 1', admin, { operatorId }],
      ['all members, page 200', admin, { operatorId, page: 200 }],
      ['coordinator (one kecamatan)', coordinator, {}],
      ['kecamatan + stage 3 done', admin, { operatorId, kecamatan: '32.76.03', stage: 3, stageStatus: 'done' }],
      ['stage 7 reached', admin, { operatorId, stage: 7 }],
      ['sex P + age 30–39', admin, { operatorId, sex: 'P', ageMin: 30, ageMax: 39 }],
      ['search "siti lestar" (typo)', admin, { operatorId, q: 'siti lestar' }],
      ['search NIK prefix', admin, { operatorId, q: '3276030000' }],
      ['search phone', admin, { operatorId, q: '0812 0001 2345' }],
    ];
    const results: Record<string, { ms: number; total: number }> = {};
    for (const [name, actor, q] of cases) {
      const query = { ...page, ...q } as Parameters<typeof participants.list>[1];
      const { total } = await participants.list(actor, query);
      results[name] = { ms: await median(() => participants.list(actor, query)), total };
    }
    // The ceiling: counting the operator's rows with nothing else, as the database can at best.
    t0 = Date.now();
    const ceiling = await median(() =>
      database.query('SELECT count(*) FROM people WHERE operator_id = $1', [operatorId]),
    );
    console.table({ ...results, 'ceiling: bare count(*) of the operator': { ms: ceiling, total: ROWS } });
    const result = {
      at: new Date().toISOString(),
      node: process.version,
      database: database.kind,
      members: ROWS,
      stageRows: stages,
      generateMs,
      medianOf: REPEAT,
      results,
      ceilingCountMs: ceiling,
    };
    mkdirSync('bench/results', { recursive: true });
    const out = path.join('bench/results', `list-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `generated in ${(generateMs / 1000).toFixed(0)} s (${stages.toLocaleString('en')} stage rows); written ${out}`,
    );
  } finally {
    await database.close().catch(() => {});
    await drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
