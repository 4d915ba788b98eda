import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegionMatcher, editDistance, type RegionRecord, regionKey } from './region-match.js';

// The real Kemendagri names, so the tests meet real namesakes ("Curug" in two kecamatan of Depok).
const dataFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
  'data',
);
function readLevel(file: string, level: number): RegionRecord[] {
  const rows: string[][] = parse(readFileSync(path.join(dataFolder, file), 'utf8'), { from_line: 2 });
  return rows.map(([code, parentCode, name]) => ({ code, level, name, parentCode }));
}
const all = [...readLevel('regencies.csv', 2), ...readLevel('districts.csv', 3), ...readLevel('villages.csv', 4)];
const within = (prefix: string) => all.filter((r) => r.code.startsWith(`${prefix}.`));

const depok = createRegionMatcher(within('32.76'));
const jakarta = createRegionMatcher(within('31'));
const ok = (code: string, name: string) => expect.objectContaining({ ok: true, code, name });

describe('regionKey', () => {
  it('ignores case, spacing, punctuation, prefixes and old spelling', () => {
    for (const text of [
      'Pancoran Mas',
      'PANCORAN MAS',
      'pancoranmas',
      ' Kec. Pancoran  Mas ',
      'Kecamatan Pancoran-Mas',
    ])
      expect(regionKey(text), text).toBe('pancoranmas');
    expect(regionKey('Soekamadjoe')).toBe(regionKey('Sukamaju'));
    expect(regionKey('Tjipinang')).toBe(regionKey('Cipinang'));
    expect(regionKey('Pd. Cina')).toBe(regionKey('Pondok Cina'));
    expect(regionKey('Kel. Bonto Mate’ne')).toBe(regionKey("Bonto Mate'ne"));
    expect(regionKey('Desa')).toBe('desa');
  });
});

function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('counts edits, a swap of neighbours once, and gives up past the limit', () => {
    expect(editDistance('sawangan', 'sawangan', 2)).toBe(0);
    expect(editDistance('sawangan', 'sawnagan', 2)).toBe(1);
    expect(editDistance('cimanggis', 'cimangis', 2)).toBe(1);
    expect(editDistance('beji', 'tapos', 1)).toBe(2);
  });

  it('agrees with the textbook full-table computation, capped at max + 1', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });
    fc.assert(
      fc.property(letters, letters, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(fullDistance(a, b), max + 1));
        expect(editDistance(b, a, max)).toBe(editDistance(a, b, max));
      }),
      { numRuns: 2000 },
    );
    expect(editDistance('x'.repeat(100), 'x'.repeat(99), 1)).toBe(1);
  });
});

describe('matchDistrict (Depok)', () => {
  it('finds a kecamatan however its name is written', () => {
    for (const text of [
      'Pancoran Mas',
      'pancoran mas',
      'PANCORANMAS',
      'Kec. Pancoran Mas',
      'Kec Pancoranmas',
      'Kecamatan Pancoran Mas',
      '  pancoran   mas ',
      '32.76.01',
      '327601',
      'Pancoran Mas, Depok',
    ])
      expect(depok.matchDistrict(text), text).toEqual(ok('32.76.01', 'Pancoran Mas'));
  });

  it('corrects small misspellings and old spellings, and says so', () => {
    expect(depok.matchDistrict('Cimangis')).toEqual({ ok: true, code: '32.76.02', name: 'Cimanggis', fuzzy: true });
    expect(depok.matchDistrict('Tjimanggis')).toEqual({ ok: true, code: '32.76.02', name: 'Cimanggis', fuzzy: false });
    expect(depok.matchDistrict('Sawangn')).toEqual(ok('32.76.03', 'Sawangan'));
    expect(depok.matchDistrict('Bojong Sari')).toEqual(ok('32.76.11', 'Bojongsari'));
    expect(depok.matchDistrict('Sukmajya')).toEqual(ok('32.76.05', 'Sukmajaya'));
  });

  it('does not stretch a short name: "Beji" allows no typo', () => {
    expect(depok.matchDistrict('Beja')).toMatchObject({ ok: false, code: 'unknown' });
  });

  it('answers unknown for names and codes outside the area', () => {
    expect(depok.matchDistrict('Bekasi Utara')).toMatchObject({ ok: false, code: 'unknown' });
    expect(depok.matchDistrict('32.75.01')).toEqual({ ok: false, code: 'unknown', candidates: [] });
    expect(depok.matchDistrict('')).toEqual({ ok: false, code: 'unknown', candidates: [] });
  });
});

