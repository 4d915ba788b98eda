import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { ColumnMapping } from '../../../shared/import/fields.js';
import { createRegionMatcher } from '../../../shared/import/region-match.js';
import { checkImportRow, isBlankRow, rowValues } from '../../../shared/import/row-check.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { inScope, type Scope } from '../access/access.js';
import { operators } from '../operators/operators.schema.js';
import { unknownTrack } from '../participants/registration.service.js';
import { tracks } from '../programs/programs.schema.js';
import { regions } from '../regions/regions.schema.js';
import type { CheckedRow } from './import-write.js';

export type RowContext = {
  operatorId: string;
  matcher: ReturnType<typeof createRegionMatcher>;
  /** Names of the operator's kecamatan and kelurahan, for the preview. */
  names: Map<string, string>;
  districtExists(code: string): boolean;
  track: typeof tracks.$inferSelect | null;
};

// Every kecamatan code of the country, for the region part of any NIK (7,285 codes; loaded once per process).
let districtCodes: Promise<Set<string>> | undefined;

/** What checking an operator's rows needs: its area's kecamatan and kelurahan for names, all kecamatan for NIKs. */
export async function loadRowContext(db: Db, operatorId: string, trackId: string | null): Promise<RowContext> {
  const [operator] = await db.select().from(operators).where(eq(operators.id, operatorId));
  if (!operator) throw AppError.notFound({ id: 'Operator', en: 'Operator' });
  const [track] = trackId ? await db.select().from(tracks).where(eq(tracks.id, trackId)) : [];
  if (trackId && track?.operatorId !== operatorId) throw AppError.validation([unknownTrack]);
  districtCodes ??= db
    .select({ code: regions.code })
    .from(regions)
    .where(eq(regions.level, 3))
    .then((rows) => new Set(rows.map((r) => r.code)))
    .catch((err) => {
      districtCodes = undefined;
      throw err;
    });
  const area = operator.serviceArea;
  const inArea = area.length
    ? or(...area.map((code) => or(eq(regions.code, code), like(regions.code, `${code}.%`))))
    : undefined;
  const [known, local] = await Promise.all([
    districtCodes,
    db
      .select()
      .from(regions)
      .where(and(inArray(regions.level, [3, 4]), inArea)),
  ]);
  return {
    operatorId,
    matcher: createRegionMatcher(local),
    names: new Map(local.map((r) => [r.code, r.name])),
    districtExists: (code) => known.has(code),
    track: track ?? null,
  };
}

/** A sheet cell as it is kept in the report: dates as `YYYY-MM-DD`, everything else as read. */
function keepCell(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return v ?? null;
}

/**
 * Checks the rows of a sheet one after another: cells through the mapping into fields, the row rules, the actor's
 * scope, and duplicates of an earlier row of the same file. Stateful (it remembers the NIKs seen), so one checker
 * reads one file from its first data row — also when a resumed run skips the rows already committed.
 */
export function createRowChecker(ctx: RowContext, mapping: ColumnMapping, scope: Scope, today = new Date()) {
  const seen = new Map<string, number>();
  return {
    /** null for a blank row (nothing in the mapped columns), which is not an input row at all. */
    check(rowNo: number, cells: unknown[]): CheckedRow | null {
      if (isBlankRow(cells, mapping)) return null;
      const kept = cells.map(keepCell);
      const checked = checkImportRow(rowValues(cells, mapping), {
        matcher: ctx.matcher,
        today,
        districtExists: ctx.districtExists,
      });
      if (!checked.ok) {
        return { rowNo, cells: kept, ok: false, kind: 'rejected', reasons: checked.problems };
      }
      const row = checked.row;
      if (!inScope(scope, { operatorId: ctx.operatorId, regionCode: row.domicileDistrictCode }))
        return {
          rowNo,
          cells: kept,
          ok: false,
          kind: 'rejected',
          reasons: [
            {
              field: 'kelurahan',
              code: 'outside_scope',
              message: 'Domisili di luar wilayah tugas Anda',
              en: 'The home village is outside your assigned area',
            },
          ],
        };
      const first = seen.get(row.nik);
      if (first !== undefined)
        return {
          rowNo,
          cells: kept,
          ok: false,
          kind: 'duplicate',
          reasons: [
            {
              field: 'nik',
              code: 'duplicate_in_file',
              message: `NIK sama dengan baris ${first}`,
              en: `The same NIK as row ${first}`,
            },
          ],
        };
      seen.set(row.nik, rowNo);
      return { rowNo, cells: kept, ok: true, row };
    },
  };
}
