import { type WaveMode, waveProblems } from '../../../shared/trainings.js';
import type { WaveBody } from './trainings-api.js';

export type DayValues = { key: string; date: string; startsAt: string; endsAt: string; topic: string };

/** The new-wave form as typed: empty strings for what is not filled, numbers where the inputs give numbers. */
export type WaveValues = {
  operatorId: string | null;
  courseId: string | null;
  name: string;
  mode: WaveMode;
  centerId: string | null;
  venueName: string;
  venueAddress: string;
  onlineUrl: string;
  trainerUserId: string | null;
  trainerName: string;
  capacity: number | string;
  registrationDeadline: string;
  requiredDays: number | string;
  programId: string | null;
  trackId: string | null;
  districtCodes: string[];
  sessions: DayValues[];
};

export const waveFields = [
  'operatorId',
  'courseId',
  'name',
  'mode',
  'centerId',
  'venueName',
  'venueAddress',
  'onlineUrl',
  'trainerUserId',
  'trainerName',
  'capacity',
  'registrationDeadline',
  'requiredDays',
  'programId',
  'trackId',
  'districtCodes',
  'sessions',
] as const;

let nextKey = 0;
/** A new day row; the key keeps React's rows apart when one in the middle is removed. */
export function newDay(date = '', startsAt = '08:00', endsAt = '16:00'): DayValues {
  nextKey += 1;
  return { key: `day-${nextKey}`, date, startsAt, endsAt, topic: '' };
}

export function emptyWave(): WaveValues {
  return {
    operatorId: null,
    courseId: null,
    name: '',
    mode: 'offline',
    centerId: null,
    venueName: '',
    venueAddress: '',
    onlineUrl: '',
    trainerUserId: null,
    trainerName: '',
    capacity: 30,
    registrationDeadline: '',
    requiredDays: '',
    programId: null,
    trackId: null,
    districtCodes: [],
    sessions: [newDay()],
  };
}

const orUndefined = (s: string | null) => (s?.trim() ? s.trim() : undefined);

/**
 * The request body: only what is filled and the place of the chosen mode. Days go in the order typed (the server
 * numbers them by date), so a problem it reports at `sessions.N` is the row the person sees.
 */
export function waveBody(v: WaveValues): WaveBody {
  const offline = v.mode === 'offline';
  return {
    operatorId: v.operatorId ?? '',
    courseId: v.courseId ?? '',
    name: v.name.trim(),
    mode: v.mode,
    centerId: offline ? (v.centerId ?? undefined) : undefined,
    venueName: offline ? orUndefined(v.venueName) : undefined,
    venueAddress: offline ? orUndefined(v.venueAddress) : undefined,
    onlineUrl: offline ? undefined : orUndefined(v.onlineUrl),
    trainerUserId: v.trainerUserId ?? undefined,
    trainerName: orUndefined(v.trainerName),
    capacity: Number(v.capacity),
    registrationDeadline: orUndefined(v.registrationDeadline),
    requiredDays: v.requiredDays === '' ? undefined : Number(v.requiredDays),
    programId: v.programId ?? undefined,
    trackId: v.trackId ?? undefined,
    districtCodes: v.districtCodes,
    sessions: v.sessions.map((s) => ({
      date: s.date,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      topic: orUndefined(s.topic),
    })),
  };
}

/**
 * The cross-field rules of the shared schema (place, dates, hours, deadline, required days) as form errors keyed by
 * the form's paths. While a day lacks its date or hours, only the rules that do not look at the days apply.
 */
export function waveRuleErrors(v: WaveValues): Record<string, string> {
  const body = waveBody(v);
  const daysReady = v.sessions.every((s) => s.date && s.startsAt && s.endsAt);
  const issues = daysReady
    ? waveProblems(body)
    : waveProblems({ ...body, sessions: [] }).filter(
        (i) => i.path[0] !== 'requiredDays' && i.path[0] !== 'registrationDeadline',
      );
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}
