import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik } from '../nik.js';
import type { legalForms, salesChannels } from '../participants.js';
import {
  isBlankCell,
  maxMonthlyRevenue,
  parseChannelsCell,
  parseCountCell,
  parseDateCell,
  parseEmailCell,
  parseKbliCell,
  parseLegalFormCell,
  parseNibCell,
  parseNikCell,
  parsePersonNameCell,
  parsePhoneCell,
  parseRupiahCell,
  parseSexCell,
  parseTextCell,
  readNumber,
} from './cells.js';

const today = new Date('2026-11-23T00:00:00Z');
const value = (v: unknown) => ({ ok: true, value: v });
const code = (c: string) => expect.objectContaining({ ok: false, code: c });

const dates = fc
  .date({ min: new Date('1927-01-01'), max: new Date('2026-11-22'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const niks = fc
  .record({
    district: fc.constantFrom('32.76.03', '31.71.01', '11.01.01', '94.71.02'),
    birthDate: dates,
    sex: fc.constantFrom<'L' | 'P'>('L', 'P'),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map((p) => ({
    ...p,
    nik: composeNik({ districtCode: p.district, birthDate: p.birthDate, sex: p.sex, serial: p.serial }),
  }));

describe('isBlankCell', () => {
  it('treats nothing, whitespace, dashes and "tidak ada" as empty, and real values as values', () => {
    for (const blank of [
      null,
      undefined,
      '',
      '   ',
      '\u00a0',
      '-',
      '—',
      '..',
      'N/A',
      '#N/A',
      'tidak ada',
      'Nihil',
      Number.NaN,
    ])
      expect(isBlankCell(blank), String(blank)).toBe(true);
    for (const filled of [0, 'a', 'L', false, new Date(0)]) expect(isBlankCell(filled), String(filled)).toBe(false);
  });
});

describe('parseNikCell', () => {
  it('reads a NIK typed with spaces, dots, dashes or a leading apostrophe', () => {
    for (const cell of [
      '3276031708900001',
      ' 3276 0317 0890 0001 ',
      '3276.0317.0890.0001',
      '3276-031708-900001',
      "'3276031708900001",
    ])
      expect(parseNikCell(cell, { today })).toEqual(
        value({ nik: '3276031708900001', districtCode: '32.76.03', sex: 'L', birthDate: '1990-08-17' }),
      );
  });

  it('any valid NIK round-trips, however it is written', () => {
    const writings = fc.constantFrom(
      (n: string) => n,
      (n: string) => `'${n}`,
      (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 '),
      (n: string) => `${n.slice(0, 6)}.${n.slice(6, 12)}.${n.slice(12)}`,
      (n: string) => `${n.slice(0, 6)}-${n.slice(6)}`,
    );
    fc.assert(
      fc.property(niks, writings, (p, write) => {
        expect(parseNikCell(write(p.nik), { today })).toEqual(
          value({ nik: p.nik, districtCode: p.district, sex: p.sex, birthDate: p.birthDate }),
        );
      }),
    );
  });

  it('flags a number cell whose 16th digit may have been cut by Excel, and keeps an intact one', () => {
    expect(parseNikCell(3276031708900000, { today })).toEqual(code('nik_number'));
    expect(parseNikCell(3276031708900010, { today })).toEqual(code('nik_number'));
    expect(parseNikCell(3276031708900001, { today })).toEqual(
      value(expect.objectContaining({ nik: '3276031708900001' })),
    );
    const r = parseNikCell(3276031708900000, { today });
    expect(!r.ok && r.message.id).toBe(
      'NIK tersimpan sebagai angka di Excel sehingga digit terakhir bisa hilang — ketik ulang sebagai teks',
    );
  });

  it('number cells: a trailing 0 is always flagged, any other last digit is accepted', () => {
    fc.assert(
      fc.property(niks, (p) => {
        const n = Number(p.nik);
        const intact = Number.isSafeInteger(n) && !p.nik.endsWith('0');
        expect(parseNikCell(n, { today }).ok).toBe(intact);
        if (!intact) expect(parseNikCell(n, { today })).toEqual(code('nik_number'));
      }),
    );
  });

  it('never guesses a NIK written in scientific notation', () => {
    for (const cell of ['3.27603E+15', '3,27603E+15', '3.276031708900001e15', '3,27603 E+15'])
      expect(parseNikCell(cell, { today })).toEqual(code('nik_scientific'));
  });

  it('passes on the structure and date problems of parseNik, and the region check', () => {
    expect(parseNikCell('32760317089', { today })).toEqual(code('format'));
    expect(parseNikCell('3276033102900001', { today })).toEqual(code('birth_date'));
    expect(parseNikCell('3276031708900000', { today })).toEqual(code('serial'));
    expect(parseNikCell('3276xxxxxxxx0001', { today })).toEqual(code('nik_masked'));
    expect(parseNikCell(new Date(), { today })).toEqual(code('format'));
    const districtExists = (c: string) => c === '32.76.03';
    expect(parseNikCell('3276031708900001', { today, districtExists }).ok).toBe(true);
    expect(parseNikCell('3271031708900001', { today, districtExists })).toEqual(code('region'));
  });

  it('an empty cell is no value, not an error', () => {
    expect(parseNikCell('  ')).toEqual(value(null));
    expect(parseNikCell(null)).toEqual(value(null));
  });
});

describe('parsePhoneCell', () => {
  it('restores the leading zero Excel dropped and reads number cells', () => {
    expect(parsePhoneCell('81234567890')).toEqual(value('+6281234567890'));
    expect(parsePhoneCell(81234567890)).toEqual(value('+6281234567890'));
    expect(parsePhoneCell(6281234567890)).toEqual(value('+6281234567890'));
    expect(parsePhoneCell(217654321)).toEqual(value('+62217654321'));
  });

  it('takes the first valid number of a cell holding several, ignoring labels', () => {
    expect(parsePhoneCell('0812-3456-7890 / 0857-1111-2222')).toEqual(value('+6281234567890'));
    expect(parsePhoneCell('08123456789, 085711112222')).toEqual(value('+628123456789'));
    expect(parsePhoneCell('08123456789 085711112222')).toEqual(value('+628123456789'));
    expect(parsePhoneCell('tidak aktif / 0857 1111 2222')).toEqual(value('+6285711112222'));
    expect(parsePhoneCell('WA: +62 (0)812 3456 7890')).toEqual(value('+6281234567890'));
    expect(parsePhoneCell('HP 0812 3456 7890 atau 021 7654321')).toEqual(value('+6281234567890'));
  });

  it('refuses what is no Indonesian number', () => {
    for (const cell of ['12345', 'belum punya', '+1 415 555 0100', 3.5, -81234567890])
      expect(parsePhoneCell(cell)).toEqual(code('invalid_phone'));
  });

  it('any mobile number written the usual ways is that number', () => {
    const writings = fc.constantFrom(
      (n: string) => `0${n}`,
      (n: string) => `+62${n}`,
      (n: string) => n,
      (n: string) => Number(n),
      (n: string) => `0${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
    );
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-9]\d{7,10}$/), writings, (national, write) => {
        expect(parsePhoneCell(write(national))).toEqual(value(`+62${national}`));
      }),
    );
  });
});

describe('parseEmailCell', () => {
  it('trims, lower-cases and takes the first valid address', () => {
    expect(parseEmailCell(' Siti.Aminah@Gmail.com ')).toEqual(value('siti.aminah@gmail.com'));
    expect(parseEmailCell('mailto:a@b.co.id')).toEqual(value('a@b.co.id'));
    expect(parseEmailCell('a@b.id; c@d.id')).toEqual(value('a@b.id'));
    expect(parseEmailCell('siti at gmail')).toEqual(code('invalid_email'));
  });
});

describe('parseTextCell', () => {
  it('trims and collapses whitespace, enforces the length, and refuses a cell Excel made a date', () => {
    expect(parseTextCell('  Jl.  Raya\n Sawangan \u00a0No. 5 ', { max: 500 })).toEqual(
      value('Jl. Raya Sawangan No. 5'),
    );
    expect(parseTextCell(12, { max: 5 })).toEqual(value('12'));
    expect(parseTextCell('abcdef', { max: 5 })).toEqual(code('too_long'));
    expect(parseTextCell(new Date('2026-01-02'), { max: 500 })).toEqual(code('excel_date'));
  });
});

describe('parsePersonNameCell', () => {
  it('keeps the spelling of a name, bin/binti and apostrophes included', () => {
    expect(parsePersonNameCell('  Ahmad  bin Abdullah ')).toEqual(value('Ahmad bin Abdullah'));
    expect(parsePersonNameCell('SITI NUR’AINI binti MUHAMMAD')).toEqual(value("SITI NUR'AINI binti MUHAMMAD"));
    expect(parsePersonNameCell("Ni Made Ayu D'Souza, S.E.")).toEqual(value("Ni Made Ayu D'Souza, S.E."));
  });

  it('refuses what the registration form refuses', () => {
    expect(parsePersonNameCell('A')).toEqual(code('name_too_short'));
    expect(parsePersonNameCell('Budi 123')).toEqual(code('name_characters'));
    expect(parsePersonNameCell('a'.repeat(151))).toEqual(code('too_long'));
  });
});

describe('parseSexCell', () => {
  it('reads L/P, Laki-laki/Perempuan, Pria/Wanita, M/F, Male/Female in any case', () => {
    for (const cell of ['L', 'l', 'Laki-laki', 'LAKI LAKI', 'laki', 'Lk', 'Pria', 'M', 'male', 'Male'])
      expect(parseSexCell(cell), cell).toEqual(value('L'));
    for (const cell of ['P', 'p', 'Perempuan', 'PEREMPUAN', 'Pr', 'Wanita', 'W', 'F', 'female', 'Female'])
      expect(parseSexCell(cell), cell).toEqual(value('P'));
    expect(parseSexCell('X')).toEqual(code('invalid_sex'));
    expect(parseSexCell('')).toEqual(value(null));
  });
});

describe('parseDateCell', () => {
  const d = (cell: unknown) => parseDateCell(cell, { today });

  it('reads every way the issue lists, and the English ones', () => {
    for (const cell of [
      '1990-08-17',
      '17-08-1990',
      '17/08/1990',
      '17/08/90',
      '17.08.1990',
      '17 Agustus 1990',
      '17 agustus 1990',
      '17 Agu 1990',
      '17-Agt-1990',
      '17 Aug 1990',
      '17 August 1990',
      'August 17, 1990',
      'Aug 17th 1990',
      'Jumat, 17 Agustus 1990',
      'Depok, 17-08-1990',
      '1990-08-17 00:00:00',
      '1990-08-17T00:00:00.000Z',
      '17081990',
      '19900817',
      '08/17/1990',
      33102,
      '33102',
      new Date(Date.UTC(1990, 7, 17)),
      new Date('1990-08-16T17:00:00Z'), // midnight in Jakarta from a reader working in local time
    ])
      expect(d(cell), String(cell)).toEqual(value('1990-08-17'));
  });

  it('reads Excel serials, including the 1900 leap-year bug', () => {
    expect(d(1)).toEqual(value('1900-01-01'));
    expect(d(59)).toEqual(value('1900-02-28'));
    expect(d(60)).toEqual(code('date_impossible')); // 1900-02-29 never existed
    expect(d(61)).toEqual(value('1900-03-01'));
    expect(d(25569)).toEqual(value('1970-01-01'));
    expect(d(44927)).toEqual(value('2023-01-01'));
    expect(d(44927.75)).toEqual(value('2023-01-01'));
  });

  it('reads a two-digit year as the most recent year not in the future', () => {
    expect(d('17/12/26')).toEqual(code('date_future'));
    expect(d('17/08/26')).toEqual(value('2026-08-17'));
    expect(d('01/01/26')).toEqual(value('2026-01-01'));
    expect(d('01/01/27')).toEqual(value('1927-01-01'));
    expect(d('17-08-05')).toEqual(value('2005-08-17'));
  });

  it('refuses impossible, future, unreadable and year-only dates', () => {
    expect(d('31/02/1990')).toEqual(code('date_impossible'));
    expect(d('29-02-2023')).toEqual(code('date_impossible'));
    expect(d('29-02-2024')).toEqual(value('2024-02-29'));
    expect(d('32 Agustus 1990')).toEqual(code('date_impossible'));
    expect(d('2030-01-01')).toEqual(code('date_future'));
    expect(d('kemarin')).toEqual(code('invalid_date'));
    expect(d('17 Foo 1990')).toEqual(code('invalid_date'));
    expect(d('1990')).toEqual(code('date_year_only'));
    expect(d(2015)).toEqual(code('date_year_only'));
    expect(parseDateCell(2015, { today, yearOnly: true })).toEqual(value('2015-01-01'));
  });

  it('any date written the Indonesian ways is that date', () => {
    const months = [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ];
    const writings = fc.constantFrom(
      ([y, m, dd]: string[]) => `${dd}-${m}-${y}`,
      ([y, m, dd]: string[]) => `${dd}/${m}/${y}`,
      ([y, m, dd]: string[]) => `${dd}.${m}.${y}`,
      ([y, m, dd]: string[]) => `${Number(dd)} ${months[Number(m) - 1]} ${y}`,
      ([y, m, dd]: string[]) => new Date(`${y}-${m}-${dd}T00:00:00Z`),
      ([y, m, dd]: string[]) => (Date.UTC(Number(y), Number(m) - 1, Number(dd)) - Date.UTC(1899, 11, 30)) / 86_400_000,
    );
    fc.assert(
      fc.property(dates, writings, (iso, write) => {
        expect(d(write(iso.split('-')))).toEqual(value(iso));
      }),
    );
  });
});

describe('parseRupiahCell', () => {
  it('reads every way the issue lists', () => {
    const cases: Array<[unknown, number]> = [
      ['Rp 1.500.000', 1_500_000],
      ['Rp1.500.000,00', 1_500_000],
      ['Rp. 1.500.000,-', 1_500_000],
      ['1.500.000', 1_500_000],
      ['1,500,000', 1_500_000],
      ['1,500,000.00', 1_500_000],
      ['1500000', 1_500_000],
      ['1 500 000', 1_500_000],
      ['1,5 jt', 1_500_000],
      ['1.5 juta', 1_500_000],
      ['1,5jt/bulan', 1_500_000],
      ['Rp 2 juta per bulan', 2_000_000],
      ['2 rb', 2_000],
      ['2 ribu', 2_000],
      ['500k', 500_000],
      ['1 jt 500 rb', 1_500_000],
      ['1 M', 1_000_000_000],
      ['1,2 miliar', 1_200_000_000],
      ['2 milyar', 2_000_000_000],
      ['1.500', 1_500],
      ['0', 0],
      [1500000, 1_500_000],
      [1500000.4, 1_500_000],
    ];
    for (const [cell, rupiah] of cases) expect(parseRupiahCell(cell), String(cell)).toEqual(value(rupiah));
  });

  it('refuses negative, unreadable, unit-less fractions and amounts over the cap', () => {
    expect(parseRupiahCell('-500.000')).toEqual(code('negative'));
    expect(parseRupiahCell('Rp -500.000')).toEqual(code('negative'));
    expect(parseRupiahCell('(500.000)')).toEqual(code('negative'));
    expect(parseRupiahCell(-1)).toEqual(code('negative'));
    expect(parseRupiahCell('1-2 juta')).toEqual(code('invalid_rupiah'));
    expect(parseRupiahCell('sekitar sejuta')).toEqual(code('invalid_rupiah'));
    expect(parseRupiahCell('1 jt 500')).toEqual(code('invalid_rupiah'));
    expect(parseRupiahCell('1.50.000')).toEqual(code('invalid_rupiah'));
    expect(parseRupiahCell('Rp 1,5')).toEqual(code('rupiah_unclear'));
    expect(parseRupiahCell(1.5)).toEqual(code('rupiah_unclear'));
    expect(parseRupiahCell(maxMonthlyRevenue)).toEqual(value(maxMonthlyRevenue));
    expect(parseRupiahCell(maxMonthlyRevenue + 1)).toEqual(code('too_large'));
    expect(parseRupiahCell('200 M')).toEqual(code('too_large'));
    expect(parseRupiahCell('5.000.000', { max: 1_000_000 })).toEqual(code('too_large'));
  });

  it('any integer rupiah, formatted as Rp x.xxx.xxx (or by Intl, or the English way), parses back', () => {
    const id = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR' });
    const writings = fc.constantFrom(
      (n: number) => `Rp ${n.toLocaleString('id-ID')}`,
      (n: number) => `Rp${n.toLocaleString('id-ID')},00`,
      (n: number) => id.format(n),
      (n: number) => n.toLocaleString('en-US'),
      (n: number) => String(n),
      (n: number) => n,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxMonthlyRevenue }), writings, (n, write) => {
        expect(parseRupiahCell(write(n))).toEqual(value(n));
      }),
    );
  });
});

describe('readNumber', () => {
  it('tells thousands from decimals', () => {
    expect(readNumber('1.500')).toBe(1500);
    expect(readNumber('1,5')).toBe(1.5);
    expect(readNumber('1.25')).toBe(1.25);
    expect(readNumber('1.500.000,75')).toBe(1_500_000.75);
    expect(readNumber('12.34.567')).toBeUndefined();
    expect(readNumber('1,500.000,00')).toBeUndefined();
  });
});

describe('parseCountCell', () => {
  it('reads whole numbers with or without a unit', () => {
    for (const [cell, n] of [
      [3, 3],
      ['3', 3],
      ['3 orang', 3],
      ['3 org', 3],
      ['tiga', 3],
      ['0', 0],
      ['1.200', 1200],
    ] as const)
      expect(parseCountCell(cell), String(cell)).toEqual(value(n));
    expect(parseCountCell('-')).toEqual(value(null));
  });

  it('refuses negative, fractional, unreadable and too large counts', () => {
    expect(parseCountCell(-2)).toEqual(code('negative'));
    expect(parseCountCell('-2 orang')).toEqual(code('negative'));
    expect(parseCountCell(2.5)).toEqual(code('invalid_count'));
    expect(parseCountCell('beberapa')).toEqual(code('invalid_count'));
    expect(parseCountCell(10_001)).toEqual(code('too_large'));
  });

  it('any count written "n orang" reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        expect(parseCountCell(`${n} orang`)).toEqual(value(n));
      }),
    );
  });
});

describe('parseKbliCell', () => {
  it('reads five digits, restores a lost leading zero, and ignores a description', () => {
    expect(parseKbliCell('10792')).toEqual(value('10792'));
    expect(parseKbliCell(10792)).toEqual(value('10792'));
    expect(parseKbliCell(1111)).toEqual(value('01111'));
    expect(parseKbliCell('1111')).toEqual(value('01111'));
    expect(parseKbliCell('10792 - Industri Kue Basah')).toEqual(value('10792'));
    expect(parseKbliCell('10792 Industri Kue Basah')).toEqual(value('10792'));
    expect(parseKbliCell('KBLI: 47911')).toEqual(value('47911'));
  });

  it('refuses what cannot be a KBLI', () => {
    for (const cell of ['1079', 4791, '123', '107921', 'kue basah', 10792.5])
      expect(parseKbliCell(cell), String(cell)).toEqual(code('invalid_kbli'));
  });
});

describe('parseNibCell', () => {
  it('reads 13 digits from text or a number cell, and flags scientific notation', () => {
    expect(parseNibCell('9120001234567')).toEqual(value('9120001234567'));
    expect(parseNibCell("'9120 0012 34567")).toEqual(value('9120001234567'));
    expect(parseNibCell(9120001234567)).toEqual(value('9120001234567'));
    expect(parseNibCell('9.12E+12')).toEqual(code('nib_scientific'));
    expect(parseNibCell('912000123456')).toEqual(code('invalid_nib'));
  });
});

describe('parseLegalFormCell', () => {
  it('maps what people write onto the legal forms', () => {
    const cases: Array<[string, (typeof legalForms)[number]]> = [
      ['PT', 'pt'],
      ['P.T.', 'pt'],
      ['Perseroan Terbatas', 'pt'],
      ['PT Perorangan', 'pt_perorangan'],
      ['PT. Perseorangan', 'pt_perorangan'],
      ['CV', 'cv'],
      ['cv.', 'cv'],
      ['Perorangan', 'perorangan'],
      ['perseorangan', 'perorangan'],
      ['UD', 'perorangan'],
      ['Usaha Dagang', 'perorangan'],
      ['Belum berbadan hukum', 'perorangan'],
      ['Koperasi', 'koperasi'],
      ['Firma', 'firma'],
      ['Yayasan', 'lainnya'],
      ['BUMDes', 'lainnya'],
    ];
    for (const [cell, form] of cases) expect(parseLegalFormCell(cell), cell).toEqual(value(form));
  });
});

describe('parseChannelsCell', () => {
  it('maps separated words onto the channel vocabulary, unknown words to other', () => {
    const cases: Array<[string, Array<(typeof salesChannels)[number]>]> = [
      ['WA, IG', ['whatsapp', 'instagram']],
      ['WhatsApp / Instagram / Facebook', ['whatsapp', 'instagram', 'facebook']],
      ['FB; TikTok', ['facebook', 'tiktok']],
      ['Shopee, Tokopedia, Lazada, Bukalapak', ['marketplace']],
      ['marketplace', ['marketplace']],
      ['Reseller', ['reseller']],
      ['bazar', ['bazaar']],
      ['Bazaar', ['bazaar']],
      ['Toko', ['outlet']],
      ['outlet', ['outlet']],
      ['gerai', ['outlet']],
      ['offline', ['offline']],
      ['jual langsung', ['offline']],
      ['warung sendiri, wa dan ig', ['whatsapp', 'instagram', 'outlet']],
      ['Wa Business', ['whatsapp']],
      ['Koran', ['other']],
      ['IG, brosur', ['instagram', 'other']],
    ];
    for (const [cell, channels] of cases) expect(parseChannelsCell(cell), cell).toEqual(value(channels));
    expect(parseChannelsCell('')).toEqual(value(null));
  });
});
