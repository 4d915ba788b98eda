import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { ageOn } from '../../../shared/eligibility.js';
import { findKbli } from '../../../shared/kbli.js';
import { parseNik } from '../../../shared/nik.js';
import { personName } from '../../../shared/participants.js';
import { normalizePhone } from '../../../shared/phone.js';
import { seedDemoMembers } from './demo-members.js';
import { businessKinds } from './demo-names.js';
import { DEMO_PROGRAM, splitTarget } from './demo-program.js';

let t: TestApp;
let operatorId: string;
let seconds: number;
beforeAll(async () => {
  t = await createTestApp();
  operatorId = (await createOperator(t)).id;
  const t0 = Date.now();
  const result = await seedDemoMembers(t.platform.db, t.services, { operatorId, count: 2000, seed: 7 });
  seconds = (Date.now() - t0) / 1000;
  expect(result).toEqual({ members: 2000, created: 2000 });
}, 120_000);
afterAll(() => t.close());

const q = <T>(sql: string, params: unknown[] = [operatorId]) => t.database.query<T>(sql, params);

describe('seedDemoMembers', () => {
  it('seeds 2,000 members in a few seconds', () => {
    console.info(`seeded 2,000 demo members in ${seconds.toFixed(1)} s on ${t.database.kind}`);
    expect(seconds).toBeLessThan(20);
  });

  it('gives every member a valid NIK that agrees with their sex and birth date, a valid name and phone', async () => {
    const districts = new Set(
      (await q<{ code: string }>('SELECT code FROM regions WHERE level = 3', [])).map((r) => r.code),
    );
    const rows = await q<{
      nik: string;
      sex: string;
      birth_date: string;
      full_name: string;
      phone: string;
      created_at: Date;
    }>('SELECT nik, sex, birth_date, full_name, phone, created_at FROM people WHERE operator_id = $1');
    expect(rows).toHaveLength(2000);
    for (const row of rows) {
      const nik = parseNik(row.nik, { districtExists: (c) => districts.has(c) });
      expect(nik, row.nik).toMatchObject({ ok: true, sex: row.sex, birthDate: row.birth_date });
      expect(personName.safeParse(row.full_name).success, row.full_name).toBe(true);
      expect(normalizePhone(row.phone)).toBe(row.phone);
      const age = ageOn(row.birth_date, row.created_at.toISOString().slice(0, 10));
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(68);
    }
    const names = rows.map((r) => r.full_name);
    expect(names.some((n) => / binti? /.test(n))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    // Most NIKs were issued where the person lives; some elsewhere in Jawa Barat.
    const elsewhere = rows.filter((r) => !r.nik.startsWith('3276')).length;
    expect(elsewhere).toBeGreaterThan(100);
    expect(elsewhere).toBeLessThan(500);
  });

  it('spreads members over the 11 kecamatan of Depok by size', async () => {
    const rows = await q<{ code: string; n: number }>(
      `SELECT domicile_district_code AS code, count(*)::int AS n FROM people WHERE operator_id = $1 GROUP BY 1`,
    );
    const n = Object.fromEntries(rows.map((r) => [r.code, r.n]));
    expect(Object.keys(n).sort()).toHaveLength(11);
    expect(n['32.76.02']).toBeGreaterThan(n['32.76.04'] * 1.8); // Cimanggis vs Limo
  });

  it('gives them businesses with curated KBLI codes, revenue skewed low and mixed statuses with history', async () => {
    const rows = await q<{ kbli: string; monthly_revenue: number | null; status: string }>(
      'SELECT kbli, monthly_revenue, status FROM businesses WHERE operator_id = $1',
    );
    expect(rows.length).toBeGreaterThan(2000);
    expect(rows.every((b) => findKbli(b.kbli))).toBe(true);
    expect(businessKinds.filter((k) => !findKbli(k.kbli))).toEqual([]);
    const revenues = rows.flatMap((b) => (b.monthly_revenue === null ? [] : [b.monthly_revenue])).sort((a, b) => a - b);
    expect(revenues[0]).toBeGreaterThanOrEqual(1_000_000);
    expect(revenues.at(-1)).toBeLessThanOrEqual(50_000_000);
    expect(revenues[Math.floor(revenues.length / 2)]).toBeLessThan(15_000_000);
    const share = (s: string) => rows.filter((b) => b.status === s).length / rows.length;
    expect(share('active')).toBeGreaterThan(0.7);
    for (const s of ['paused', 'closed', 'moved']) expect(share(s)).toBeGreaterThan(0.02);
    const [{ events, changed }] = await q<{ events: number; changed: number }>(
      `SELECT (SELECT count(*)::int FROM business_status_events WHERE operator_id = $1) AS events,
              (SELECT count(*)::int FROM businesses WHERE operator_id = $1 AND status <> 'active') AS changed`,
    );
    expect(events).toBe(changed);
  });

  it('enrolls them in WUB or Perempuan Pengusaha with a selection history, and the stages follow the funnel', async () => {
    const tracks = await q<{ code: string; n: number; men: number; accepted: number }>(
      `SELECT t.code, count(*)::int AS n, count(*) FILTER (WHERE p.sex = 'L')::int AS men,
              count(*) FILTER (WHERE e.status = 'accepted')::int AS accepted
         FROM enrollments e JOIN tracks t ON t.id = e.track_id JOIN people p ON p.id = e.person_id
        WHERE e.operator_id = $1 GROUP BY t.code ORDER BY t.code`,
    );
    expect(tracks.map((r) => r.code)).toEqual(['PP', 'WUB']);
    expect(tracks[0].men).toBe(0);
    expect(tracks[0].n + tracks[1].n).toBe(2000);
    const accepted = (tracks[0].accepted + tracks[1].accepted) / 2000;
    expect(accepted).toBeGreaterThan(0.8);
    const [{ members }] = await q<{ members: number }>(
      `SELECT count(*)::int AS members FROM people WHERE operator_id = $1 AND status IN ('member', 'inactive')`,
    );
    expect(members).toBe(tracks[0].accepted + tracks[1].accepted);
    const funnel = await q<{ stage: number; n: number }>(
      `SELECT stage, count(*)::int AS n FROM participant_stages WHERE operator_id = $1 GROUP BY stage ORDER BY stage`,
    );
    const share = funnel.map((f) => f.n / 2000);
    const expected = [1, 0.62, 0.55, 0.52, 0.16, 0.12, 0.02];
    share.forEach((s, i) => {
      expect(Math.abs(s - expected[i]), `P${i + 1}`).toBeLessThan(0.05);
    });
    const [{ events }] = await q<{ events: number }>(
      `SELECT count(*)::int AS events FROM selection_events WHERE operator_id = $1`,
    );
    expect(events).toBeGreaterThan(2000 * 3);
  });

  it('creates the program, its tracks and this year’s targets split over the kecamatan', async () => {
    const rows = await q<{ code: string; quota: number; total: number; parts: number }>(
      `SELECT t.code, t.quota, sum(g.target)::int AS total, count(g.*)::int AS parts
         FROM programs p JOIN tracks t ON t.program_id = p.id JOIN targets g ON g.track_id = t.id
        WHERE p.operator_id = $1 AND p.name = $2 GROUP BY t.code, t.quota ORDER BY t.code`,
      [operatorId, DEMO_PROGRAM],
    );
    expect(rows).toEqual([
      { code: 'PP', quota: 1000, total: 300, parts: 11 },
      { code: 'WUB', quota: 5000, total: 1200, parts: 11 },
    ]);
    expect(splitTarget(10, { a: 1, b: 1, c: 1 })).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 3],
    ]);
    expect(splitTarget(7, { a: 5, b: 3, c: 3, d: 1 }).reduce((s, [, n]) => s + n, 0)).toBe(7);
  });

  it('is idempotent and deterministic: same seed, same NIKs; another seed, other NIKs', async () => {
    expect(await seedDemoMembers(t.platform.db, t.services, { operatorId, count: 2000, seed: 7 })).toEqual({
      members: 2000,
      created: 0,
    });
    const twin = (await createOperator(t)).id;
    await seedDemoMembers(t.platform.db, t.services, { operatorId: twin, count: 300, seed: 7 });
    const other = (await createOperator(t)).id;
    await seedDemoMembers(t.platform.db, t.services, { operatorId: other, count: 300, seed: 8 });
    const niks = async (id: string) =>
      (await q<{ nik: string }>('SELECT nik FROM people WHERE operator_id = $1 ORDER BY nik', [id])).map((r) => r.nik);
    const first = await niks(operatorId);
    const same = await niks(twin);
    // The first 300 people of seed 7 are the same whatever the count.
    expect(same.every((nik) => first.includes(nik))).toBe(true);
    expect((await niks(other)).filter((nik) => same.includes(nik)).length).toBeLessThan(5);
  });
});
