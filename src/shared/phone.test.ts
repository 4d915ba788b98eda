import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('reads the ways Indonesians write one number as that number', () => {
    for (const input of [
      '081234567890',
      '+6281234567890',
      '6281234567890',
      '0812-3456-7890',
      '0812 3456 7890',
      '(0812) 34567890',
      '81234567890',
    ])
      expect(normalizePhone(input)).toBe('+6281234567890');
  });

  it('refuses what cannot be an Indonesian number', () => {
    for (const input of ['', '12345', '0812', '+1 415 555 0100', 'nomor saya', '00812345678', '0812345678901234'])
      expect(normalizePhone(input)).toBeUndefined();
  });

  it('is idempotent and agrees with its own formatting', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-9]\d{7,10}$/), (national) => {
        const e164 = normalizePhone(`0${national}`)!;
        expect(e164).toBe(`+62${national}`);
        expect(normalizePhone(e164)).toBe(e164);
        expect(normalizePhone(formatPhone(e164))).toBe(e164);
      }),
    );
  });
});
