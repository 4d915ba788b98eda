// Calendar arithmetic on `YYYY-MM-DD` days: programs count in WIB (UTC+7, no daylight saving), so a day string
// is handled as a UTC date and a timestamp is read at +07:00.

import { addDays } from '../../../shared/dates.js';

export { addDays };

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today in Jakarta as `YYYY-MM-DD`. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `day` (Indonesian calendars start on Monday). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** `2026-08` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The WIB day of a timestamp. */
export function dayOfWib(iso: string): string {
  return new Date(new Date(iso).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The WIB clock time of a timestamp, `09:30`. */
export function timeOfWib(iso: string): string {
  return new Date(new Date(iso).getTime() + WIB_OFFSET_MS).toISOString().slice(11, 16);
}

/** Minutes since midnight of `HH:MM`, or NaN. */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** How many slots of `minutes` fit between `from` and `to` (the last, shorter remainder is not a slot). */
export function slotCount(from: string, to: string, minutes: number): number {
  const span = minutesOf(to) - minutesOf(from);
  if (!(span > 0) || !(minutes > 0)) return 0;
  return Math.floor(span / minutes);
}
