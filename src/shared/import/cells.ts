import { z } from 'zod';
import { parseNik } from '../nik.js';
import { businessInput, type legalForms, personName, salesChannels } from '../participants.js';
import { normalizePhone } from '../phone.js';

/**
 * Turns one spreadsheet cell into one clean value. Cells arrive as the reader gives them (string, number, boolean,
 * Date, null); every function answers `{ ok, value }` (value null for an empty cell) or a code with a message a
 * clerk can act on. Nothing is guessed where digits may have been lost: those cells are flagged for retyping.
 */
export type Message = { id: string; en: string };
export type CellFailure = { ok: false; code: string; message: Message };
export type CellResult<T> = { ok: true; value: T | null } | CellFailure;
export type LegalForm = (typeof legalForms)[number];
export type SalesChannel = (typeof salesChannels)[number];
export type NikValue = { nik: string; districtCode: string; sex: 'L' | 'P'; birthDate: string };

const empty = { ok: true, value: null } as const;
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (code: string, id: string, en: string): CellFailure => ({ ok: false, code, message: { id, en } });

/** Word lists written as `[value, 'word word word']`, looked up as one map. */
function wordTable<T>(groups: Array<[T, string]>): Map<string, T> {
  return new Map(groups.flatMap(([value, words]) => words.split(' ').map((w) => [w, value] as const)));
}

// Limits come from the registration schema, so an imported row can never hold what a form would refuse.
export const maxMonthlyRevenue = businessInput.shape.monthlyRevenue.unwrap().unwrap().maxValue ?? 100_000_000_000;
export const maxEmployees = businessInput.shape.employeesMale.unwrap().maxValue ?? 10_000;

// What clerks write into a cell that has nothing to say.
const placeholders = new Set(['n/a', 'na', '#n/a', 'tidak ada', 'tdk ada', 'belum ada', 'blm ada', 'nihil', 'kosong']);

export function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'number') return Number.isNaN(cell);
  if (typeof cell !== 'string') return false;
  const t = squash(cell).toLowerCase();
  return t === '' || /^[-–—._']+$/.test(t) || placeholders.has(t);
}

