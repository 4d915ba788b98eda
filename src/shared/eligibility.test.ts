import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkEligibility, type EligibilityResult, isEligible } from './eligibility.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');

const birthDates = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map(iso);
const leapYears = fc.integer({ min: 1932, max: 2020 }).filter(isLeap);
const commonYears = fc.integer({ min: 1950, max: 2100 }).filter((y) => !isLeap(y));

const wub = { minAge: 17, residencyPrefix: '32.76' };
const perempuan = { minAge: 18, sex: 'P', requiredDocuments: ['recommendation_letter'] };
const siti = { birthDate: '2000-05-10', sex: 'P', domicileVillageCode: '32.76.03.1001' };

/** The Indonesian results, as they were before English was added beside them. */
const indonesian = (results: EligibilityResult[]) => results.map(({ en: _en, ...r }) => r);

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('2000-05-10', '2026-05-09')).toBe(25);
    expect(ageOn('2000-05-10', '2026-05-10')).toBe(26);
    expect(ageOn('2000-05-10', new Date('2026-12-31T23:00:00Z'))).toBe(26);
  });

  it('turns n exactly on the n-th birthday, not a day earlier', () => {
    fc.assert(
      fc.property(
        birthDates.filter((b) => !b.endsWith('-02-29')),
        fc.integer({ min: 1, max: 90 }),
        (birth, n) => {
          const birthday = `${Number(birth.slice(0, 4)) + n}${birth.slice(4)}`;
          expect(ageOn(birth, birthday)).toBe(n);
          expect(ageOn(birth, addDays(birthday, -1))).toBe(n - 1);
        },
      ),
    );
  });

  it('someone born on 29 February turns a year older on 1 March in common years', () => {
    fc.assert(
      fc.property(leapYears, commonYears, (by, y) => {
        fc.pre(y > by);
        const birth = `${by}-02-29`;
        expect(ageOn(birth, `${y}-02-28`)).toBe(y - by - 1);
        expect(ageOn(birth, `${y}-03-01`)).toBe(y - by);
      }),
    );
  });

  it('and on 29 February itself in leap years', () => {
    fc.assert(
      fc.property(leapYears, leapYears, (by, y) => {
        fc.pre(y > by);
        expect(ageOn(`${by}-02-29`, `${y}-02-28`)).toBe(y - by - 1);
        expect(ageOn(`${by}-02-29`, `${y}-02-29`)).toBe(y - by);
      }),
    );
  });

  it('never goes down and grows by at most one a day', () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 40_000 }), (birth, offset) => {
        const day = addDays(birth, offset);
        const step = ageOn(birth, addDays(day, 1)) - ageOn(birth, day);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });
});

describe('checkEligibility', () => {
  it('the minimum-age rule flips exactly on the birthday that reaches it, Feb 29 included', () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 15, max: 25 }), (birth, minAge) => {
        const [y, m, d] = birth.split('-').map(Number);
        const target = y + minAge;
        // The day the rule is first met: the birthday, or 1 March for a 29 February birth in a common year.
        const first = m === 2 && d === 29 && !isLeap(target) ? `${target}-03-01` : `${target}-${pad(m)}-${pad(d)}`;
        const rule = (today: string) =>
          checkEligibility({ minAge }, { ...siti, birthDate: birth }, { today, documents: [] })[0];
        expect(rule(first).ok).toBe(true);
        expect(indonesian([rule(addDays(first, -1))])[0]).toEqual({
          rule: 'min_age',
          ok: false,
          message: `Usia minimal ${minAge} tahun (saat ini ${minAge - 1})`,
        });
      }),
    );
  });

  it('WUB: 17 or older and living in Depok', () => {
    const ok = checkEligibility(wub, siti, { today: '2026-01-15', documents: [] });
    expect(indonesian(ok)).toEqual([
      { rule: 'min_age', ok: true, message: 'Usia minimal 17 tahun (saat ini 25)' },
      { rule: 'residency', ok: true, message: 'Berdomisili di 32.76 (domisili saat ini 32.76.03.1001)' },
    ]);
    expect(isEligible(ok)).toBe(true);
    const bogor = checkEligibility(
      wub,
      { ...siti, birthDate: '2010-03-01', domicileVillageCode: '32.01.01.1001' },
      { today: '2026-01-15', documents: [], regionName: (c) => ({ '32.76': 'Kota Depok' })[c] },
    );
    expect(indonesian(bogor)).toEqual([
      { rule: 'min_age', ok: false, message: 'Usia minimal 17 tahun (saat ini 15)' },
      { rule: 'residency', ok: false, message: 'Berdomisili di Kota Depok (domisili saat ini 32.01.01.1001)' },
    ]);
    expect(isEligible(bogor)).toBe(false);
  });

  it('a region code that merely starts with the same digits is not inside the prefix', () => {
    const [res] = checkEligibility(
      { residencyPrefix: '32.7' },
      { ...siti, domicileVillageCode: '32.76.03.1001' },
      { today: '2026-01-15', documents: [] },
    );
    expect(res.ok).toBe(false);
  });

  it('Perempuan Pengusaha: women 18+ with a recommendation letter', () => {
    const man = checkEligibility(perempuan, { ...siti, sex: 'L' }, { today: '2026-01-15', documents: ['ktp'] });
    expect(indonesian(man)).toEqual([
      { rule: 'min_age', ok: true, message: 'Usia minimal 18 tahun (saat ini 25)' },
      { rule: 'sex', ok: false, message: 'Khusus perempuan (peserta: laki-laki)' },
      { rule: 'documents', ok: false, message: 'Dokumen wajib belum ada: surat rekomendasi' },
    ]);
    const woman = checkEligibility(perempuan, siti, {
      today: '2026-01-15',
      documents: ['ktp', 'recommendation_letter'],
    });
    expect(woman.map((r) => r.ok)).toEqual([true, true, true]);
    expect(woman[2].message).toBe('Dokumen wajib lengkap: surat rekomendasi');
    // Every rule explains itself in English too.
    expect(man.map((r) => r.en)).toEqual([
      'At least 18 years old (now 25)',
      'For women only (applicant: man)',
      'Required documents missing: recommendation letter',
    ]);
  });

  it('lists only the rules the track has, with a maximum age too', () => {
    expect(checkEligibility({}, siti, { today: '2026-01-15', documents: [] })).toEqual([]);
    expect(isEligible([])).toBe(true);
    expect(
      indonesian(checkEligibility({ maxAge: 24, requiredDocuments: [] }, siti, { today: '2026-01-15', documents: [] })),
    ).toEqual([{ rule: 'max_age', ok: false, message: 'Usia maksimal 24 tahun (saat ini 25)' }]);
  });
});
