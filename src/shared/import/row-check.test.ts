import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik } from '../nik.js';
import { createRegionMatcher, type RegionRecord } from './region-match.js';
import { checkImportRow, type ImportProblem, isBlankRow, type RowCheckContext, rowValues } from './row-check.js';

const dataFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
  'data',
);
function readLevel(file: string, level: number): RegionRecord[] {
  const rows: string[][] = parse(readFileSync(path.join(dataFolder, file), 'utf8'), { from_line: 2 });
  return rows.map(([code, parentCode, name]) => ({ code, level, name, parentCode }));
}
const districts = readLevel('districts.csv', 3);
const districtCodes = new Set(districts.map((d) => d.code));
const depok = [...districts, ...readLevel('villages.csv', 4)].filter((r) => r.code.startsWith('32.76.'));

const ctx: RowCheckContext = {
  matcher: createRegionMatcher(depok),
  today: new Date('2026-11-23T00:00:00Z'),
  districtExists: (code) => districtCodes.has(code),
};
const siti = '3276035708900002'; // a woman of Sawangan, born 17 August 1990
const base = { nik: siti, fullName: 'Siti Aminah', kelurahan: 'Pasir Putih' };
const problemsOf = (raw: Record<string, unknown>) => {
  const r = checkImportRow(raw, ctx);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('checkImportRow', () => {
  it('turns a messy row into clean participant data', () => {
    const r = checkImportRow(
      {
        nik: "'3276 0357 0890 0002",
        fullName: '  Siti   Nur’aini binti Ahmad ',
        sex: 'Perempuan',
        birthDate: '17 Agustus 1990',
        phone: 81234567890,
        email: ' Siti@Gmail.com ',
        ktpAddress: 'Jl. Raya Sawangan No. 5',
        domicileAddress: null,
        kecamatan: 'Kec. Sawangan',
        kelurahan: 'pasirputih',
        businessName: 'Kue Basah Bu Siti',
        kbli: '10792 - Industri Kue Basah',
        productType: 'Kue basah',
        legalForm: 'UD',
        nib: 9120001234567,
        foundedOn: 2015,
        employeesMale: '1 orang',
        employeesFemale: 2,
        monthlyRevenue: '1,5 jt',
        channels: 'WA, IG / Shopee',
      },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      row: {
        nik: siti,
        fullName: "Siti Nur'aini binti Ahmad",
        sex: 'P',
        birthDate: '1990-08-17',
        phone: '+6281234567890',
        email: 'siti@gmail.com',
        ktpAddress: 'Jl. Raya Sawangan No. 5',
        domicileAddress: null,
        domicileVillageCode: '32.76.03.1001',
        domicileDistrictCode: '32.76.03',
        business: {
          name: 'Kue Basah Bu Siti',
          kbli: '10792',
          productType: 'Kue basah',
          legalForm: 'perorangan',
          nib: '9120001234567',
          foundedOn: '2015-01-01',
          employeesMale: 1,
          employeesFemale: 2,
          monthlyRevenue: 1_500_000,
          channels: ['whatsapp', 'instagram', 'marketplace'],
        },
      },
    });
  });

  it('takes sex and birth date from the NIK when the file does not give them', () => {
    const r = checkImportRow(base, ctx);
    expect(r).toMatchObject({ ok: true, row: { sex: 'P', birthDate: '1990-08-17', business: null, phone: null } });
  });

  it('requires NIK, name and kelurahan, each reported', () => {
    const r = checkImportRow({ sex: 'L' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'nik:required',
      'fullName:required',
      'kelurahan:required',
    ]);
    expect(r.problems[0]).toMatchObject({ message: 'NIK wajib diisi', en: 'NIK is required' });
  });

  it('collects every problem of a row, not just the first', () => {
    expect(
      problemsOf({
        nik: 3276035708900000,
        fullName: 'B',
        phone: '12345',
        email: 'siti at gmail',
        birthDate: '31/02/1990',
        kelurahan: 'Atlantis',
        monthlyRevenue: '-5 jt',
        businessName: 'Warung',
        kbli: 'kue',
      }),
    ).toEqual([
      'nik:nik_number',
      'fullName:name_too_short',
      'birthDate:date_impossible',
      'phone:invalid_phone',
      'email:invalid_email',
      'kelurahan:unknown',
      'kbli:invalid_kbli',
      'monthlyRevenue:negative',
    ]);
  });

  it('flags NIKs Excel damaged and NIKs from regions that do not exist', () => {
    expect(problemsOf({ ...base, nik: '3.27603E+15' })).toEqual(['nik:nik_scientific']);
    expect(problemsOf({ ...base, nik: '9999035708900002' })).toEqual(['nik:region']);
  });

  it('refuses a sex or birth date that disagrees with the NIK', () => {
    const r = checkImportRow({ ...base, sex: 'L', birthDate: '18-08-1990' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual<ImportProblem[]>([
      {
        field: 'sex',
        code: 'nik_mismatch',
        message: 'Jenis kelamin tidak sesuai NIK (menurut NIK: perempuan)',
        en: 'Sex does not match the NIK (female)',
      },
      {
        field: 'birthDate',
        code: 'nik_mismatch',
        message: 'Tanggal lahir tidak sesuai NIK (menurut NIK: 17-08-1990)',
        en: 'Birth date does not match the NIK (17-08-1990)',
      },
    ]);
    expect(checkImportRow({ ...base, sex: 'P', birthDate: '17/08/90' }, ctx).ok).toBe(true);
  });

  it('believes a birth date a century before the one the NIK suggests', () => {
    const nik = composeNik({ districtCode: '32.76.03', birthDate: '2025-03-01', sex: 'L', serial: 7 });
    expect(checkImportRow({ ...base, nik, birthDate: '01-03-1925' }, ctx)).toMatchObject({
      ok: true,
      row: { birthDate: '1925-03-01' },
    });
    expect(checkImportRow({ ...base, nik }, ctx)).toMatchObject({ ok: true, row: { birthDate: '2025-03-01' } });
  });

  it('a kelurahan in two kecamatan needs the kecamatan; the candidates are shown', () => {
    const r = checkImportRow({ ...base, kelurahan: 'Curug' }, ctx);
    expect(r).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          field: 'kelurahan',
          code: 'ambiguous',
          candidates: [
            { code: '32.76.02.1008', name: 'Curug, Cimanggis' },
            { code: '32.76.11.1005', name: 'Curug, Bojongsari' },
          ],
        }),
      ],
    });
    expect(checkImportRow({ ...base, kelurahan: 'Curug', kecamatan: 'bojong sari' }, ctx)).toMatchObject({
      ok: true,
      row: { domicileVillageCode: '32.76.11.1005', domicileDistrictCode: '32.76.11' },
    });
  });

  it('a kecamatan that does not contain the kelurahan is a problem, naming where the kelurahan is', () => {
    const r = checkImportRow({ ...base, kecamatan: 'Beji' }, ctx);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          field: 'kelurahan',
          code: 'village_not_in_district',
          message: 'Kelurahan/desa “Pasir Putih” tidak ada di Kecamatan Beji',
          en: 'Village “Pasir Putih” is not in kecamatan Beji',
          candidates: [{ code: '32.76.03.1001', name: 'Pasir Putih, Sawangan' }],
        },
      ],
    });
  });

  it('an unknown kecamatan is a problem even when the kelurahan alone is clear', () => {
    expect(problemsOf({ ...base, kecamatan: 'Bekasi Utara' })).toEqual(['kecamatan:unknown']);
    expect(problemsOf({ ...base, kecamatan: 'Bekasi Utara', kelurahan: 'Atlantis' })).toEqual([
      'kecamatan:unknown',
      'kelurahan:unknown',
    ]);
  });

  it('accepts region codes and misspelt names', () => {
    expect(checkImportRow({ ...base, kelurahan: 3276031001, kecamatan: '32.76.03' }, ctx)).toMatchObject({
      ok: true,
      row: { domicileVillageCode: '32.76.03.1001' },
    });
    expect(checkImportRow({ ...base, kelurahan: 'Sawangan Baruu', kecamatan: 'Sawangn' }, ctx)).toMatchObject({
      ok: true,
      row: { domicileVillageCode: '32.76.03.1011' },
    });
  });

  it('business details without a business name: the name is required; zeros alone mean no business', () => {
    expect(problemsOf({ ...base, monthlyRevenue: 'Rp 1.500.000' })).toEqual(['businessName:required']);
    expect(problemsOf({ ...base, channels: 'WA' })).toEqual(['businessName:required']);
    expect(
      checkImportRow({ ...base, employeesMale: 0, employeesFemale: '0', monthlyRevenue: 0, businessName: '-' }, ctx),
    ).toMatchObject({
      ok: true,
      row: { business: null },
    });
  });

  it('a business with only a name gets the defaults of the registration form', () => {
    expect(checkImportRow({ ...base, businessName: 'Warung Bu Siti' }, ctx)).toMatchObject({
      ok: true,
      row: {
        business: {
          name: 'Warung Bu Siti',
          kbli: null,
          legalForm: null,
          employeesMale: 0,
          employeesFemale: 0,
          monthlyRevenue: null,
          channels: [],
        },
      },
    });
  });

  it('any valid Depok NIK with a Depok kelurahan passes and keeps what the NIK says', () => {
    const villages = depok.filter((r) => r.level === 4);
    fc.assert(
      fc.property(
        fc.constantFrom(...villages),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
        fc.constantFrom<'L' | 'P'>('L', 'P'),
        fc.integer({ min: 1, max: 9999 }),
        (village, date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          const nik = composeNik({ districtCode: village.parentCode!, birthDate, sex, serial });
          const r = checkImportRow(
            { nik, fullName: 'Budi', kecamatan: village.parentCode, kelurahan: village.name },
            ctx,
          );
          expect(r).toMatchObject({ ok: true, row: { nik, sex, birthDate, domicileVillageCode: village.code } });
        },
      ),
    );
  });
});

describe('isBlankRow and rowValues', () => {
  it('blank rows: nothing, whitespace and dashes; with a mapping, junk in unmapped columns does not count', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, '', '  ', undefined, '-'])).toBe(true);
    expect(isBlankRow([null, 'Siti'])).toBe(false);
    expect(isBlankRow([17, null, null, 'junk'], { nik: 1, fullName: 2 })).toBe(true);
    expect(isBlankRow([17, null, 'Siti', 'junk'], { nik: 1, fullName: 2 })).toBe(false);
  });

  it('picks the mapped cells by field', () => {
    expect(rowValues([1, siti, 'Siti', 'junk'], { nik: 1, fullName: 2, kelurahan: 7 })).toEqual({
      nik: siti,
      fullName: 'Siti',
      kelurahan: undefined,
    });
  });
});
