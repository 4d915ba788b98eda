import { personStatuses, stageStatuses } from '../../../shared/participants.js';

/** The participant list as a URL: every filter, the sort and the page, so a link reproduces the view. */
export type ParticipantsSearch = {
  q?: string;
  programId?: string;
  trackId?: string;
  kecamatan?: string;
  kelurahan?: string;
  stage?: number;
  stageStatus?: string;
  status?: string;
  sex?: 'L' | 'P';
  ageMin?: number;
  ageMax?: number;
  kbli?: string;
  mentorId?: string;
  sort?: ParticipantSort;
  page?: number;
};

export const participantSorts = ['-createdAt', 'createdAt', 'name', '-name', '-birthDate', 'birthDate'] as const;
export type ParticipantSort = (typeof participantSorts)[number];

/** Age bands offered in the filter; the API takes them as ageMin/ageMax. */
export const ageBands = [
  { key: '17-25', min: 17, max: 25 },
  { key: '26-35', min: 26, max: 35 },
  { key: '36-45', min: 36, max: 45 },
  { key: '46-55', min: 46, max: 55 },
  { key: '56+', min: 56, max: undefined },
] as const;

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, list: readonly T[]) =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const pattern = (v: unknown, re: RegExp) => (typeof v === 'string' && re.test(v) ? v : undefined);

export function parseParticipantsSearch(s: Record<string, unknown>): ParticipantsSearch {
  const page = int(s.page, 2, 100_000);
  const stage = int(s.stage, 1, 7);
  return {
    q: str(s.q),
    programId: str(s.programId),
    trackId: str(s.trackId),
    kecamatan: pattern(s.kecamatan, /^\d{2}\.\d{2}\.\d{2}$/),
    kelurahan: pattern(s.kelurahan, /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
    stage,
    stageStatus: stage ? oneOf(s.stageStatus, stageStatuses) : undefined,
    status: oneOf(s.status, personStatuses),
    sex: oneOf(s.sex, ['L', 'P'] as const),
    ageMin: int(s.ageMin, 0, 120),
    ageMax: int(s.ageMax, 0, 120),
    kbli: pattern(s.kbli, /^\d{1,5}$/),
    mentorId: str(s.mentorId),
    sort: oneOf(s.sort, participantSorts),
    page,
  };
}

/** The filters without the page: what a saved filter stores and what "any filter set?" looks at. */
export function filtersOf(search: ParticipantsSearch): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(search)) if (k !== 'page' && v !== undefined && v !== '') out[k] = v;
  return out;
}

export function hasFilters(search: ParticipantsSearch): boolean {
  return Object.keys(filtersOf(search)).some((k) => k !== 'sort');
}
