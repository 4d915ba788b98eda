/**
 * Indonesian phone numbers arrive as `0812…`, `+62812…`, `62812…`, `812…` or with spaces and dashes;
 * they are one number, stored as `+62812…`. Returns undefined when it cannot be an Indonesian number.
 */
export function normalizePhone(input: string): string | undefined {
  const digits = input.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return undefined;
  let national: string;
  if (digits.startsWith('+62')) national = digits.slice(3);
  else if (digits.startsWith('62')) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else if (digits.startsWith('8'))
    national = digits; // leading zero lost in a spreadsheet
  else return undefined;
  if (national.startsWith('0')) return undefined;
  // Mobile numbers are 8xx with 9–12 digits in all; landlines (area code 2x–9x) 7–11 digits.
  if (!/^[2-9]\d{6,11}$/.test(national)) return undefined;
  return `+62${national}`;
}

/** `+6281234567890` → `0812-3456-7890`, the way Indonesians write it. */
export function formatPhone(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const n = `0${e164.slice(3)}`;
  return n.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
