const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('id-ID');

/** Integer rupiah → `Rp 1.500.000` (money is formatted only at the edge). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount).replace(/\u00a0/g, ' ');
}

export function formatNumber(n: number): string {
  return number.format(n);
}

/** `2026-08-17` or a Date → `17 Agu 2026` in Bahasa Indonesia, `17 Aug 2026` in English. */
export function formatDate(value: string | Date, locale: 'id' | 'en' = 'id'): string {
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function formatDateTime(value: string | Date, locale: 'id' | 'en' = 'id', timeZone = 'Asia/Jakarta'): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(d);
}
