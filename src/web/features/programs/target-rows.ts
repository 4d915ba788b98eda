import type { Target, Track } from './programs-api.js';
import type { District } from './use-service-districts.js';

/** A changed target cell: the value typed and the value it replaces (0 when there was no target). */
export type TargetEdit = {
  trackId: string;
  year: number;
  districtCode: string | null;
  value: number;
  original: number;
};
export type TargetEdits = Record<string, TargetEdit>;

export type TargetRow = {
  key: string;
  trackId: string;
  districtCode: string | null;
  name: string | null;
  saved: Target | undefined;
  /** What the cell shows: the edit, else the saved target, else empty. */
  value: number | '';
};

export const cellKey = (trackId: string, year: number, districtCode: string | null) =>
  `${trackId}|${year}|${districtCode ?? ''}`;

/**
 * The rows of one track's target table for a year: the whole area first, then every kecamatan of the service area,
 * then any kecamatan that has a target but is no longer in the area.
 */
export function targetRows(
  track: Track,
  year: number,
  districts: District[],
  targets: Target[],
  edits: TargetEdits,
): TargetRow[] {
  const mine = targets.filter((x) => x.trackId === track.id && x.year === year);
  const byDistrict = new Map(mine.map((x) => [x.districtCode ?? '', x]));
  const listed = new Set(districts.map((d) => d.code));
  const extra = mine
    .filter((x) => x.districtCode && !listed.has(x.districtCode))
    .map((x) => ({ code: x.districtCode!, name: x.districtName ?? x.districtCode! }));
  const places: Array<{ code: string | null; name: string | null }> = [
    { code: null, name: null },
    ...districts,
    ...extra,
  ];
  return places.map(({ code, name }) => {
    const key = cellKey(track.id, year, code);
    const saved = byDistrict.get(code ?? '');
    const edit = edits[key];
    return {
      key,
      trackId: track.id,
      districtCode: code,
      name,
      saved,
      value: edit ? edit.value : (saved?.target ?? ''),
    };
  });
}

export const changedEdits = (edits: TargetEdits) => Object.entries(edits).filter(([, e]) => e.value !== e.original);

export const percent = (achieved: number, target: number) => (target > 0 ? Math.round((achieved / target) * 100) : 0);
