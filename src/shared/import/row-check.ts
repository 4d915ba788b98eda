import type { LegalForm, NikValue, SalesChannel } from './cells.js';
import {
  type CellResult,
  isBlankCell,
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
} from './cells.js';
import { type ColumnMapping, type ImportField, importFieldHeaders, importFields } from './fields.js';
import type { RegionCandidate, RegionMatcher } from './region-match.js';

/**
 * Checks one spreadsheet row into the data a registration needs, collecting every problem of the row at once so a
 * clerk fixes the file in one pass. Sex and birth date come from the NIK; a file that states them must agree.
 */
export type ImportProblem = {
  field: ImportField;
  code: string;
  message: string;
  en: string;
  candidates?: Array<{ code: string; name: string }>;
};
export type ImportBusiness = {
  name: string;
  kbli: string | null;
  productType: string | null;
  legalForm: LegalForm | null;
  nib: string | null;
  foundedOn: string | null;
  employeesMale: number;
  employeesFemale: number;
  monthlyRevenue: number | null;
  channels: SalesChannel[];
};
export type ImportRow = {
  nik: string;
  fullName: string;
  sex: 'L' | 'P';
  birthDate: string;
  phone: string | null;
  email: string | null;
  ktpAddress: string | null;
  domicileAddress: string | null;
  domicileVillageCode: string;
  domicileDistrictCode: string;
  business: ImportBusiness | null;
};
export type RowCheckContext = { matcher: RegionMatcher; today: Date; districtExists(code: string): boolean };
export type RowCheckResult = { ok: true; row: ImportRow } | { ok: false; problems: ImportProblem[] };
type RawRow = Partial<Record<ImportField, unknown>>;

// Limits of the registration schema (`registrationInput`, `businessInput`).
const ADDRESS_MAX = 500;
const BUSINESS_TEXT_MAX = 200;

export function checkImportRow(raw: RawRow, ctx: RowCheckContext): RowCheckResult {
  const problems: ImportProblem[] = [];
  const report = (field: ImportField, code: string, message: string, en: string, candidates?: RegionCandidate[]) =>
    problems.push({ field, code, message, en, ...(candidates ? { candidates: candidates.map(candidateOf) } : {}) });
  const read = <T>(field: ImportField, result: CellResult<T>): T | null => {
    if (result.ok) return result.value;
    report(field, result.code, result.message.id, result.message.en);
    return null;
  };
  for (const field of ['nik', 'fullName', 'kelurahan'] as const)
    if (isBlankCell(raw[field]))
      report(
        field,
        'required',
        `${importFieldHeaders[field].id} wajib diisi`,
        `${importFieldHeaders[field].en} is required`,
      );

  const nik = read('nik', parseNikCell(raw.nik, { today: ctx.today, districtExists: ctx.districtExists }));
  const fullName = read('fullName', parsePersonNameCell(raw.fullName));
  const sex = read('sex', parseSexCell(raw.sex));
  const birthDate = read('birthDate', parseDateCell(raw.birthDate, { today: ctx.today }));
  if (nik && sex && sex !== nik.sex) {
    const [id, en] = nik.sex === 'P' ? ['perempuan', 'female'] : ['laki-laki', 'male'];
    report(
      'sex',
      'nik_mismatch',
      `Jenis kelamin tidak sesuai NIK (menurut NIK: ${id})`,
      `Sex does not match the NIK (${en})`,
    );
  }
  const born = nik ? birthDateOf(nik, birthDate) : null;
  if (nik && !born) {
    const shown = nik.birthDate.split('-').reverse().join('-');
    report(
      'birthDate',
      'nik_mismatch',
      `Tanggal lahir tidak sesuai NIK (menurut NIK: ${shown})`,
      `Birth date does not match the NIK (${shown})`,
    );
  }
  const phone = read('phone', parsePhoneCell(raw.phone));
  const email = read('email', parseEmailCell(raw.email));
  const ktpAddress = read('ktpAddress', parseTextCell(raw.ktpAddress, { max: ADDRESS_MAX }));
  const domicileAddress = read('domicileAddress', parseTextCell(raw.domicileAddress, { max: ADDRESS_MAX }));
  const place = resolvePlace(raw, ctx.matcher, report);
  const business = readBusiness(raw, ctx.today, read, report);

  if (problems.length > 0 || !nik || !fullName || !born || !place) return { ok: false, problems };
  return {
    ok: true,
    row: {
      nik: nik.nik,
      fullName,
      sex: nik.sex,
      birthDate: born,
      phone,
      email,
      ktpAddress,
      domicileAddress,
      domicileVillageCode: place.villageCode,
      domicileDistrictCode: place.districtCode,
      business,
    },
  };
}

/**
 * The NIK's two-digit year is read as the most recent past year; a file giving the same day a century earlier
 * (a participant born in 1925, not 2025) is believed. Any other difference is a mismatch (null).
 */
function birthDateOf(nik: NikValue, fromFile: string | null): string | null {
  if (!fromFile || fromFile === nik.birthDate) return nik.birthDate;
  const centuryEarlier = `${Number(nik.birthDate.slice(0, 4)) - 100}${nik.birthDate.slice(4)}`;
  return fromFile === centuryEarlier ? fromFile : null;
}

type Report = (field: ImportField, code: string, message: string, en: string, candidates?: RegionCandidate[]) => void;

