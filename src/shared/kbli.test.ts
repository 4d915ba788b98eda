import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKbli, kbliCodes, kbliSectors, searchKbli } from './kbli.js';

const codesOf = (q: string) => searchKbli(q).map((e) => e.code);
const listed = new Set(kbliCodes);

describe('the curated KBLI 2020 list', () => {
  it('holds 60–120 unique five-digit codes, sorted, each in a known sector with a title', () => {
    expect(kbliCodes.length).toBeGreaterThanOrEqual(60);
    expect(kbliCodes.length).toBeLessThanOrEqual(120);
    const codes = kbliCodes.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const e of kbliCodes) {
      expect(e.code).toMatch(/^\d{5}$/);
      expect(kbliSectors).toContain(e.sector);
      expect(e.title.trim()).toBe(e.title);
      expect(e.title.length).toBeGreaterThan(3);
    }
    for (const sector of kbliSectors) expect(kbliCodes.some((e) => e.sector === sector)).toBe(true);
  });

  it('knows the codes UMKM use most', () => {
    expect(findKbli('10710')).toEqual({
      code: '10710',
      title: 'Industri Produk Roti dan Kue',
      sector: 'makanan_minuman',
    });
    expect(findKbli('56102')?.title).toBe('Rumah/Warung Makan');
    expect(findKbli('56303')?.title).toBe('Rumah Minum/Kafe');
    expect(findKbli('96200')?.title).toBe('Aktivitas Penatu');
    expect(findKbli('99999')).toBeUndefined();
  });
});

describe('searchKbli', () => {
  it('matches a code prefix, before codes that merely appear in a title', () => {
    expect(codesOf('1071')).toEqual(['10710']);
    expect(codesOf('47913')).toEqual(['47913', '47914']);
    expect(codesOf('5610')).toEqual(['56101', '56102', '56103', '56104']);
    expect(searchKbli('479').every((e) => e.code.startsWith('479'))).toBe(true);
  });

  it('matches the start of title words, ignoring case and accents', () => {
    expect(codesOf('roti')).toEqual(['10710', '47242']);
    expect(codesOf('ROTI kue')).toEqual(['10710', '47242']);
    expect(codesOf('Kafé')).toEqual(['56303']);
    expect(codesOf('warung')).toContain('56102');
    expect(codesOf('batik')).toEqual(['13134']);
  });

  it('finds everyday words that the formal titles do not use', () => {
    expect(codesOf('laundry')).toEqual(['96200']);
    expect(codesOf('online pakaian')).toEqual(['47912']);
    expect(codesOf('jahit')).toEqual(['14120']);
    expect(codesOf('bengkel motor')).toEqual(['45407']);
  });

  it('requires every word to match, and an empty query lists everything', () => {
    expect(codesOf('roti sepeda')).toEqual([]);
    expect(searchKbli('')).toHaveLength(kbliCodes.length);
    expect(searchKbli('  , ')).toHaveLength(kbliCodes.length);
  });

  it('every entry is found by its own code and by each word of its title', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kbliCodes), (entry) => {
        expect(codesOf(entry.code)[0]).toBe(entry.code);
        expect(codesOf(entry.title)).toContain(entry.code);
      }),
    );
  });

  it('never throws and only returns entries of the list', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (q) => {
        for (const e of searchKbli(q)) expect(listed.has(e)).toBe(true);
      }),
    );
  });
});
