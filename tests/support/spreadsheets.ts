import ExcelJS from 'exceljs';

export type Cell = string | number | Date | boolean | null | undefined;

/** An .xlsx built in the test, one entry per sheet, cells typed as Excel would hold them (numbers, dates, text). */
export async function xlsxOf(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      // Keep blank rows blank: they must stay blank rows in the file, with the row numbers after them right.
      if (row.length) ws.getRow(i + 1).values = row.map((c) => (c === undefined ? null : c)) as ExcelJS.CellValue[];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text as Excel saves it: a delimiter of choice, quotes where needed, in UTF-8 or Windows-1252. */
export function csvOf(
  rows: Cell[][],
  options: { delimiter?: string; encoding?: 'utf8' | 'win1252'; bom?: boolean } = {},
) {
  const d = options.delimiter ?? ',';
  const text = rows
    .map((r) =>
      r
        .map((c) => {
          const s = c == null ? '' : String(c);
          return /["\r\n]/.test(s) || s.includes(d) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(d),
    )
    .join('\r\n');
  if (options.encoding === 'win1252') {
    // Latin-1 covers the letters Indonesian names borrow (é, ñ, ü), which is all a test needs of 1252.
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from((options.bom ? '\ufeff' : '') + text, 'utf8');
}

/** Reads a downloaded workbook's first sheet back as rows of cell values. */
export async function readXlsx(data: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}
