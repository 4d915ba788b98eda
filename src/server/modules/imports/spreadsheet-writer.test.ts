import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createSheetWriter, type SheetFormat } from './spreadsheet-writer.js';

const headers = ['NIK', 'Nama Lengkap', 'No HP/WA', 'Omzet per Bulan', 'Tanggal Lahir'];
const rows: unknown[][] = [
  ['3276034501900001', 'Siti Nurhaliza', '081234567890', 2_500_000, '1990-01-05'],
  ['3276031212850002', 'Ñoman Sukarsa, S.E.', null, 0, '1985-12-12'],
  ['3276035508000003', 'Dewi "Uwi" Lestari', '0856000111', undefined, '2000-08-15'],
];

async function write(format: SheetFormat, data: unknown[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = createSheetWriter(format, out, { sheetName: 'Peserta', headers, textColumns: [0, 2] });
  for (const row of data) await writer.addRow(row);
  await writer.finish();
  return Buffer.concat(chunks);
}

describe('createSheetWriter', () => {
  it('writes an xlsx with a bold frozen header and codes as text that read back unchanged', async () => {
    const bytes = await write('xlsx', rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Peserta')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    const nik = sheet.getRow(2).getCell(1);
    expect(nik.value).toBe('3276034501900001');
    expect(typeof nik.value).toBe('string');
    expect(nik.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(3).value).toBe('081234567890');
    expect(sheet.getRow(2).getCell(4).value).toBe(2_500_000);
    expect(sheet.getRow(3).getCell(2).value).toBe('Ñoman Sukarsa, S.E.');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).getCell(1).value).toBe('3276035508000003');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });

  it('writes a UTF-8 CSV with a BOM and comma delimiter that reads back unchanged', async () => {
    const bytes = await write('csv', rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0]).toEqual(headers);
    expect(records.slice(1)).toEqual([
      ['3276034501900001', 'Siti Nurhaliza', '081234567890', '2500000', '1990-01-05'],
      ['3276031212850002', 'Ñoman Sukarsa, S.E.', '', '0', '1985-12-12'],
      ['3276035508000003', 'Dewi "Uwi" Lestari', '0856000111', '', '2000-08-15'],
    ]);
  });

  it('keeps a CSV cell from running as a formula in Excel', async () => {
    const bytes = await write('csv', [['=HYPERLINK("x")', '@SUM(A1)', '-12', '+62812', 'Jl. Mawar']]);
    const [, row] = parse(bytes, { bom: true }) as string[][];
    expect(row).toEqual([`'=HYPERLINK("x")`, "'@SUM(A1)", '-12', '+62812', 'Jl. Mawar']);
  });

  it('writes 20 000 rows without holding them (streams while rows are added)', async () => {
    const out = new PassThrough();
    let bytes = 0;
    out.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    const writer = createSheetWriter('xlsx', out, { sheetName: 'Peserta', headers, textColumns: [0] });
    for (let i = 0; i < 20_000; i++) await writer.addRow([String(3276030000000000 + i), `Nama ${i}`, null, i, null]);
    const beforeFinish = bytes;
    await writer.finish();
    // Rows reached the output while they were being added, not all at the end.
    expect(beforeFinish).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(beforeFinish);
  });
});
