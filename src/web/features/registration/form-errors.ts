import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api.js';

const topFields = new Set([
  'nik',
  'fullName',
  'phone',
  'email',
  'ktpAddress',
  'domicileAddress',
  'domicileVillageCode',
  'trackId',
  'consent',
]);
const businessFields = new Set([
  'name',
  'kbli',
  'productType',
  'legalForm',
  'nib',
  'foundedOn',
  'preVenture',
  'address',
  'villageCode',
  'employeesMale',
  'employeesFemale',
  'monthlyRevenue',
  'channels',
]);
const nikProblems = new Set(['format', 'region', 'birth_date', 'serial']);

/** The form field a server path belongs to (`businesses.0.channels.2` → `businesses.0.channels`), if any. */
export function fieldOf(path: string): string | undefined {
  const p = path.replace(/^body\./, '');
  if (p === 'sex' || p === 'birthDate') return 'nik';
  if (topFields.has(p)) return p;
  const m = /^businesses\.(\d+)\.([A-Za-z]+)/.exec(p);
  if (m && businessFields.has(m[2])) return `businesses.${m[1]}.${m[2]}`;
  return undefined;
}

function messageOf(p: { path: string; message: string; code?: string }, t: TFunction): string {
  const field = fieldOf(p.path);
  if (field === 'nik' && p.code && nikProblems.has(p.code)) {
    return t(`registration.nikProblem.${p.code as 'format' | 'region' | 'birth_date' | 'serial'}`);
  }
  if (p.code === 'nik_mismatch') return t('registration.invalid.nikMismatch');
  if (p.code === 'outside_service_area') return t('registration.invalid.outsideArea');
  if (p.code === 'unknown_region') return t('registration.invalid.unknownRegion');
  return p.message;
}

/**
 * A failed registration as form errors by field path, plus the problems no field shows. A known NIK (409) marks the
 * NIK field; the page explains what to do next.
 */
export function serverFormErrors(err: unknown, t: TFunction): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!(err instanceof ApiError)) return { fields, other };
  if (err.code === 'PARTICIPANT_EXISTS') fields.nik = t('registration.nikExists');
  for (const p of err.fieldProblems) {
    const field = fieldOf(p.path);
    const message = messageOf(p, t);
    if (field && !fields[field]) fields[field] = message;
    else if (!field) other.push(message);
  }
  return { fields, other };
}

/** Brings the first marked field into view (a long form on a phone hides most of its errors). */
export function scrollToFirstError(): void {
  requestAnimationFrame(() => {
    const el =
      document.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      document.querySelector<HTMLElement>('.mantine-InputWrapper-error, .mantine-Input-error');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (el instanceof HTMLInputElement) el.focus({ preventScroll: true });
  });
}
