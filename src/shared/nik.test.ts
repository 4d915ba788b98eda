import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik, maskNik, parseNik } from './nik.js';

const today = new Date('2026-11-23T00:00:00Z');
const dates = fc
  .date({ min: new Date('1927-01-01'), max: new Date('2026-11-22'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const districts = fc
  .tuple(fc.integer({ min: 11, max: 96 }), fc.integer({ min: 1, max: 79 }), fc.integer({ min: 1, max: 60 }))
  .map((p) => p.map((n) => String(n).padStart(2, '0')).join('.'));
const sexes = fc.constantFrom<'L' | 'P'>('L', 'P');
const serials = fc.integer({ min: 1, max: 9999 });

describe('parseNik', () => {
  it('reads a man and a woman of Depok', () => {
    expect(parseNik('3276031708900001', { today })).toEqual({
      ok: true,
      nik: '3276031708900001',
      districtCode: '32.76.03',
      sex: 'L',
      birthDate: '1990-08-17',
    });
    expect(parseNik('3276 0357 0890 0002', { today })).toMatchObject({ ok: true, sex: 'P', birthDate: '1990-08-17' });
  });

  it('derives back exactly what was encoded (round trip)', () => {
    fc.assert(
      fc.property(districts, dates, sexes, serials, (districtCode, birthDate, sex, serial) => {
        const nik = composeNik({ districtCode, birthDate, sex, serial });
        const parsed = parseNik(nik, { today });
        // Two-digit years cannot tell 1926 from 2026: the most recent past year wins.
        if (birthDate < '1927-01-01') return;
        expect(parsed).toEqual({ ok: true, nik, districtCode, sex, birthDate });
      }),
    );
  });

  it('refuses anything that is not 16 digits, with a reason people understand', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => !/^\d{16}$/.test(s.replace(/[\s.-]/g, ''))),
        (s) => {
          const r = parseNik(s, { today });
          expect(r).toMatchObject({ ok: false, problem: 'format' });
        },
      ),
    );
    expect(parseNik('3.27603E+15')).toMatchObject({
      ok: false,
      problem: 'format',
      message: { id: 'NIK harus 16 digit angka — periksa kembali KTP' },
    });
  });

  it('refuses impossible birth dates, also for women (day + 40)', () => {
    expect(parseNik('3276033102900001', { today })).toMatchObject({
      ok: false,
      problem: 'birth_date',
      message: { id: 'tanggal lahir dalam NIK tidak valid' },
    });
    expect(parseNik('3276037102900001', { today })).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(parseNik('3276030013900001', { today })).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(parseNik('3276032902000001', { today })).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseNik('3276032902010001', { today })).toMatchObject({ ok: false, problem: 'birth_date' });
    fc.assert(
      fc.property(fc.integer({ min: 32, max: 40 }), (day) => {
        expect(parseNik(`327603${day}0890${'0001'}`, { today })).toMatchObject({ ok: false, problem: 'birth_date' });
      }),
    );
  });

  it('checks the region prefix when the data is at hand, and the serial', () => {
    const known = new Set(['32.76.03']);
    expect(parseNik('3276031708900001', { today, districtExists: (c) => known.has(c) }).ok).toBe(true);
    expect(parseNik('3299031708900001', { today, districtExists: (c) => known.has(c) })).toMatchObject({
      ok: false,
      problem: 'region',
    });
    expect(parseNik('3276031708900000', { today })).toMatchObject({ ok: false, problem: 'serial' });
  });
});

describe('maskNik', () => {
  it('hides the birth date part', () => {
    expect(maskNik('3276031708900001')).toBe('3276xxxxxxxx0001');
  });
});
