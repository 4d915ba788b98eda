import { describe, expect, it } from 'vitest';
import { emptyWave, newDay, type WaveValues, waveBody, waveRuleErrors } from './wave-form-values.js';

const OP = '11111111-1111-4111-8111-111111111111';
const COURSE = '22222222-2222-4222-8222-222222222222';

function filled(patch: Partial<WaveValues> = {}): WaveValues {
  return {
    ...emptyWave(),
    operatorId: OP,
    courseId: COURSE,
    name: 'Keuangan — Gelombang 1',
    venueName: 'Aula Kecamatan Sawangan',
    sessions: [newDay('2026-08-17', '08:00', '16:00'), newDay('2026-08-18', '08:30', '15:00')],
    ...patch,
  };
}

describe('waveBody', () => {
  it('sends only what is filled, and only the place of the chosen mode', () => {
    const body = waveBody(filled({ onlineUrl: 'https://meet.example/abc', trainerName: '  ' }));
    expect(body.venueName).toBe('Aula Kecamatan Sawangan');
    expect(body.onlineUrl).toBeUndefined();
    expect(body.trainerName).toBeUndefined();
    expect(body.requiredDays).toBeUndefined();
    expect(body.registrationDeadline).toBeUndefined();
    expect(body.sessions).toEqual([
      { date: '2026-08-17', startsAt: '08:00', endsAt: '16:00', topic: undefined },
      { date: '2026-08-18', startsAt: '08:30', endsAt: '15:00', topic: undefined },
    ]);

    const online = waveBody(filled({ mode: 'online', onlineUrl: 'https://meet.example/abc', requiredDays: 2 }));
    expect(online.venueName).toBeUndefined();
    expect(online.onlineUrl).toBe('https://meet.example/abc');
    expect(online.requiredDays).toBe(2);
  });
});

describe('waveRuleErrors', () => {
  it('passes a good wave', () => {
    expect(waveRuleErrors(filled())).toEqual({});
  });

  it('puts the shared rules on the fields and day rows they concern', () => {
    const errors = waveRuleErrors(
      filled({
        venueName: '',
        requiredDays: 3,
        registrationDeadline: '2026-08-20',
        sessions: [newDay('2026-08-17', '08:00', '16:00'), newDay('2026-08-17', '10:00', '09:00')],
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'registrationDeadline',
      'requiredDays',
      'sessions.1.date',
      'sessions.1.endsAt',
      'venueName',
    ]);
    expect(errors['sessions.1.endsAt']).toBe('jam selesai harus sesudah jam mulai');
  });

  it('asks for the link of an online wave', () => {
    expect(waveRuleErrors(filled({ mode: 'online' }))).toHaveProperty('onlineUrl');
  });

  it('checks the place before the days are complete, and the day rules only after', () => {
    const errors = waveRuleErrors(filled({ venueName: '', requiredDays: 5, sessions: [newDay(), newDay()] }));
    expect(Object.keys(errors)).toEqual(['venueName']);
  });
});