/** Trims and collapses every kind of whitespace, including the non-breaking and zero-width spaces of web copies. */
function squash(s: string): string {
  return s.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

function cellText(cell: unknown): string {
  if (typeof cell === 'string') return squash(cell);
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

/** A leading apostrophe is how people force Excel to keep a number as text; it is not part of the value. */
const idText = (cell: unknown) => cellText(cell).replace(/^['`‘’]+/, '');
const isScientific = (s: string) => /^\d+(?:[.,]\d+)?\s*e\s*\+?\d+$/i.test(s);

// ── identity ────────────────────────────────────────────────────────────────────────────────────────────────────

export function parseNikCell(
  cell: unknown,
  options: { today?: Date; districtExists?: (code: string) => boolean } = {},
): CellResult<NikValue> {
  if (isBlankCell(cell)) return empty;
  // Excel keeps 15 significant digits: the 16th is stored as 0, so a trailing 0 may not be the real digit.
  if (typeof cell === 'number' && cell >= 1e15 && cell < 1e16 && (cell % 10 === 0 || !Number.isSafeInteger(cell)))
    return fail(
      'nik_number',
      'NIK tersimpan sebagai angka di Excel sehingga digit terakhir bisa hilang — ketik ulang sebagai teks',
      'The NIK was stored as a number in Excel, so its last digit may be lost — retype it as text',
    );
  const text = idText(cell);
  if (isScientific(text))
    return fail(
      'nik_scientific',
      'NIK tertulis sebagai 3,27603E+15 sehingga digitnya hilang — ketik ulang NIK lengkap dari KTP sebagai teks',
      'The NIK reads like 3.27603E+15, so its digits are lost — retype the full NIK from the ID card as text',
    );
  if (/[x*]{4}/i.test(text))
    return fail(
      'nik_masked',
      'NIK tersamar (xxxx) — isi NIK lengkap dari KTP',
      'The NIK is masked (xxxx) — enter the full NIK from the ID card',
    );
  const r = parseNik(text, options);
  if (!r.ok) return { ok: false, code: r.problem, message: r.message };
  return ok({ nik: r.nik, districtCode: r.districtCode, sex: r.sex, birthDate: r.birthDate });
}

export function parsePersonNameCell(cell: unknown): CellResult<string> {
  if (cell instanceof Date) return excelDate;
  if (isBlankCell(cell)) return empty;
  // Curly and backtick apostrophes come from Word and phones; the name keeps its spelling otherwise.
  const text = cellText(cell).replace(/[‘’`´]/g, "'");
  const r = personName.safeParse(text);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  if (issue.code === 'too_small') return fail('name_too_short', issue.message, 'the name needs at least 2 letters');
  if (issue.code === 'too_big') return fail('too_long', 'nama terlalu panjang (maksimal 150 huruf)', 'name too long');
  return fail(
    'name_characters',
    issue.message,
    'a name may hold only letters, spaces, dots, commas, dashes and apostrophes',
  );
}

const sexWords = wordTable<'L' | 'P'>([
  ['L', 'l lk laki lakilaki lelaki pria m male man'],
  ['P', 'p pr prp perempuan wanita w f female woman'],
]);

export function parseSexCell(cell: unknown): CellResult<'L' | 'P'> {
  if (isBlankCell(cell)) return empty;
  const sex = sexWords.get(
    cellText(cell)
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
  return sex
    ? ok(sex)
    : fail('invalid_sex', 'Jenis kelamin tidak dikenal — isi L atau P', 'Unknown sex — use L (male) or P (female)');
}

// ── contact and text ────────────────────────────────────────────────────────────────────────────────────────────

const phoneInvalid = fail(
  'invalid_phone',
  'Nomor HP tidak valid — contoh: 0812-3456-7890',
  'Invalid phone number — e.g. 0812-3456-7890',
);

/** One number per person: a cell holding several ("0812… / 0857…") gives its first valid one. */
export function parsePhoneCell(cell: unknown): CellResult<string> {
  if (isBlankCell(cell)) return empty;
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell) || cell <= 0) return phoneInvalid;
    // A number cell never keeps a leading zero; 62… is the country code, anything else lost its 0.
    const digits = String(cell);
    return orFail(normalizePhone(digits.startsWith('62') ? digits : `0${digits}`), phoneInvalid);
  }
  for (const part of cellText(cell).split(/[/,;|&\n]|\s+(?:atau|dan|or)\s+/i)) {
    const phone = phoneOf(part) ?? part.split(' ').map(phoneOf).find(Boolean);
    if (phone) return ok(phone);
  }
  return phoneInvalid;
}

/** Labels ("WA:", "Telp.") and the "(0)" of "+62 (0)812…" are dropped before the number is read. */
function phoneOf(text: string): string | undefined {
  const digits = text.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  return digits ? normalizePhone(digits) : undefined;
}

const orFail = <T>(value: T | undefined, failure: CellFailure): CellResult<T> =>
  value === undefined ? failure : ok(value);

const emailSchema = z.email().max(254);

export function parseEmailCell(cell: unknown): CellResult<string> {
  if (isBlankCell(cell)) return empty;
  const parts = cellText(cell)
    .toLowerCase()
    .replace(/mailto:/g, '')
    .split(/[\s,;/]+/);
  return orFail(
    parts.find((p) => emailSchema.safeParse(p).success),
    fail('invalid_email', 'Email tidak valid — contoh: nama@gmail.com', 'Invalid email — e.g. name@gmail.com'),
  );
}

const excelDate = fail(
  'excel_date',
  'Excel mengubah isi sel ini menjadi tanggal — ketik ulang sebagai teks',
  'Excel turned this cell into a date — retype it as text',
);

export function parseTextCell(cell: unknown, options: { max: number }): CellResult<string> {
  // "01/02" (RT/RW) becomes 1 February in Excel; the original text cannot be told from the date.
  if (cell instanceof Date) return excelDate;
  if (isBlankCell(cell)) return empty;
  const text = cellText(cell);
  if (text.length > options.max)
    return fail(
      'too_long',
      `Terlalu panjang (maksimal ${options.max} karakter)`,
      `Too long (at most ${options.max} characters)`,
    );
  return ok(text);
}

// ── dates ───────────────────────────────────────────────────────────────────────────────────────────────────────

// Indonesian and English names and the abbreviations clerks use (Agt, Nop, Peb).
const monthWords = wordTable<number>([
  [1, 'jan januari january'],
  [2, 'feb peb februari pebruari february'],
  [3, 'mar maret march'],
  [4, 'apr april'],
  [5, 'mei may'],
  [6, 'jun juni june'],
  [7, 'jul juli july'],
  [8, 'agu agt ags agst agus agustus aug august'],
  [9, 'sep sept september'],
  [10, 'okt oktober oct october'],
  [11, 'nov nop november nopember'],
  [12, 'des desember dec december'],
]);

const dateInvalid = fail(
  'invalid_date',
  'Tanggal tidak terbaca — tulis seperti 17-08-1990',
  'Unreadable date — write it like 17-08-1990',
);
const dateImpossible = fail(
  'date_impossible',
  'Tanggal tidak ada di kalender (mis. 31 Februari)',
  'This date does not exist (e.g. 31 February)',
);
const yearOnly = fail(
  'date_year_only',
  'Hanya tahun — tulis tanggal lengkap, mis. 17-08-1990',
  'Only a year — write the full date, e.g. 17-08-1990',
);

type DateParts = { y: number; m: number; d: number; shortYear?: boolean };

/**
 * Reads a date into `YYYY-MM-DD`: Excel date cells and serial numbers, ISO, day-month-year with any separator,
 * Indonesian and English month names. Two-digit years are the most recent year not after `today`. Dates after
 * `today` are refused (imports record births and foundings). `yearOnly: true` reads a bare year (a "Tahun
 * Berdiri" column) as 1 January of that year.
 */
export function parseDateCell(cell: unknown, options: { today?: Date; yearOnly?: boolean } = {}): CellResult<string> {
  if (isBlankCell(cell)) return empty;
  const today = options.today ?? new Date();
  let parts: DateParts | 'impossible' | undefined;
  if (cell instanceof Date) parts = Number.isNaN(cell.getTime()) ? undefined : partsOfDate(cell);
  else if (typeof cell === 'number') parts = partsOfNumber(cell);
  else if (typeof cell === 'string') {
    const text = squash(cell).toLowerCase();
    // "Depok, 17-08-1990" is how a TTL (tempat, tanggal lahir) column is written.
    parts =
      partsOfText(text) ?? (text.includes(',') ? partsOfText(text.slice(text.indexOf(',') + 1).trim()) : undefined);
  }
  if (parts === 'impossible') return dateImpossible;
  if (!parts) return dateInvalid;
  if (parts.m === 0) {
    if (!options.yearOnly) return yearOnly;
    parts = { ...parts, m: 1, d: 1 };
  }
  let y = parts.y;
  if (parts.shortYear) {
    y += 2000;
    if (y > today.getUTCFullYear()) y -= 100;
  }
  if (y < 1900 || !isRealDate(y, parts.m, parts.d)) return dateImpossible;
  const iso = `${y}-${pad(parts.m, 2)}-${pad(parts.d, 2)}`;
  if (iso > today.toISOString().slice(0, 10))
    return fail('date_future', 'Tanggal belum terjadi (di masa depan)', 'The date is in the future');
  return ok(iso);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Readers give date cells as UTC midnight, some as local midnight: the nearest UTC midnight is the day meant. */
function partsOfDate(date: Date): DateParts {
  const noon = new Date(date.getTime() + 12 * 3600_000);
  return { y: noon.getUTCFullYear(), m: noon.getUTCMonth() + 1, d: noon.getUTCDate() };
}

function partsOfNumber(n: number): DateParts | 'impossible' | undefined {
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return { y: n, m: 0, d: 0 }; // a year, not serial 1900 (1905)
  if (Number.isInteger(n) && n >= 1e7 && n < 1e8) return partsOfDigits(String(n)); // 17081990 typed without separators
  return partsOfSerial(n);
}

/**
 * Excel serial day numbers count from 1900-01-01 = 1 and include 1900-02-29 (serial 60), a day that never
 * existed (Lotus 1-2-3's leap-year bug, kept for compatibility): serials after it are one day ahead.
 */
function partsOfSerial(serial: number): DateParts | 'impossible' | undefined {
  const day = Math.floor(serial + 1e-6); // the fraction is the time of day
  if (!(day >= 1 && day <= 2_958_465)) return undefined;
  if (day === 60) return 'impossible';
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return partsOfDate(new Date(epoch + day * 86_400_000));
}

/** `19900817` or `17081990`: year first when it reads as a plausible year and a real date. */
function partsOfDigits(s: string): DateParts {
  const ymd = { y: Number(s.slice(0, 4)), m: Number(s.slice(4, 6)), d: Number(s.slice(6, 8)) };
  if (ymd.y >= 1900 && ymd.y <= 2100 && isRealDate(ymd.y, ymd.m, ymd.d)) return ymd;
  return { d: Number(s.slice(0, 2)), m: Number(s.slice(2, 4)), y: Number(s.slice(4, 8)) };
}

const year = (s: string): Pick<DateParts, 'y' | 'shortYear'> => ({ y: Number(s), shortYear: s.length === 2 });

function partsOfText(raw: string): DateParts | 'impossible' | undefined {
  // A weekday in front ("Jumat, 17 Agustus 1990") and a time behind ("1990-08-17 00:00:00") say nothing more.
  const t = raw
    .replace(/^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*/, '')
    .replace(/[ t]\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Indonesian order is day-month; month-day is read only where no other reading exists (08/17/1990).
    return b > 12 && a <= 12 ? { d: b, m: a, ...year(m[3]) } : { d: a, m: b, ...year(m[3]) };
  }
  m = /^(\d{1,2})[-/. ]*([a-z]+)\.?[-/., ]*(\d{4}|\d{2})$/.exec(t);
  if (m) return monthWords.has(m[2]) ? { d: Number(m[1]), m: monthWords.get(m[2])!, ...year(m[3]) } : undefined;
  m = /^([a-z]+)\.?[-/ ]*(\d{1,2})(?:st|nd|rd|th)?,?[-/ ]*(\d{4}|\d{2})$/.exec(t);
  if (m) return monthWords.has(m[1]) ? { d: Number(m[2]), m: monthWords.get(m[1])!, ...year(m[3]) } : undefined;
  if (/^\d{8}$/.test(t)) return partsOfDigits(t);
  if (/^\d{4}$/.test(t)) return { y: Number(t), m: 0, d: 0 };
  // A date cell exported to CSV without its format shows the serial (5 digits: 1927–2173).
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return partsOfSerial(Number(t));
  return undefined;
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads digits with Indonesian or English separators: several separators or one followed by exactly three digits
 * group thousands (`1.500.000`, `1,500,000`, `1.500`); one followed by other digit counts is a decimal point
 * (`1,5`, `1.25`); with both kinds, the last one is the decimal point (`1.500.000,00`, `1,500,000.00`).
 */
export function readNumber(s: string): number | undefined {
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const [whole, fraction, ...rest] = s.split(decimal);
    if (rest.length > 0 || !fraction || !isGrouped(whole, decimal === '.' ? ',' : '.')) return undefined;
    return Number(`${whole.replace(/[.,]/g, '')}.${fraction}`);
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!sep) return Number(s);
  const groups = s.split(sep);
  if (groups.length === 2 && groups[1].length !== 3) return groups[1] ? Number(`${groups[0]}.${groups[1]}`) : undefined;
  return isGrouped(s, sep) ? Number(groups.join('')) : undefined;
}

function isGrouped(s: string, sep: string): boolean {
  const [first, ...rest] = s.split(sep);
  if (rest.length === 0) return /^\d+$/.test(first);
  return /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

// Indonesian "M" is miliar (10^9), not million.
const rupiahUnits = wordTable<number>([
  [1, ''],
  [1e3, 'k rb rbu ribu'],
  [1e6, 'j jt jta juta'],
  [1e9, 'm mil miliar milyar'],
  [1e12, 't triliun'],
]);

const rupiahInvalid = fail(
  'invalid_rupiah',
  'Nilai rupiah tidak terbaca — tulis seperti 1.500.000 atau 1,5 jt',
  'Unreadable amount — write it like 1.500.000 or 1,5 jt',
);
const negative = fail('negative', 'Nilai tidak boleh negatif', 'The value cannot be negative');

/** `Rp 1.500.000`, `Rp1.500.000,00`, `1,5 jt`, `1 jt 500 rb`, `2 rb`, `1 M`, numeric cells → integer rupiah. */
export function parseRupiahCell(cell: unknown, options: { max?: number } = {}): CellResult<number> {
  if (isBlankCell(cell)) return empty;
  let amount: number | undefined;
  let unitWritten = false;
  if (typeof cell === 'number') amount = Number.isFinite(cell) ? cell : undefined;
  else if (typeof cell === 'string') {
    const t = squash(cell)
      .toLowerCase()
      .replace(/rupiah|idr|rp\.?/g, '')
      .replace(/\s*(?:\/|per|se)\s*(?:bulan|bln|bl)\b/g, '')
      .replace(/\s+/g, '')
      .replace(/[.,]-$/, '');
    if (/^-\d|^\(.*\)$/.test(t)) return negative;
    amount = sumWithUnits(t);
    unitWritten = /[a-z]/.test(t);
  }
  if (amount === undefined) return rupiahInvalid;
  if (amount < 0) return negative;
  // "Rp 1,5" almost surely meant 1,5 juta: the clerk must say which unit rather than us guessing.
  if (!unitWritten && amount < 1000 && !Number.isInteger(amount))
    return fail('rupiah_unclear', 'Tulis satuannya, mis. 1,5 jt', 'Write the unit, e.g. 1,5 jt');
  return withinMax(Math.round(amount), options.max ?? maxMonthlyRevenue);
}

/** `1jt500rb` = 1.5 million: with several parts each needs a unit, falling from left to right. */
function sumWithUnits(t: string): number | undefined {
  const pieces = [...t.matchAll(/(\d[\d.,]*)([a-z]*)/g)];
  if (pieces.length === 0 || pieces.map((p) => p[0]).join('') !== t) return undefined;
  let total = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const [, digits, word] of pieces) {
    const unit = rupiahUnits.get(word);
    const n = readNumber(digits.replace(/[.,]$/, ''));
    if (unit === undefined || n === undefined || unit >= lastUnit) return undefined;
    if (pieces.length > 1 && word === '') return undefined; // "1 jt 500": 1.000.500 or 1.500.000?
    total += n * unit;
    lastUnit = unit;
  }
  return total;
}

function withinMax(n: number, max: number): CellResult<number> {
  if (n <= max) return ok(n);
  return fail(
    'too_large',
    `Nilai terlalu besar (maksimal ${max.toLocaleString('id-ID')})`,
    `Value too large (at most ${max.toLocaleString('en')})`,
  );
}

const countWords = new Map(
  'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh'.split(' ').map((w, n) => [w, n] as const),
);

/** Non-negative whole numbers such as employees: `3`, `3 orang`, `tiga`. */
export function parseCountCell(cell: unknown, options: { max?: number } = {}): CellResult<number> {
  if (isBlankCell(cell)) return empty;
  const max = options.max ?? maxEmployees;
  const invalid = fail('invalid_count', 'Isi dengan angka bulat, mis. 3', 'Use a whole number, e.g. 3');
  let n: number | undefined;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const t = squash(cell)
      .toLowerCase()
      .replace(/\b(orang|org|karyawan|pekerja|pegawai|tenaga kerja|tk|jiwa|people|persons?|employees?)\b\.?/g, '')
      .trim();
    if (/^-\s*\d/.test(t)) return negative;
    n = countWords.get(t) ?? readNumber(t);
  }
  if (n === undefined || !Number.isFinite(n)) return invalid;
  if (n < 0) return negative;
  if (!Number.isInteger(n)) return invalid;
  return withinMax(n, max);
}

// ── business identifiers and vocabulary ────────────────────────────────────────────────────────────────────────

/**
 * KBLI 2020 codes are five digits; the first section (agriculture, 01–03) starts with 0, which a number cell drops.
 * A description after the code ("10792 - Industri Kue Basah") is ignored.
 */
export function parseKbliCell(cell: unknown): CellResult<string> {
  if (isBlankCell(cell)) return empty;
  const invalid = fail('invalid_kbli', 'KBLI harus 5 digit, mis. 10792', 'KBLI must be 5 digits, e.g. 10792');
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : '') : idText(cell);
  const m = /^(?:kbli\s*:?\s*)?(\d{4,5})(?!\d)(?:\s*[-–—:,.]?\s*\D.*)?$/i.exec(text);
  if (!m) return invalid;
  if (m[1].length === 5) return ok(m[1]);
  // Only codes of divisions 01–03 start with 0: 011xx–017xx, 021xx–024xx, 031xx–032xx.
  return /^(1[1-7]|2[1-4]|3[12])/.test(m[1]) ? ok(`0${m[1]}`) : invalid;
}

/** NIB (Nomor Induk Berusaha, OSS): 13 digits; 13 digits fit a number cell without loss. */
export function parseNibCell(cell: unknown): CellResult<string> {
  if (isBlankCell(cell)) return empty;
  const text = idText(cell);
  if (isScientific(text))
    return fail(
      'nib_scientific',
      'NIB tertulis sebagai 9,12E+12 sehingga digitnya hilang — ketik ulang sebagai teks',
      'The NIB reads like 9.12E+12, so its digits are lost — retype it as text',
    );
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{13}$/.test(digits)
    ? ok(digits)
    : fail('invalid_nib', 'NIB harus 13 digit angka', 'The NIB must be 13 digits');
}

const legalFormWords: Array<[RegExp, LegalForm]> = [
  [/^(pt|perseroan) (perorangan|perseorangan|individu)\b/, 'pt_perorangan'],
  [/^(pt|perseroan terbatas)\b/, 'pt'],
  [/^(cv|persekutuan komanditer|commanditaire)\b/, 'cv'],
  [/^(perorangan|perseorangan|ud|usaha dagang|usaha perorangan|individu|pribadi|sole)\b/, 'perorangan'],
  [/^(belum|tidak|non|tanpa) (ber)?badan hukum|^(usaha )?(mikro|rumahan|rumah tangga)\b/, 'perorangan'],
  [/^(koperasi|kop|kopwan)\b/, 'koperasi'],
  [/^(firma|fa)\b/, 'firma'],
];

/** Maps what people write onto the legal forms; any other form (yayasan, BUMDes…) is `lainnya`. */
export function parseLegalFormCell(cell: unknown): CellResult<LegalForm> {
  if (isBlankCell(cell)) return empty;
  const t = cellText(cell)
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return ok(legalFormWords.find(([re]) => re.test(t))?.[1] ?? 'lainnya');
}

// Short words must match a whole word ("wa" is not in "warung"); longer ones may be part of one ("tiktokshop").
const channelWords: Array<[RegExp, SalesChannel]> = [
  [/\b(wa|wag|wab)\b|whats ?app/, 'whatsapp'],
  [/\b(ig)\b|insta/, 'instagram'],
  [/\b(fb)\b|facebook/, 'facebook'],
  [/tik ?tok/, 'tiktok'],
  [/shopee|tokopedia|tokped|lazada|bukalapak|blibli|marketplace|e ?commerce|olshop|online shop/, 'marketplace'],
  [/reseller|dropship|\bagen\b|konsinyasi|titip/, 'reseller'],
  [/bazaa?r|pameran|\bexpo\b/, 'bazaar'],
  [/\b(toko|outlet|gerai|kios|lapak|warung)\b/, 'outlet'],
  [/offline|langsung|door to door|keliling|\bdi rumah\b/, 'offline'],
];

/** Comma, slash or semicolon separated words → the channel vocabulary; a word nobody knows is `other`. */
export function parseChannelsCell(cell: unknown): CellResult<SalesChannel[]> {
  if (isBlankCell(cell)) return empty;
  const found = new Set<SalesChannel>();
  for (const part of cellText(cell)
    .toLowerCase()
    .split(/[,/;|&+\n]|\s+(?:dan|and)\s+/)) {
    const t = part.replace(/[^a-z0-9]+/g, ' ').trim();
    if (!t) continue;
    const hits = channelWords.filter(([re]) => re.test(t)).map(([, channel]) => channel);
    for (const channel of hits.length > 0 ? hits : (['other'] as const)) found.add(channel);
  }
  return found.size > 0 ? ok(salesChannels.filter((c) => found.has(c))) : empty;
}
