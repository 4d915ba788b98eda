import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  type CellValue,
  countRows,
  listSheets,
  type OpenSource,
  readRows,
  type SheetRow,
} from './spreadsheet-reader.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentra-reader-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A source over bytes in small chunks, so chunk boundaries fall everywhere; it keeps the streams it opened. */
function bytesSource(bytes: Buffer, chunkSize = 4093) {
  const opened: Readable[] = [];
  const open: OpenSource = async () => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
    const stream = Readable.from(chunks, { objectMode: false });
    opened.push(stream);
    return stream;
  };
  return { open, opened };
}

function fileSource(file: string) {
  const opened: fs.ReadStream[] = [];
  const open: OpenSource = async () => {
    const stream = fs.createReadStream(file);
    opened.push(stream);
    return stream;
  };
  return { open, opened };
}

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function expectClosed(streams: Readable[]) {
  expect(streams.length).toBeGreaterThan(0);
  for (const s of streams) {
    expect(s.destroyed).toBe(true);
    if (!s.closed) await once(s, 'close');
  }
}

const unreadable = [expect.objectContaining({ path: 'file', code: 'unreadable' })];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Excel file with an instructions sheet, the data sheet and a reference sheet. */
async function participantsWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Petunjuk').addRow(['Isi lembar Peserta mulai baris 3']);
  const sheet = book.addWorksheet('Peserta');
  book.addWorksheet('Referensi').addRow(['Kecamatan', 'Kode']);
  sheet.mergeCells('A1:I1');
  sheet.getCell('A1').value = 'Daftar Peserta Pelatihan 2024';
  sheet.getRow(2).values = ['NIK', 'Nama', 'Tanggal Lahir', 'Omzet', 'Aktif', 'Omzet Setahun', 'Situs', 'Cek', 'Ket'];
  sheet.getRow(3).values = [
    '3276015705900002',
    { richText: [{ text: 'Siti ', font: { bold: true } }, { text: 'Aminah' }] },
    utc(1990, 5, 17),
    2_500_000,
    true,
    { formula: 'D3*12', result: 30_000_000 },
    { text: 'toko-siti.id', hyperlink: 'https://toko-siti.id' },
    { error: '#N/A' },
    'ok',
  ];
  sheet.getCell('C3').numFmt = 'dd/mm/yyyy';
  sheet.getRow(4).values = [3276015705900001, 'Budi', { formula: 'DATE(1985,12,12)', result: utc(1985, 12, 12) }, 0];
  sheet.getCell('C4').numFmt = 'd mmmm yyyy';
  // rows 5 and 6 stay blank
  sheet.getRow(7).values = [
    '3276034501900003',
    'Ñoman Sukarsa, S.E.',
    null,
    null,
    false,
    null,
    null,
    'Jl. Mawar\nNo. 5',
  ];
  // trailing blank but formatted rows, as left behind by deleting data in Excel
  for (const ref of ['A10', 'B11', 'C12'])
    sheet.getCell(ref).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same kind of data written by exceljs's streaming writer: parts in another order, no <dimension>. */
async function streamedWorkbook(file: string, rows: unknown[][], options: { useSharedStrings: boolean }) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, ...options });
  const first = book.addWorksheet('Data 1');
  const second = book.addWorksheet('Data 2');
  for (const values of rows) first.addRow(values).commit();
  second.addRow(['lain']).commit();
  first.commit();
  second.commit();
  await book.commit();
}

