import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { composeNik } from '../src/shared/nik.js';
import { demo, logIn, nav } from './support.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A dinas-style workbook: a title row, Indonesian headers, 3 good rows, a bad NIK and a repeated NIK. */
async function sawanganWorkbook(): Promise<{ buffer: Buffer; goodNik: string }> {
  // Demo NIKs use serials below 3000; these never meet them.
  const serial = 7000 + Math.floor(Math.random() * 1000);
  const nik = (birthDate: string, sex: 'L' | 'P', n: number) =>
    composeNik({ districtCode: '32.76.03', birthDate, sex, serial: serial + n });
  const ani = nik('1988-03-12', 'P', 0);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Peserta');
  const rows: (string | number)[][] = [
    ['Daftar Peserta WUB Kecamatan Sawangan 2026'],
    ['No KTP', 'Nama Lengkap', 'No HP/WA', 'Kecamatan', 'Kelurahan/Desa', 'Nama Usaha', 'Omzet per Bulan'],
    [ani, 'Ani Suryani', '081234500001', 'Sawangan', 'Pasir Putih', 'Kue Basah Bu Ani', 3000000],
    [nik('1991-07-04', 'L', 1), 'Bambang Wijaya', '081234500002', 'Sawangan', 'Bedahan', 'Bengkel Bambang', 5000000],
    [nik('1985-11-23', 'P', 2), 'Citra Lestari', '081234500003', 'Sawangan', 'Pengasinan', 'Jahit Citra', 2500000],
    ['3276031234', 'Dedi Salah Ketik', '081234500004', 'Sawangan', 'Pasir Putih', 'Warung Dedi', 1000000],
    [ani, 'Ani Suryani', '081234500001', 'Sawangan', 'Pasir Putih', 'Kue Basah Bu Ani', 3000000],
  ];
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r;
  });
  // NIKs are text, as a careful clerk stores them (a number would lose digits).
  ws.getColumn(1).numFmt = '@';
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), goodNik: ani };
}

test('a program admin imports an Excel file through the wizard and downloads the rejected rows', async ({ page }) => {
  test.setTimeout(120_000);
  const { buffer, goodNik } = await sawanganWorkbook();
  await logIn(page, demo.programAdmin);
  await nav(page, 'imports', 'Impor data').click();
  await expect(page).toHaveURL(/\/imports$/);
  await page.getByTestId('import-new').click();
  await expect(page).toHaveURL(/\/imports\/new$/);

  // 1. The file (the program admin works for one operator: no operator to choose).
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'peserta-sawangan.xlsx',
    mimeType: XLSX_TYPE,
    buffer,
  });

  // 2. Sheet and header row, guessed past the title row.
  await expect(page.getByTestId('import-step-layout')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('import-sheet')).toHaveValue('Peserta');
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  await expect(page.getByTestId('import-columns')).toContainText('A: No KTP');
  await page.getByTestId('import-next').click();

  // 3. The suggested mapping.
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await expect(page.getByTestId('map-nik')).toHaveValue('A: No KTP');
  await expect(page.getByTestId('map-fullName')).toHaveValue('B: Nama Lengkap');
  await expect(page.getByTestId('map-phone')).toHaveValue('C: No HP/WA');
  await expect(page.getByTestId('map-kecamatan')).toHaveValue('D: Kecamatan');
  await expect(page.getByTestId('map-kelurahan')).toHaveValue('E: Kelurahan/Desa');
  await expect(page.getByTestId('map-businessName')).toHaveValue('F: Nama Usaha');
  await expect(page.getByTestId('map-monthlyRevenue')).toHaveValue('G: Omzet per Bulan');
  await expect(page.getByTestId('map-email')).toHaveValue('');
  await expect(page.getByTestId('import-missing')).toHaveCount(0);
  await page.getByTestId('import-next').click();

  // 4. The preview: what each row will become, the problem under the NIK in plain words.
  await expect(page.getByTestId('import-step-preview')).toBeVisible();
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(5);
  const outcomes = ['ok', 'ok', 'ok', 'rejected', 'duplicate'];
  for (const [i, outcome] of outcomes.entries())
    await expect(rows.nth(i).getByTestId('outcome-badge')).toHaveAttribute('data-outcome', outcome);
  await expect(rows.nth(0).getByTestId('outcome-badge')).toHaveText('Akan diimpor');
  await expect(rows.nth(3).getByTestId('outcome-badge')).toHaveText('Ditolak');
  await expect(rows.nth(4).getByTestId('outcome-badge')).toHaveText('Duplikat');
  await expect(rows.nth(3).getByTestId('row-problem').first()).toContainText('NIK');
  await expect(page.getByTestId('preview-counts').locator('[data-outcome="ok"]')).toHaveText('Akan diimpor: 3');

  // 5. Start, then the report.
  await page.getByTestId('import-start').click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('count-imported')).toHaveText('3', { timeout: 60_000 });
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  await expect(page.getByTestId('count-duplicates')).toHaveText('1');
  await expect(page.getByTestId('count-updated')).toHaveText('0');
  await expect(page.getByTestId('count-total')).toHaveText('5');

  // The rows not imported, by tab, with their sheet row numbers (title on 1, headers on 2, data from 3).
  await expect(page.getByTestId('issue-row-no')).toHaveText(['6']);
  await page.getByTestId('issues-tab-duplicate').click();
  await expect(page.getByTestId('issue-row-no')).toHaveText(['7']);

  const download = page.waitForEvent('download');
  await page.getByTestId('import-download-rejected').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const cells = wb.worksheets[0].getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
  expect(cells).toContain('Alasan');
  expect(cells).toContain('Dedi Salah Ketik');
  expect(cells).toContain(goodNik);

  // The import can be found again in the history.
  await nav(page, 'imports', 'Impor data').click();
  await expect(page.getByTestId('import-row').first()).toContainText('peserta-sawangan.xlsx');
});

test('a program admin exports the filtered participant list to Excel', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, demo.programAdmin);
  await page.goto('/participants?kecamatan=32.76.03');
  await expect(page.getByTestId('participant-row').first()).toBeVisible();

  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-xlsx').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('export-ready')).toBeVisible();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  // The importer's headers, so the file can be edited and imported back.
  const header = [1, 2, 3]
    .map((n) => (sheet.getRow(n).values as unknown[]).map(String))
    .find((values) => values.includes('NIK'));
  expect(header).toContain('Kelurahan/Desa');
  expect(sheet.rowCount).toBeGreaterThan(1);
});
