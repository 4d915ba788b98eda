import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWib, slotCount, timeOfWib, todayWib, weekDays, weekStart } from './dates.js';

describe('mentoring dates', () => {
  it('counts the day in Jakarta, not in UTC', () => {
    // 18:30 UTC on the 16th is already 01:30 on the 17th in WIB.
    expect(todayWib(new Date('2026-08-16T18:30:00Z'))).toBe('2026-08-17');
    expect(dayOfWib('2026-08-16T18:30:00Z')).toBe('2026-08-17');
    expect(timeOfWib('2026-08-17T02:00:00Z')).toBe('09:00');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });

  it('starts a week on Monday', () => {
    expect(weekStart('2026-08-17')).toBe('2026-08-17'); // a Monday
    expect(weekStart('2026-08-23')).toBe('2026-08-17'); // the Sunday after
    expect(weekStart('2026-08-19')).toBe('2026-08-17');
    expect(weekDays('2026-08-17')).toHaveLength(7);
    expect(weekDays('2026-08-17')[6]).toBe('2026-08-23');
  });

  it('splits a clinic window into whole slots', () => {
    expect(slotCount('09:00', '12:00', 30)).toBe(6);
    expect(slotCount('09:00', '10:40', 30)).toBe(3);
    expect(slotCount('12:00', '09:00', 30)).toBe(0);
    expect(slotCount('9:00', '10:00', 30)).toBe(0);
  });
});
