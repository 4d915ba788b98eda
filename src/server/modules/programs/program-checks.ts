import { AppError, type ErrorDetail, pgErrorOf, type Text } from '../../platform/errors.js';
import { withinServiceArea } from '../operators/operators.service.js';
import type { RegionsService } from '../regions/regions.service.js';

// The rules of programs and tracks that need more than one field, or the database, to check.

export type TrackInput = {
  code: string;
  name: string;
  minAge?: number | null;
  maxAge?: number | null;
  residencyPrefix?: string | null;
  sex?: 'L' | 'P' | null;
  requiredDocuments?: string[];
  quota?: number | null;
};

/** A unique violation on `constraint` as a 409 naming the field; any other error passes through. */
export function duplicateOf(constraint: string, path: string, text: Text) {
  return (err: unknown): never => {
    const pg = pgErrorOf(err);
    if (pg?.code === '23505' && pg.constraint === constraint) {
      throw AppError.duplicate(path, text);
    }
    throw err;
  };
}

/** A program may not end before it starts. */
export function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) {
    throw AppError.validation([
      {
        path: 'endsOn',
        code: 'before_start',
        message: 'Tanggal selesai tidak boleh sebelum tanggal mulai',
        en: 'The end date cannot be before the start date',
      },
    ]);
  }
}

/** Age bounds in order (the stored values count for a partial update); the residency region real and served. */
export async function checkTrack(
  regionsService: RegionsService,
  serviceArea: string[],
  input: Partial<TrackInput>,
  current?: { minAge: number | null; maxAge: number | null },
) {
  const problems: ErrorDetail[] = [];
  const minAge = input.minAge !== undefined ? input.minAge : (current?.minAge ?? null);
  const maxAge = input.maxAge !== undefined ? input.maxAge : (current?.maxAge ?? null);
  if (minAge != null && maxAge != null && minAge > maxAge) {
    problems.push({
      path: 'maxAge',
      code: 'below_min_age',
      message: `Usia maksimal (${maxAge}) tidak boleh lebih kecil dari usia minimal (${minAge})`,
      en: `The maximum age (${maxAge}) cannot be below the minimum age (${minAge})`,
    });
  }
  if (input.residencyPrefix) {
    const [unknown] = await regionsService.unknownCodes([input.residencyPrefix]);
    if (unknown) {
      problems.push({
        path: 'residencyPrefix',
        code: 'unknown_region',
        message: `Kode wilayah ${unknown} tidak dikenal`,
        en: `Unknown region code ${unknown}`,
      });
    } else if (!withinServiceArea(input.residencyPrefix, serviceArea)) {
      problems.push({
        path: 'residencyPrefix',
        code: 'outside_service_area',
        message: 'Wilayah domisili di luar wilayah layanan operator',
        en: "The residency region is outside the operator's service area",
      });
    }
  }
  if (problems.length) throw AppError.validation(problems);
}
