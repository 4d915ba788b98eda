import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFieldHeaders, importFields } from './fields.js';
import { guessHeaderRow, normalizeHeader, suggestMapping } from './header-match.js';

describe('normalizeHeader', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(normalizeHeader(' No. HP/WA ')).toBe('no hp wa');
    expect(normalizeHeader('NAMA  LENGKAP*')).toBe('nama lengkap');
    expect(normalizeHeader('Omzet per Bulan (Rp)')).toBe('omzet per bulan rp');
  });
});

describe('suggestMapping', () => {
  it('maps the headers of an exported file back onto their fields, in Bahasa Indonesia and in English', () => {
    for (const lang of ['id', 'en'] as const) {
      const headers = importFields.map((f) => importFieldHeaders[f][lang]);
      expect(suggestMapping(headers)).toEqual(Object.fromEntries(importFields.map((f, i) => [f, i])));
    }
  });

  it('reads a typical dinas file with a numbering column and trailing junk columns', () => {
    const headers = [
      'No',
      'No KTP',
      'Nama Lengkap',
      'L/P',
      'Tgl Lahir',
      'No HP/WA',
      'Alamat',
      'Kec.',
      'Kel/Desa',
      'Nama Usaha',
      'Jenis Usaha',
      'Omzet per bulan',
      'Keterangan',
      null,
      'Column1',
      '',
    ];
    expect(suggestMapping(headers)).toEqual({
      nik: 1,
      fullName: 2,
      sex: 3,
      birthDate: 4,
      phone: 5,
      domicileAddress: 6,
      kecamatan: 7,
      kelurahan: 8,
      businessName: 9,
      productType: 10,
      monthlyRevenue: 11,
    });
  });

  it('knows the synonyms the issue names', () => {
    const cases: Array<[string, string]> = [
      ['NIK', 'nik'],
      ['No KTP', 'nik'],
      ['Nomor KTP', 'nik'],
      ['No. NIK', 'nik'],
      ['NIK KTP', 'nik'],
      ['Nama', 'fullName'],
      ['Nama Lengkap', 'fullName'],
      ['Nama Peserta', 'fullName'],
      ['Nama Pemilik', 'fullName'],
      ['Full name', 'fullName'],
      ['No HP', 'phone'],
      ['No. HP/WA', 'phone'],
      ['HP', 'phone'],
      ['WA', 'phone'],
      ['WhatsApp', 'phone'],
      ['No Telp', 'phone'],
      ['Telepon', 'phone'],
      ['Kecamatan', 'kecamatan'],
      ['Kelurahan', 'kelurahan'],
      ['Kel', 'kelurahan'],
      ['Desa', 'kelurahan'],
      ['Kelurahan/Desa', 'kelurahan'],
      ['Village', 'kelurahan'],
      ['Omzet', 'monthlyRevenue'],
      ['Omset', 'monthlyRevenue'],
      ['Omzet per bulan', 'monthlyRevenue'],
      ['Pendapatan per bulan', 'monthlyRevenue'],
      ['Monthly revenue', 'monthlyRevenue'],
      ['Nama Usaha', 'businessName'],
      ['Usaha', 'businessName'],
      ['Nama UMKM', 'businessName'],
      ['Merek', 'businessName'],
      ['Jenis Kelamin', 'sex'],
      ['Tanggal Lahir', 'birthDate'],
      ['Tempat, Tanggal Lahir', 'birthDate'],
      ['E-mail', 'email'],
      ['Alamat sesuai KTP', 'ktpAddress'],
      ['Alamat Domisili', 'domicileAddress'],
      ['Kode KBLI', 'kbli'],
      ['Jenis Produk', 'productType'],
      ['Badan Usaha', 'legalForm'],
      ['Nomor Induk Berusaha (NIB)', 'nib'],
      ['Tahun Berdiri', 'foundedOn'],
      ['Jumlah Karyawan (L)', 'employeesMale'],
      ['TK Perempuan', 'employeesFemale'],
      ['Media Pemasaran', 'channels'],
      ['Kelurahn', 'kelurahan'],
      ['Kecamtan', 'kecamatan'],
    ];
    for (const [header, field] of cases) expect(suggestMapping([header]), header).toEqual({ [field]: 0 });
  });

  it('gives each field one column: the specific header wins over the vague one', () => {
    expect(suggestMapping(['Alamat', 'Alamat Domisili'])).toEqual({ ktpAddress: 0, domicileAddress: 1 });
    expect(suggestMapping(['Alamat KTP', 'Alamat'])).toEqual({ ktpAddress: 0, domicileAddress: 1 });
    expect(suggestMapping(['Nama Usaha', 'Nama'])).toEqual({ businessName: 0, fullName: 1 });
    expect(suggestMapping(['NIK', 'No KTP'])).toEqual({ nik: 0 });
    expect(suggestMapping(['Nama Pemilik Usaha', 'Nama Usaha'])).toEqual({ fullName: 0, businessName: 1 });
  });

  it('leaves unknown headers unmapped', () => {
    for (const header of [
      'No',
      'Keterangan',
      'Tempat Lahir',
      'Jumlah Karyawan',
      'Alamat Usaha',
      'Foto',
      'x',
      'Kolom 17',
    ])
      expect(suggestMapping([header]), header).toEqual({});
  });

  it('never maps a column twice or a field twice, whatever the headers', () => {
    const header = fc.oneof(
      fc.constantFrom(
        ...importFields.flatMap((f) => [importFieldHeaders[f].id, importFieldHeaders[f].en]),
        'Alamat',
        'Nama',
        'HP',
      ),
      fc.string(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(header, { maxLength: 30 }), (headers) => {
        const columns = Object.values(suggestMapping(headers));
        expect(new Set(columns).size).toBe(columns.length);
        for (const c of columns) expect(headers[c]).toBeTruthy();
      }),
    );
  });
});

describe('guessHeaderRow', () => {
  it('skips title rows above the header', () => {
    const rows = [
      ['DATA PESERTA WUB 2023'],
      ['Dinas Koperasi dan UKM Kota Depok'],
      [],
      ['No', 'NIK', 'Nama Lengkap', 'L/P', 'Kecamatan', 'Kelurahan', 'No HP/WA', 'Nama Usaha'],
      [1, '3276031708900001', 'Siti Aminah', 'P', 'Sawangan', 'Pasir Putih', '0812', 'WA dan Shopee'],
    ];
    expect(guessHeaderRow(rows)).toBe(3);
  });

  it('answers the first row for a file that starts with its header, and 0 when nothing matches', () => {
    expect(
      guessHeaderRow([
        ['NIK', 'Nama'],
        ['3276031708900001', 'Budi'],
      ]),
    ).toBe(0);
    expect(
      guessHeaderRow([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe(0);
    expect(guessHeaderRow([])).toBe(0);
  });

  it('looks only at the first 20 rows', () => {
    const rows: unknown[][] = Array.from({ length: 25 }, () => ['x']);
    rows[22] = ['NIK', 'Nama', 'Kelurahan'];
    expect(guessHeaderRow(rows)).toBe(0);
    rows[19] = ['NIK', 'Nama', 'Kelurahan'];
    expect(guessHeaderRow(rows)).toBe(19);
  });
});
