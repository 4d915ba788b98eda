import { formatDate, formatDateTime, formatNumber } from '../../shared/format.js';
import { formatPhone } from '../../shared/phone.js';
import { useLanguage } from './i18n/index.js';

/** Formatters bound to the language on screen; a missing value shows as a dash. */
export function useFormat() {
  const lang = useLanguage();
  return {
    date: (v: string | null | undefined) => (v ? formatDate(v, lang) : '—'),
    dateTime: (v: string | null | undefined) => (v ? formatDateTime(v, lang) : '—'),
    number: (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n)),
    phone: (v: string | null | undefined) => (v ? formatPhone(v) : '—'),
  };
}
