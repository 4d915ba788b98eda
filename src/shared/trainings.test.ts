import { describe, expect, it } from 'vitest';
import {
  certificateSerial,
  completionRate,
  dateRange,
  inAudience,
  isLate,
  registrationOpen,
  waveInput,
  waveProblems,
} from './trainings.js';

describe('isLate', () => {
  const session = { date: '2026-03-10', startsAt: '08:00' };
  it('allows 15 minutes after the start in WIB (UTC+7)', () => {
    expect(isLate(new Date('2026-03-10T00:30:00Z'), session)).toBe(false); // 07:30 WIB, early
    expect(isLate(new Date('2026-03-10T01:15:00Z'), session)).toBe(false); // 08:15 WIB
    expect(isLate(new Date('2026-03-10T01:15:01Z'), session)).toBe(true);
    expect(isLate(new Date('2026-03-10T06:00:00Z'), session)).toBe(true);
  });
  it('reads a start before 07:00 WIB on the right UTC day', () => {
    expect(isLate(new Date('2026-03-09T23:10:00Z'), { date: '2026-03-10', startsAt: '06:00' })).toBe(false);
    expect(isLate(new Date('2026-03-09T23:20:00Z'), { date: '2026-03-10', startsAt: '06:00' })).toBe(true);
  });
});

describe('certificates and rates', () => {
  it('numbers serials by year with six digits, more when needed', () => {
    expect(certificateSerial(2026, 123)).toBe('SNTR-2026-000123');
    expect(certificateSerial(2027, 1_234_567)).toBe('SNTR-2027-1234567');
  });
  it('rates completion over decided members only', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(completionRate(3, 1)).toBe(0.75);
  });
  it('writes wave dates the Indonesian way', () => {
    expect(dateRange('2026-03-10', '2026-03-10')).toBe('10 Maret 2026');
    expect(dateRange('2026-03-10', '2026-03-12')).toBe('10–12 Maret 2026');
    expect(dateRange('2026-03-30', '2026-04-02')).toBe('30 Maret – 2 April 2026');
    expect(dateRange('2026-12-30', '2027-01-02')).toBe('30 Desember 2026 – 2 Januari 2027');
  });
});

describe('audience and registration', () => {
  const member = { districtCode: '32.76.03', programIds: ['p1'], trackIds: ['t1'] };
  const open = { districtCodes: [] as string[], programId: null, trackId: null };
  it('opens a wave to the kecamatan, program and track it names', () => {
    expect(inAudience(open, member)).toBe(true);
    expect(inAudience({ ...open, districtCodes: ['32.76.03', '32.76.06'] }, member)).toBe(true);
    expect(inAudience({ ...open, districtCodes: ['32.76.06'] }, member)).toBe(false);
    expect(inAudience({ ...open, programId: 'p1', trackId: 't1' }, member)).toBe(true);
    expect(inAudience({ ...open, programId: 'p2' }, member)).toBe(false);
    expect(inAudience({ ...open, trackId: 't2' }, member)).toBe(false);
  });
  it('closes registration after the deadline, or after the first day without one', () => {
    const wave = { status: 'scheduled', registrationDeadline: '2026-03-05', startsOn: '2026-03-10' };
    expect(registrationOpen(wave, '2026-03-05')).toBe(true);
    expect(registrationOpen(wave, '2026-03-06')).toBe(false);
    expect(registrationOpen({ ...wave, registrationDeadline: null }, '2026-03-10')).toBe(true);
    expect(registrationOpen({ ...wave, status: 'cancelled' }, '2026-03-01')).toBe(false);
  });
});

describe('wave rules', () => {
  const days = [
    { date: '2026-03-10', startsAt: '08:00', endsAt: '12:00' },
    { date: '2026-03-11', startsAt: '08:00', endsAt: '12:00' },
  ];
  it('accepts a complete wave', () => {
    expect(waveProblems({ mode: 'offline', venueName: 'Aula', sessions: days, requiredDays: 2 })).toEqual([]);
    expect(waveProblems({ mode: 'online', onlineUrl: 'https://x.id', sessions: days })).toEqual([]);
  });
  it('names each broken rule by its field', () => {
    const paths = waveProblems({
      mode: 'offline',
      sessions: [...days, { date: '2026-03-11', startsAt: '13:00', endsAt: '09:00' }],
      requiredDays: 4,
      registrationDeadline: '2026-03-11',
    }).map((p) => p.path.join('.'));
    expect(paths).toEqual([
      'venueName',
      'sessions.2.date',
      'sessions.2.endsAt',
      'requiredDays',
      'registrationDeadline',
    ]);
  });
  it('reports a malformed time once, without a second complaint about the order', () => {
    const r = waveInput.safeParse({
      operatorId: crypto.randomUUID(),
      courseId: crypto.randomUUID(),
      name: 'G1',
      mode: 'online',
      onlineUrl: 'https://x.id',
      capacity: 5,
      sessions: [{ date: '2026-03-10', startsAt: '8:00', endsAt: '12:00' }],
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['sessions.0.startsAt']);
  });
});
