import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type SheetFormat = 'xlsx' | 'csv';

export type SheetWriterOptions = {
  /** Sheet name of an xlsx file (shortened to Excel's 31 characters); a CSV has none. */
  sheetName: string;
  headers: string[];
  /** 0-based columns kept as text (NIK, phone, NIB, KBLI), so Excel never turns 3276… into 3.27603E+15. */
  textColumns?: number[];
};

export type SheetWriter = {
  /** Resolves when the output can take more (await it: a million rows must not pile up in memory). */
  addRow(values: unknown[]): Promise<void>;
  /** Ends the file and `out`; resolves once everything is written. */
  finish(): Promise<void>;
};

export const sheetContentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A spreadsheet written row by row into `out`, in bounded memory: the exporter and the importer's rejected-rows report. */
export function createSheetWriter(format: SheetFormat, out: Writable, options: SheetWriterOptions): SheetWriter {
  return format === 'xlsx' ? xlsxWriter(out, options) : csvWriter(out, options);
}

const cellOf = (value: unknown, text: boolean): unknown => {
  if (value === null || value === undefined || value === '') return null;
  if (text) return String(value);
  return value;
};

// Characters Excel's sheet-name rules refuse.
const sheetNameOf = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

function xlsxWriter(out: Writable, { sheetName, headers, textColumns = [] }: SheetWriterOptions): SheetWriter {
  const text = new Set(textColumns);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  // Column widths must be known before the first row is committed: taken from the header, wider for codes.
  sheet.columns = headers.map((h, i) => ({
    width: Math.min(40, Math.max(text.has(i) ? 20 : 12, h.length + 4)),
    style: text.has(i) ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  let failure: unknown;
  // exceljs listens for errors of `out` only at the very end: a full disk must fail the rows, not hang the commit.
  const failed = new Promise<never>((_, reject) =>
    out.once('error', (err) => {
      failure = err;
      reject(err);
    }),
  );
  failed.catch(() => {});
  return {
    async addRow(values) {
      if (failure) throw failure;
      sheet.addRow(headers.map((_, i) => cellOf(values[i], text.has(i)))).commit();
      // exceljs does not pass back-pressure on: wait for the output now and then instead.
      if (++rows % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
    },
    async finish() {
      sheet.commit();
      // Ends `out` through the zip stream; resolves when `out` has finished.
      await Promise.race([workbook.commit(), failed]);
    },
  };
}

// A cell starting like a formula runs as one when a CSV is opened in Excel (CSV injection): quoted with a leading '.
const formulaLike = /^[=+\-@\t\r]/;

function csvWriter(out: Writable, { headers }: SheetWriterOptions): SheetWriter {
  // The BOM makes Excel read the file as UTF-8, so Indonesian names keep their letters.
  const stringifier = stringify({ bom: true, delimiter: ',', record_delimiter: 'windows' });
  const done = pipeline(stringifier, out);
  done.catch(() => {}); // surfaced by finish(); avoids an unhandled rejection before it is called
  const csvCell = (v: unknown) => {
    const cell = cellOf(v, false);
    if (cell === null) return '';
    if (typeof cell === 'string' && formulaLike.test(cell) && !/^[+-]?\d/.test(cell)) return `'${cell}`;
    return cell;
  };
  stringifier.write(headers);
  return {
    async addRow(values) {
      if (!stringifier.write(headers.map((_, i) => csvCell(values[i])))) await once(stringifier, 'drain');
    },
    async finish() {
      stringifier.end();
      await done;
    },
  };
}
