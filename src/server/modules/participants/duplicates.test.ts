import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReasons, nameKey, nikDistance, orderedPair } from './duplicates.js';

const nik = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 16, maxLength: 16 });
const position = fc.integer({ min: 0, max: 15 });

describe('nikDistance', () => {
  it('is symmetric and says equal only for equal strings', () => {
    fc.assert(
      fc.property(nik, nik, (a, b) => {
        expect(nikDistance(a, b)).toBe(nikDistance(b, a));
        expect(nikDistance(a, b) === 'equal').toBe(a === b);
      }),
    );
  });

  it('finds one mistyped digit anywhere', () => {
    fc.assert(
      fc.property(nik, position, fc.integer({ min: 1, max: 9 }), (a, i, shift) => {
        const digit = String((Number(a[i]) + shift) % 10);
        const b = a.slice(0, i) + digit + a.slice(i + 1);
        expect(nikDistance(a, b)).toBe('one_digit');
      }),
    );
  });

  it('finds two different neighbours swapped', () => {
    fc.assert(
      fc.property(nik, fc.integer({ min: 0, max: 14 }), (a, i) => {
        fc.pre(a[i] !== a[i + 1]);
        const b = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
        expect(nikDistance(a, b)).toBe('adjacent_swap');
      }),
    );
  });

  it('gives up on three or more differences, distant swaps and other lengths', () => {
    fc.assert(
      fc.property(nik, fc.uniqueArray(position, { minLength: 3, maxLength: 6 }), (a, positions) => {
        let b = a;
        for (const i of positions) b = b.slice(0, i) + String((Number(b[i]) + 1) % 10) + b.slice(i + 1);
        expect(nikDistance(a, b)).toBeNull();
      }),
    );
    expect(nikDistance('3276030101900001', '3276030101900010')).toBe('adjacent_swap');
    expect(nikDistance('3276030101900001', '1276030101900003')).toBeNull();
    expect(nikDistance('3276030101900001', '327603010190001')).toBeNull();
  });
});

describe('duplicateReasons', () => {
  const base = {
    nik: '3276034501900001',
    fullName: 'Siti Nurhaliza',
    birthDate: '1990-01-05',
    phone: '+6281234567890',
  };

  it('names ignore case, spaces and punctuation', () => {
    expect(nameKey("Nur'aini  Binti Ahmad")).toBe(nameKey('NURAINI binti ahmad'));
  });

  it('pairs a NIK slip with the same name, and a shared phone on its own', () => {
    expect(duplicateReasons(base, { ...base, nik: '3276034501900002', phone: null })).toEqual(['nik_one_digit']);
    expect(duplicateReasons(base, { ...base, nik: '3276034501900010', phone: null })).toEqual(['nik_swap']);
    expect(duplicateReasons(base, { ...base, nik: '3201014501900099', phone: null })).toEqual(['same_name_birth_date']);
    expect(duplicateReasons(base, { ...base, fullName: 'Budi', nik: '3276034501900002' })).toEqual(['same_phone']);
    expect(duplicateReasons(base, { ...base, fullName: 'Budi', nik: '3276034501900002', phone: null })).toEqual([]);
  });

  it('orders a pair the same way whichever side it comes from', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        expect(orderedPair(a, b)).toEqual(orderedPair(b, a));
      }),
    );
  });
});
