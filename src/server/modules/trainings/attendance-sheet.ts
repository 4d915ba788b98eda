import ExcelJS from 'exceljs';
import { dateRange, type EnrollmentStatus } from '../../../shared/trainings.js';
import type { RosterRow } from './roster.js';
import { placeOf } from './trainings-common.js';
import type { WaveDetail } from './wave-views.js';

const statusText: Record<EnrollmentStatus, string> = {
  enrolled: 'Terdaftar',
  waitlisted: 'Daftar tunggu',
  cancelled: 'Batal',
  completed: 'Lulus',
  not_completed: 'Tidak lulus',
};

const shortDate = (d: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${d}T00:00:00Z`),
  );

/**
 * The attendance sheet of a wave, as trainers print it and offices file it: a title block (course, wave, dates,
 * place), then one row per seated member with one column per day (✓, "terlambat" or blank), days attended, status and
 * certificate serial.
 */
export async function attendanceSheet(wave: WaveDetail, rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sentra';
  const ws = wb.addWorksheet('Daftar hadir', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const days = wave.sessions;
  const header = [
    'No',
    'Nama',
    'NIK',
    'Kecamatan',
    'Kelurahan',
    ...days.map((s) => `Hari ${s.dayNo} (${shortDate(s.date)})`),
    'Hari hadir',
    'Status',
    'No. sertifikat',
  ];
  ws.addRow([`Daftar hadir pelatihan: ${wave.course.title}`]).font = { bold: true, size: 14 };
  ws.addRow([`Gelombang: ${wave.name}`]);
  ws.addRow([`Tanggal: ${dateRange(wave.startsOn, wave.endsOn)}`]);
  ws.addRow([`Tempat: ${placeOf(wave)}`]);
  ws.addRow([`Pelatih: ${wave.trainerName ?? '-'}`, '', '', '', '', `Wajib hadir: ${wave.requiredDays} hari`]);
  ws.addRow([]);
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F5FF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const seated = rows.filter((r) => r.status !== 'waitlisted' && r.status !== 'cancelled');
  seated.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.fullName,
      r.nikMasked,
      r.districtName,
      r.villageName,
      ...days.map((s) => {
        const mark = r.attendance[s.id];
        return mark ? (mark.late ? 'terlambat' : '✓') : null;
      }),
      r.daysAttended,
      statusText[r.status],
      r.certificate && !r.certificate.revoked ? r.certificate.serial : null,
    ]);
  });
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 5 : i === 1 ? 32 : i < 5 ? 20 : i < 5 + days.length ? 14 : 16;
  });
  ws.views = [{ state: 'frozen', ySplit: 7, xSplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
