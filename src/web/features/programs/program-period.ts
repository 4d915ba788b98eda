import { formatDate } from '../../../shared/format.js';
import type { Language } from '../../app/i18n/index.js';

/** "1 Jan 2024 – 31 Des 2026". */
export function programPeriod(p: { startsOn: string; endsOn: string }, lang: Language): string {
  return `${formatDate(p.startsOn, lang)} – ${formatDate(p.endsOn, lang)}`;
}

/** The calendar years a program runs through, first to last. */
export function programYears(p: { startsOn: string; endsOn: string }): number[] {
  const from = Number(p.startsOn.slice(0, 4));
  const to = Number(p.endsOn.slice(0, 4));
  const years: number[] = [];
  for (let y = from; y <= to && years.length < 50; y++) years.push(y);
  return years;
}