describe('matchVillage (Depok)', () => {
  it('finds a kelurahan with or without prefixes, spaces and case', () => {
    for (const text of [
      'Pasir Putih',
      'Kel. Pasir Putih',
      'Kelurahan Pasir Putih',
      'Desa Pasir Putih',
      'Ds. pasirputih',
      'PASIR PUTIH',
    ])
      expect(depok.matchVillage(text), text).toEqual(ok('32.76.03.1001', 'Pasir Putih'));
    expect(depok.matchVillage('sawanganbaru')).toEqual(ok('32.76.03.1011', 'Sawangan Baru'));
    expect(depok.matchVillage('Sawangan')).toEqual(ok('32.76.03.1010', 'Sawangan'));
    expect(depok.matchVillage('Pd. Cina')).toEqual(ok('32.76.06.1005', 'Pondok Cina'));
    expect(depok.matchVillage('Pondok Tjina')).toEqual(ok('32.76.06.1005', 'Pondok Cina'));
    expect(depok.matchVillage('Soekamadjoe')).toEqual(ok('32.76.08.1001', 'Sukamaju'));
  });

  it('finds a kelurahan by its code, with or without dots', () => {
    expect(depok.matchVillage('32.76.03.1001')).toEqual(ok('32.76.03.1001', 'Pasir Putih'));
    expect(depok.matchVillage('3276031001')).toEqual(ok('32.76.03.1001', 'Pasir Putih'));
    expect(depok.matchVillage('3276031001', '32.76.03')).toEqual(ok('32.76.03.1001', 'Pasir Putih'));
    expect(depok.matchVillage('3276031001', '32.76.06')).toEqual({
      ok: false,
      code: 'unknown',
      candidates: [{ code: '32.76.03.1001', name: 'Pasir Putih', districtName: 'Sawangan' }],
    });
  });

  it('corrects misspellings scaled to the length', () => {
    expect(depok.matchVillage('Kemiri Mukka')).toEqual(ok('32.76.06.1004', 'Kemiri Muka'));
    expect(depok.matchVillage('Mekarsar')).toEqual(ok('32.76.02.1010', 'Mekarsari'));
    expect(depok.matchVillage('Jatimulia')).toEqual(ok('32.76.08.1005', 'Jatimulya'));
    expect(depok.matchVillage('Pangkalan Jati Bru')).toEqual(ok('32.76.09.1004', 'Pangkalan Jati Baru'));
    expect(depok.matchVillage('Leuwinangung')).toEqual(ok('32.76.10.1002', 'Leuwinanggung'));
  });

  it('"Curug" is in Cimanggis and in Bojongsari: ambiguous without the kecamatan, resolved with it', () => {
    expect(depok.matchVillage('Curug')).toEqual({
      ok: false,
      code: 'ambiguous',
      candidates: [
        { code: '32.76.02.1008', name: 'Curug', districtName: 'Cimanggis' },
        { code: '32.76.11.1005', name: 'Curug', districtName: 'Bojongsari' },
      ],
    });
    expect(depok.matchVillage('kel. curug', '32.76.02')).toEqual(ok('32.76.02.1008', 'Curug'));
    expect(depok.matchVillage('Curug', '32.76.11')).toEqual(ok('32.76.11.1005', 'Curug'));
  });

  it('reads the kecamatan written in the same cell', () => {
    expect(depok.matchVillage('Curug, Bojongsari')).toEqual(ok('32.76.11.1005', 'Curug'));
    expect(depok.matchVillage('Kel. Curug Kec. Cimanggis')).toEqual(ok('32.76.02.1008', 'Curug'));
  });

  it('a kelurahan outside the given kecamatan is unknown there, with where it is as candidate', () => {
    expect(depok.matchVillage('Pasir Putih', '32.76.06')).toEqual({
      ok: false,
      code: 'unknown',
      candidates: [{ code: '32.76.03.1001', name: 'Pasir Putih', districtName: 'Sawangan' }],
    });
  });

  it('suggests close names for an unknown one, best first, at most five', () => {
    const r = depok.matchVillage('Pangkalan');
    expect(r).toMatchObject({ ok: false, code: 'unknown' });
    if (r.ok) return;
    expect(r.candidates.map((c) => c.name)).toEqual(['Pangkalan Jati', 'Pangkalan Jati Baru']);
    expect(depok.matchVillage('Jakarta')).toMatchObject({ ok: false, code: 'unknown' });
  });
});