describe('spreadsheet reader — xlsx', () => {
  let workbook: Buffer;
  beforeAll(async () => {
    workbook = await participantsWorkbook();
  });

  it('lists the sheets in workbook order', async () => {
    expect(await listSheets(bytesSource(workbook).open, 'xlsx')).toEqual(['Petunjuk', 'Peserta', 'Referensi']);
  });

  it('reads plain values with Excel row numbers, skipping blank rows', async () => {
    const rows = await collect(readRows(bytesSource(workbook).open, 'xlsx', { sheet: 'Peserta' }));
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3, 4, 7]);
    expect(rows[0].cells[0]).toBe('Daftar Peserta Pelatihan 2024');
    expect(rows[1].cells).toEqual([
      'NIK',
      'Nama',
      'Tanggal Lahir',
      'Omzet',
      'Aktif',
      'Omzet Setahun',
      'Situs',
      'Cek',
      'Ket',
    ]);
    expect(rows[2].cells).toEqual<CellValue[]>([
      '3276015705900002', // text NIK stays text
      'Siti Aminah', // rich text flattened
      utc(1990, 5, 17), // date cell
      2_500_000,
      true,
      30_000_000, // formula → its result
      'toko-siti.id', // hyperlink → its text
      null, // #N/A
      'ok',
    ]);
    // a numeric NIK stays a number (the importer flags it); a date formula's result is a date too
    expect(rows[3].cells).toEqual<CellValue[]>([3276015705900001, 'Budi', utc(1985, 12, 12), 0]);
    expect(rows[4].cells).toEqual<CellValue[]>([
      '3276034501900003',
      'Ñoman Sukarsa, S.E.',
      null,
      null,
      false,
      null,
      null,
      'Jl. Mawar\nNo. 5',
    ]);
  });

  it('reads the first sheet by default and starts at fromRow', async () => {
    const { open } = bytesSource(workbook);
    expect(await collect(readRows(open, 'xlsx'))).toEqual([{ rowNo: 1, cells: ['Isi lembar Peserta mulai baris 3'] }]);
    const rows = await collect(readRows(open, 'xlsx', { sheet: 'Peserta', fromRow: 4 }));
    expect(rows.map((r) => r.rowNo)).toEqual([4, 7]);
  });

  it('counts rows from the dimension, which includes trailing formatted blank rows', async () => {
    // exceljs (like Excel) writes <dimension ref="A1:I12"/>: an accepted over-estimate for a progress bar.
    expect(await countRows(bytesSource(workbook).open, 'xlsx', 'Peserta')).toBe(12);
  });

  it('counts exactly when the sheet has no dimension, and reads files whose strings follow the sheets', async () => {
    const file = path.join(tmp, 'streamed.xlsx');
    const rows: unknown[][] = [
      ['Judul'],
      [],
      ['NIK', 'Nama'],
      ['3276015705900002', 'Siti'],
      [],
      ['3276015705900003', 'Ani'],
    ];
    await streamedWorkbook(file, rows, { useSharedStrings: true });
    const { open } = fileSource(file);
    expect(await listSheets(open, 'xlsx')).toEqual(['Data 1', 'Data 2']);
    expect(await countRows(open, 'xlsx')).toBe(6);
    expect(await countRows(open, 'xlsx', 'Data 2')).toBe(1);
    expect(await collect(readRows(open, 'xlsx'))).toEqual([
      { rowNo: 1, cells: ['Judul'] },
      { rowNo: 3, cells: ['NIK', 'Nama'] },
      { rowNo: 4, cells: ['3276015705900002', 'Siti'] },
      { rowNo: 6, cells: ['3276015705900003', 'Ani'] },
    ]);
    expect(await collect(readRows(open, 'xlsx', { sheet: 'Data 2' }))).toEqual([{ rowNo: 1, cells: ['lain'] }]);
  });

  it('keeps accented text intact across chunk boundaries (exceljs#2084)', async () => {
    const file = path.join(tmp, 'accents.xlsx');
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Ñoño José Müller ${i}`, 'Ğüçlü éàè – “kutip”']);
    await streamedWorkbook(file, rows, { useSharedStrings: false });
    const read = await collect(readRows(fileSource(file).open, 'xlsx'));
    expect(read).toHaveLength(20_000);
    expect(read.filter((r) => JSON.stringify(r.cells).includes('\uFFFD'))).toEqual([]);
    expect(read[19_999]).toEqual({ rowNo: 20_000, cells: ['Ñoño José Müller 19999', 'Ğüçlü éàè – “kutip”'] });
  });

  it('rejects an unknown sheet', async () => {
    const { open } = bytesSource(workbook);
    const err = await failure(collect(readRows(open, 'xlsx', { sheet: 'Tidak Ada' })));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([
      {
        path: 'sheet',
        code: 'unknown_sheet',
        message: 'Lembar tidak ditemukan: Tidak Ada',
        en: 'Sheet not found: Tidak Ada',
      },
    ]);
    expect((await failure(countRows(open, 'xlsx', 'Tidak Ada'))).details).toEqual([
      expect.objectContaining({ code: 'unknown_sheet' }),
    ]);
  });

  it.each([
    ['random bytes', () => randomBytes(20_000)],
    ['a CSV named .xlsx', () => Buffer.from('NIK;Nama\n3276015705900002;Siti\n')],
    ['an empty file', () => Buffer.alloc(0)],
    ['a truncated workbook', (book: Buffer) => book.subarray(0, Math.floor(book.length * 0.6))],
  ])('answers %s with a validation error, never a raw exception', async (_, make) => {
    const { open, opened } = bytesSource(make(workbook));
    expect((await failure(listSheets(open, 'xlsx'))).details).toEqual(unreadable);
    expect((await failure(countRows(open, 'xlsx'))).details).toEqual(unreadable);
    expect((await failure(collect(readRows(open, 'xlsx')))).details).toEqual(unreadable);
    await expectClosed(opened);
  });

  it('passes storage failures through unchanged', async () => {
    const gone = new Error('ENOENT: no such file');
    await expect(listSheets(() => Promise.reject(gone), 'xlsx')).rejects.toBe(gone);
  });

  it('closes the file when the consumer stops early or aborts', async () => {
    const file = path.join(tmp, 'early.xlsx');
    await streamedWorkbook(
      file,
      Array.from({ length: 5_000 }, (_, i) => [`Peserta ${i}`, i]),
      { useSharedStrings: true },
    );
    const { open, opened } = fileSource(file);
    for await (const row of readRows(open, 'xlsx')) if (row.rowNo === 3) break;
    await expectClosed(opened);

    const aborter = new AbortController();
    const reading = (async () => {
      for await (const row of readRows(open, 'xlsx', { signal: aborter.signal })) if (row.rowNo === 10) aborter.abort();
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await expectClosed(opened);
  });
});

describe('spreadsheet reader — csv', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  it('reads a semicolon CSV with a BOM, quoted delimiters and line breaks, keeping row numbers', async () => {
    const bytes = utf8(
      '\uFEFFDaftar Peserta;;;\r\n' +
        'NIK;Nama;Alamat;Omzet\r\n' +
        '3276015705900001;"Aminah; Siti";"Jl. Mawar\r\nNo. 5";2.500.000\r\n' +
        '\r\n' +
        ';;;\r\n' +
        '007;José;;1,5\r\n' +
        '\r\n\r\n',
    );
    const { open } = bytesSource(bytes, 7);
    expect(await listSheets(open, 'csv')).toEqual(['csv']);
    expect(await collect(readRows(open, 'csv'))).toEqual([
      { rowNo: 1, cells: ['Daftar Peserta', null, null, null] },
      { rowNo: 2, cells: ['NIK', 'Nama', 'Alamat', 'Omzet'] },
      { rowNo: 3, cells: ['3276015705900001', 'Aminah; Siti', 'Jl. Mawar\r\nNo. 5', '2.500.000'] }, // one row in Excel
      { rowNo: 6, cells: ['007', 'José', null, '1,5'] }, // numbers stay text
    ]);
    expect(await countRows(open, 'csv')).toBe(6);
    expect(await collect(readRows(open, 'csv', { fromRow: 3, sheet: 'csv' }))).toHaveLength(2);
  });

  it('reads a comma CSV without a BOM and a tab-separated one', async () => {
    const comma = utf8('NIK,Nama,Catatan\r\n3276015705900002,"Lestari, Dewi","kata ""Uwi"""\n3,Ani,\n');
    expect((await collect(readRows(bytesSource(comma).open, 'csv')))[1].cells).toEqual([
      '3276015705900002',
      'Lestari, Dewi',
      'kata "Uwi"',
    ]);
    expect(await countRows(bytesSource(comma).open, 'csv')).toBe(3); // mixed line endings
    const tabs = utf8('NIK\tNama\n3276015705900002\tDewi, S.E.\n');
    expect((await collect(readRows(bytesSource(tabs).open, 'csv')))[1].cells).toEqual([
      '3276015705900002',
      'Dewi, S.E.',
    ]);
  });

  it('decodes Windows-1252 even when the only accent is far into the file', async () => {
    const ascii = Array.from({ length: 5_000 }, (_, i) => `32760157059${String(i).padStart(5, '0')};Peserta ${i}\r\n`);
    const accented = Buffer.from([
      ...Buffer.from('3276015705999999;Jos', 'latin1'),
      0xe9, // é
      0x20,
      0x93, // “
      ...Buffer.from('Uwi', 'latin1'),
      0x94, // ”
      0x20,
      0x96, // –
      0x20,
      0xd1, // Ñ
      ...Buffer.from('o\r\n', 'latin1'),
    ]);
    const bytes = Buffer.concat([utf8(`NIK;Nama\r\n${ascii.join('')}`), accented]);
    expect(bytes.length).toBeGreaterThan(100_000);
    const rows = await collect(readRows(bytesSource(bytes, 65_536).open, 'csv'));
    expect(rows.at(-1)).toEqual({ rowNo: 5_002, cells: ['3276015705999999', 'José “Uwi” – Ño'] });
    expect(await countRows(bytesSource(bytes).open, 'csv')).toBe(5_002);
  });

  it('follows an Excel "sep=" line and does not count it as a row', async () => {
    const bytes = utf8('sep=,\nNIK;Nama,Kota\n3276015705900002;X,Depok\n');
    expect(await collect(readRows(bytesSource(bytes).open, 'csv'))).toEqual([
      { rowNo: 1, cells: ['NIK;Nama', 'Kota'] },
      { rowNo: 2, cells: ['3276015705900002;X', 'Depok'] },
    ]);
  });

  it('rejects a sheet other than "csv" and an unclosed quote', async () => {
    const { open } = bytesSource(utf8('a;b\n'));
    expect((await failure(collect(readRows(open, 'csv', { sheet: 'Sheet1' })))).details).toEqual([
      expect.objectContaining({ path: 'sheet', code: 'unknown_sheet' }),
    ]);
    const broken = bytesSource(utf8('NIK;Nama\n1;"Siti\n2;Ani\n'));
    expect((await failure(collect(readRows(broken.open, 'csv')))).details).toEqual(unreadable);
  });

  it('closes the file when the consumer stops early', async () => {
    const file = path.join(tmp, 'early.csv');
    fs.writeFileSync(file, Array.from({ length: 50_000 }, (_, i) => `${i};Peserta ${i}\n`).join(''));
    const { open, opened } = fileSource(file);
    for await (const row of readRows(open, 'csv')) if (row.rowNo === 3) break;
    await expectClosed(opened);
  });
});

describe('spreadsheet reader — 100,000 rows', () => {
  const file = path.join(tmp, 'big.xlsx');
  const ROWS = 100_000;

  beforeAll(async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const sheet = book.addWorksheet('Peserta');
    sheet.addRow(['NIK', 'Nama', 'Tgl Lahir', 'Desa', 'Kecamatan', 'HP', 'Usaha', 'KBLI', 'Omzet', 'JK']).commit();
    for (let i = 1; i <= ROWS; i++) {
      const row = sheet.addRow([
        `3276${String(i).padStart(12, '0')}`,
        `Peserta Ñoño José ${i}`,
        utc(1970, 1, 1 + (i % 15_000)),
        `Desa ${i % 300}`,
        `Kecamatan ${i % 40}`,
        `0812${String(i).padStart(8, '0')}`,
        `Usaha “Maju” ${i}`,
        10_000 + (i % 999),
        i * 1_000,
        i % 2 ? 'L' : 'P',
        `Jl. Mawar No. ${i}`,
        `peserta${i}@contoh.id`,
        'aktif',
        i % 7 ? null : 'catatan',
        i,
      ]);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    sheet.commit();
    await book.commit();
  }, 300_000);

  it('streams them with bounded memory', async () => {
    const { open, opened } = fileSource(file);
    let started = Date.now();
    expect(await countRows(open, 'xlsx')).toBe(ROWS + 1);
    const countMs = Date.now() - started;

    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let count = 0;
    let last: SheetRow | undefined;
    let damaged = 0;
    started = Date.now();
    for await (const row of readRows(open, 'xlsx', { fromRow: 2 })) {
      count++;
      last = row;
      if (typeof row.cells[1] !== 'string' || row.cells[1].includes('\uFFFD')) damaged++;
      if (count % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const readMs = Date.now() - started;
    console.log(
      `100k×15 xlsx: countRows ${countMs} ms, readRows ${readMs} ms, heap +${Math.round((peak - baseline) / 1e6)} MB`,
    );

    expect(count).toBe(ROWS);
    expect(damaged).toBe(0);
    expect(last).toEqual({
      rowNo: ROWS + 1,
      cells: [
        '3276000000100000',
        'Peserta Ñoño José 100000',
        utc(1970, 1, 1 + (ROWS % 15_000)),
        'Desa 100',
        'Kecamatan 0',
        '081200100000',
        'Usaha “Maju” 100000',
        10_100,
        100_000_000,
        'P',
        'Jl. Mawar No. 100000',
        'peserta100000@contoh.id',
        'aktif',
        null,
        ROWS,
      ],
    });
    // The shared strings (~1M here) are held in memory by design; the rows themselves are not.
    expect(peak - baseline).toBeLessThan(300e6);
    await expectClosed(opened);
  }, 300_000);
});
