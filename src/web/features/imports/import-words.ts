import type { TFunction } from 'i18next';
import { formatNumber } from '../../../shared/format.js';
import { type ImportField, importFieldHeaders, importFields } from '../../../shared/import/fields.js';
import { useLanguage } from '../../app/i18n/index.js';

export const isImportField = (v: unknown): v is ImportField =>
  typeof v === 'string' && (importFields as readonly string[]).includes(v);

/** A Sentra field by the header it has in spreadsheets, in the language on screen (`fullName` → "Nama Lengkap"). */
export function useFieldLabel(): (field: string | null | undefined) => string {
  const lang = useLanguage();
  return (field) => (isImportField(field) ? importFieldHeaders[field][lang] : (field ?? ''));
}

/** 0 → A, 25 → Z, 26 → AA: the column as Excel names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "± 12 detik lagi", "± 3 menit lagi", "± 1 jam 20 menit lagi". */
export function etaWords(seconds: number, t: TFunction): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return t('imports.eta.seconds', { n: formatNumber(s) });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t('imports.eta.minutes', { n: formatNumber(minutes) });
  return t('imports.eta.hours', { h: formatNumber(Math.floor(minutes / 60)), m: formatNumber(minutes % 60) });
}

/** A cleaned cell as text: lists joined, nothing as a dash. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