describe('matchVillage and matchDistrict (DKI Jakarta)', () => {
  it('finds names with old spelling and typos among 267 kelurahan', () => {
    expect(jakarta.matchDistrict('Djatinegara')).toEqual(ok('31.75.03', 'Jatinegara'));
    expect(jakarta.matchVillage('Djatinegara')).toEqual(ok('31.75.06.1001', 'Jatinegara'));
    expect(jakarta.matchVillage('Jatinegara Kaum')).toEqual(ok('31.75.02.1004', 'Jatinegara Kaum'));
    expect(jakarta.matchDistrict('Kebajoran Baru')).toEqual(ok('31.74.07', 'Kebayoran Baru'));
    expect(jakarta.matchVillage('Tjipinang Melayoe')).toMatchObject({ ok: true, name: 'Cipinang Melayu' });
    expect(jakarta.matchVillage('Kebon Jeruk')).toMatchObject({ ok: true, name: 'Kebon Jeruk' });
  });

  it('a typo equally close to two names is ambiguous, not a guess', () => {
    const r = jakarta.matchVillage('Kebon Bacang');
    expect(r).toMatchObject({ ok: false, code: 'ambiguous' });
    if (!r.ok) expect(r.candidates.map((c) => c.name).sort()).toEqual(['Kebon Bawang', 'Kebon Kacang']);
    expect(jakarta.matchVillage('Rawa Buaga')).toMatchObject({ ok: false, code: 'ambiguous' });
  });

  it('a kecamatan name given as kelurahan suggests its kelurahan', () => {
    const r = jakarta.matchVillage('Cempaka Putih');
    expect(r).toMatchObject({ ok: false, code: 'unknown' });
    if (!r.ok)
      expect(r.candidates.map((c) => c.name)).toEqual(
        expect.arrayContaining(['Cempaka Putih Barat', 'Cempaka Putih Timur']),
      );
  });
});

describe('a national area (all 83,762 villages)', () => {
  const national = createRegionMatcher(all);

  it('a name repeated across Indonesia is ambiguous with at most five candidates, resolved by the kecamatan', () => {
    const r = national.matchVillage('Mekarsari');
    expect(r).toMatchObject({ ok: false, code: 'ambiguous' });
    if (!r.ok) expect(r.candidates).toHaveLength(5);
    expect(national.matchVillage('Mekarsari', '32.76.02')).toEqual(ok('32.76.02.1010', 'Mekarsari'));
  });

  it('kecamatan namesakes name their kab/kota', () => {
    const r = national.matchDistrict('Sukasari');
    expect(r).toMatchObject({ ok: false, code: 'ambiguous' });
    if (!r.ok) expect(r.candidates.every((c) => c.regencyName)).toBe(true);
  });

  it('exact hits are map lookups; a misspelling costs a bounded scan', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) national.matchVillage(i % 2 ? 'Pasir Putih' : 'Kel. Sawangan Baru', '32.76.03');
    expect(national.matchVillage('Sawangan Baruu', '32.76.03')).toEqual(ok('32.76.03.1011', 'Sawangan Baru'));
    expect(national.matchVillage('Leuwinangung')).toMatchObject({ ok: true, name: 'Leuwinanggung' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
