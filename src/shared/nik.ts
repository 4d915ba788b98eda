/**
 * NIK (Nomor Induk Kependudukan): 16 digits, no checksum.
 *   PP KK CC  DDMMYY  SSSS
 *   region of first registration (province, kab/kota, kecamatan) · birth date (women: day + 40) · serial
 * A valid structure does not prove a person exists; it catches the typos that reject records in aid data.
 */
export type NikProblem = 'format' | 'region' | 'birth_date' | 'serial';

export type NikResult =
  | { ok: true; nik: string; districtCode: string; sex: 'L' | 'P'; birthDate: string }
  | { ok: false; problem: NikProblem; message: { id: string; en: string } };

const messages: Record<NikProblem, { id: string; en: string }> = {
  format: { id: 'NIK harus 16 digit angka — periksa kembali KTP', en: 'NIK must be 16 digits — check the ID card' },
  region: { id: 'kode wilayah dalam NIK tidak dikenal', en: 'the region code in the NIK does not exist' },
  birth_date: { id: 'tanggal lahir dalam NIK tidak valid', en: 'the birth date in the NIK is not a valid date' },
  serial: { id: 'nomor urut dalam NIK tidak boleh 0000', en: 'the serial number in the NIK cannot be 0000' },
};

const fail = (problem: NikProblem): NikResult => ({ ok: false, problem, message: messages[problem] });

/** Strips the spaces, dots and dashes people type; Excel's scientific notation is NOT recovered (digits are lost). */
export function cleanNik(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Validates a NIK and derives sex and birth date. The two-digit year is read as the most recent year that is not
 * in the future (`05` → 2005, `90` → 1990). `districtExists` checks the region prefix against the Kemendagri data
 * when the caller has it (the server does; the browser checks the structure as the user types).
 */
export function parseNik(
  input: string,
  options: { today?: Date; districtExists?: (code: string) => boolean } = {},
): NikResult {
  const nik = cleanNik(input);
  if (!/^\d{16}$/.test(nik)) return fail('format');
  const districtCode = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  if (nik.slice(0, 2) === '00' || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return fail('region');
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: 'L' | 'P' = day > 40 ? 'P' : 'L';
  if (sex === 'P') day -= 40;
  const today = options.today ?? new Date();
  const thisYear = today.getUTCFullYear();
  let year = 2000 + yy;
  if (year > thisYear) year -= 100;
  if (!isRealDate(year, month, day)) return fail('birth_date');
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (birthDate > today.toISOString().slice(0, 10)) return fail('birth_date');
  if (nik.slice(12) === '0000') return fail('serial');
  if (options.districtExists && !options.districtExists(districtCode)) return fail('region');
  return { ok: true, nik, districtCode, sex, birthDate };
}

/** Builds the NIK that encodes these facts (demo data, tests and the data generator). */
export function composeNik(parts: { districtCode: string; birthDate: string; sex: 'L' | 'P'; serial: number }): string {
  const [y, m, d] = parts.birthDate.split('-').map(Number);
  const day = parts.sex === 'P' ? d + 40 : d;
  return `${parts.districtCode.replaceAll('.', '')}${String(day).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(parts.serial).padStart(4, '0')}`;
}

/** `3276xxxxxxxx0001`: region and serial stay visible so staff can tell records apart; the birth date does not. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}xxxxxxxx${nik.slice(12)}` : 'x'.repeat(nik.length);
}