/** "Pasir Putih, Sawangan": the kecamatan tells apart villages of the same name. */
function candidateOf(c: RegionCandidate): { code: string; name: string } {
  const within = c.districtName ?? c.regencyName;
  return { code: c.code, name: within ? `${c.name}, ${within}` : c.name };
}

function regionText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  return typeof cell === 'number' ? String(cell) : '';
}

/** The kelurahan decides the place; the kecamatan, when given, must contain it (or pick among namesakes). */
function resolvePlace(
  raw: RawRow,
  matcher: RegionMatcher,
  report: Report,
): { villageCode: string; districtCode: string } | null {
  const kel = regionText(raw.kelurahan);
  const kec = isBlankCell(raw.kecamatan) ? '' : regionText(raw.kecamatan);
  if (!kel) return null;
  const district = kec ? matcher.matchDistrict(kec) : undefined;
  const village = matcher.matchVillage(kel, district?.ok ? district.code : undefined);
  const placeOf = (code: string) => ({ villageCode: code, districtCode: code.slice(0, code.lastIndexOf('.')) });

  if (district && !district.ok) {
    // Two kecamatan of the same name (a national operator): the village may still say which one is meant.
    const inOne =
      village.ok &&
      district.code === 'ambiguous' &&
      district.candidates.some((c) => village.code.startsWith(`${c.code}.`));
    if (inOne) return placeOf(village.code);
    if (district.code === 'ambiguous')
      report(
        'kecamatan',
        'ambiguous',
        `Ada beberapa kecamatan bernama “${kec}” — pilih salah satu`,
        `Several kecamatan are called “${kec}” — choose one`,
        district.candidates,
      );
    else
      report(
        'kecamatan',
        'unknown',
        `Kecamatan “${kec}” tidak ditemukan di wilayah Anda`,
        `Kecamatan “${kec}” not found in your area`,
        district.candidates,
      );
  }
  if (village.ok) return district && !district.ok ? null : placeOf(village.code);
  if (district?.ok && isNamedElsewhere(matcher, kel)) {
    report(
      'kelurahan',
      'village_not_in_district',
      `Kelurahan/desa “${kel}” tidak ada di Kecamatan ${district.name}`,
      `Village “${kel}” is not in kecamatan ${district.name}`,
      village.candidates,
    );
    return null;
  }
  if (village.code === 'ambiguous')
    report(
      'kelurahan',
      'ambiguous',
      `Ada beberapa kelurahan/desa bernama “${kel}” — isi kolom Kecamatan atau pilih salah satu`,
      `Several villages are called “${kel}” — fill in the kecamatan or choose one`,
      village.candidates,
    );
  else
    report(
      'kelurahan',
      'unknown',
      `Kelurahan/desa “${kel}” tidak ditemukan di wilayah Anda`,
      `Village “${kel}” not found in your area`,
      village.candidates,
    );
  return null;
}

function isNamedElsewhere(matcher: RegionMatcher, kel: string): boolean {
  const anywhere = matcher.matchVillage(kel);
  return anywhere.ok || anywhere.code === 'ambiguous';
}

type Read = <T>(field: ImportField, result: CellResult<T>) => T | null;

/** A row without a business name has no business, unless it fills other business columns (then the name is missing). */
function readBusiness(raw: RawRow, today: Date, read: Read, report: Report): ImportBusiness | null {
  const name = read('businessName', parseTextCell(raw.businessName, { max: BUSINESS_TEXT_MAX }));
  const business = {
    kbli: read('kbli', parseKbliCell(raw.kbli)),
    productType: read('productType', parseTextCell(raw.productType, { max: BUSINESS_TEXT_MAX })),
    legalForm: read('legalForm', parseLegalFormCell(raw.legalForm)),
    nib: read('nib', parseNibCell(raw.nib)),
    // "Tahun Berdiri" columns hold only a year; it is what survival figures need.
    foundedOn: read('foundedOn', parseDateCell(raw.foundedOn, { today, yearOnly: true })),
    employeesMale: read('employeesMale', parseCountCell(raw.employeesMale)),
    employeesFemale: read('employeesFemale', parseCountCell(raw.employeesFemale)),
    monthlyRevenue: read('monthlyRevenue', parseRupiahCell(raw.monthlyRevenue)),
    channels: read('channels', parseChannelsCell(raw.channels)),
  };
  if (name === null) {
    // Zeros are what empty templates hold for a person who has no business yet.
    const filled = Object.values(business).some((v) => v !== null && v !== 0 && !(Array.isArray(v) && v.length === 0));
    if (filled && isBlankCell(raw.businessName))
      report(
        'businessName',
        'required',
        'Nama Usaha wajib diisi bila data usaha diisi',
        'Business name is required when business details are given',
      );
    return null;
  }
  return {
    name,
    ...business,
    employeesMale: business.employeesMale ?? 0,
    employeesFemale: business.employeesFemale ?? 0,
    channels: business.channels ?? [],
  };
}

/** True when no mapped cell (every cell, without a mapping) holds anything: blank rows between and after data. */
export function isBlankRow(cells: unknown[], mapping?: ColumnMapping): boolean {
  const columns = mapping ? Object.values(mapping) : [...cells.keys()];
  return columns.every((i) => isBlankCell(cells[i]));
}

/** The cells of one row by field, as `checkImportRow` takes them. */
export function rowValues(cells: unknown[], mapping: ColumnMapping): RawRow {
  const raw: RawRow = {};
  for (const field of importFields) {
    const column = mapping[field];
    if (column !== undefined) raw[field] = cells[column];
  }
  return raw;
}
