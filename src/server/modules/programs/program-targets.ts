import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { Actor } from '../access/actor.js';
import { type AuditEntry, recordAudit } from '../audit/audit.service.js';
import { withinServiceArea } from '../operators/operators.service.js';
import { enrollments, people } from '../participants/participants.schema.js';
import { regions } from '../regions/regions.schema.js';
import { type programs, targets, tracks } from './programs.schema.js';

export type TargetItem = { trackId: string; year: number; districtCode: string | null; target: number };
type Program = typeof programs.$inferSelect;
type Deps = { loadOperatorArea(id: string): Promise<{ serviceArea: string[] }> };

/**
 * The year an enrollment counts for, in WIB (UTC+7): the New Year of most operators. Written with a fixed offset
 * rather than a zone name so it needs no time-zone data (PGlite) and ignores the session's TimeZone.
 */
const enrollmentYear = sql<number>`extract(year from (${enrollments.createdAt} at time zone 'UTC') + interval '7 hours')::int`;

/** Yearly targets of a program's tracks and how far they are reached; used by the programs service only. */
export function makeTargets(db: Db, deps: Deps) {
  /**
   * One query: accepted enrollments are counted once per track × year × domicile kecamatan, then summed onto each
   * target — all of them for an area-wide target, those of its kecamatan for a kecamatan target.
   */
  async function rows(programId: string, year?: number) {
    // Distinct alias names: Drizzle refers to a CTE's computed columns unqualified.
    const accepted = db.$with('accepted').as(
      db
        .select({
          trackId: enrollments.trackId,
          year: sql<number>`${enrollmentYear}`.as('accepted_year'),
          districtCode: sql<string>`${people.domicileDistrictCode}`.as('accepted_district'),
          n: sql<number>`count(*)::int`.as('accepted_count'),
        })
        .from(enrollments)
        .innerJoin(people, eq(people.id, enrollments.personId))
        .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
        .where(
          and(
            eq(tracks.programId, programId),
            eq(enrollments.status, 'accepted'),
            year ? sql`${enrollmentYear} = ${year}` : undefined,
          ),
        )
        .groupBy(enrollments.trackId, enrollmentYear, people.domicileDistrictCode),
    );
    return db
      .with(accepted)
      .select({
        id: targets.id,
        trackId: targets.trackId,
        trackCode: tracks.code,
        trackName: tracks.name,
        year: targets.year,
        districtCode: targets.districtCode,
        districtName: regions.name,
        target: targets.target,
        achieved: sql<number>`coalesce(sum(${accepted.n}), 0)::int`,
      })
      .from(targets)
      .innerJoin(tracks, eq(tracks.id, targets.trackId))
      .leftJoin(regions, eq(regions.code, targets.districtCode))
      .leftJoin(
        accepted,
        and(
          eq(accepted.trackId, targets.trackId),
          eq(accepted.year, targets.year),
          or(isNull(targets.districtCode), eq(accepted.districtCode, targets.districtCode)),
        ),
      )
      .where(and(eq(tracks.programId, programId), year ? eq(targets.year, year) : undefined))
      .groupBy(targets.id, tracks.id, regions.code)
      .orderBy(desc(targets.year), asc(tracks.code), sql`${targets.districtCode} is not null`, asc(regions.name));
  }

  /** Every problem of the request at once, with the row it is on, before anything is written. */
  async function check(program: Program, items: TargetItem[]) {
    const { serviceArea } = await deps.loadOperatorArea(program.operatorId);
    const trackIds = new Set(
      (await db.select({ id: tracks.id }).from(tracks).where(eq(tracks.programId, program.id))).map((t) => t.id),
    );
    const codes = [...new Set(items.flatMap((i) => (i.districtCode ? [i.districtCode] : [])))];
    const found = codes.length
      ? await db.select({ code: regions.code, level: regions.level }).from(regions).where(inArray(regions.code, codes))
      : [];
    const levelOf = new Map(found.map((r) => [r.code, r.level]));
    const problems: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      if (!trackIds.has(item.trackId)) {
        problems.push({
          path: `items.${i}.trackId`,
          code: 'unknown_track',
          message: 'Jalur tidak ada di program ini',
          en: 'No such track in this program',
        });
      }
      const code = item.districtCode;
      if (code) {
        const level = levelOf.get(code);
        const path = `items.${i}.districtCode`;
        if (level === undefined) {
          problems.push({
            path,
            code: 'unknown_region',
            message: `Kode wilayah ${code} tidak dikenal`,
            en: `Unknown region code ${code}`,
          });
        } else if (level !== 3) {
          problems.push({
            path,
            code: 'not_district',
            message: 'Target per wilayah harus per kecamatan (mis. 32.76.03)',
            en: 'A regional target must be for a kecamatan (e.g. 32.76.03)',
          });
        } else if (!withinServiceArea(code, serviceArea)) {
          problems.push({
            path,
            code: 'outside_service_area',
            message: 'Kecamatan di luar wilayah layanan operator',
            en: "Kecamatan outside the operator's service area",
          });
        }
      }
      const key = `${item.trackId}|${item.year}|${code ?? ''}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        problems.push({
          path: `items.${i}`,
          code: 'duplicate',
          message: `Jalur, tahun dan kecamatan yang sama sudah ada di baris ${first + 1}`,
          en: `The same track, year and kecamatan are already in row ${first + 1}`,
        });
      }
    });
    if (problems.length) throw AppError.validation(problems);
  }

  async function put(actor: Actor, program: Program, items: TargetItem[]) {
    await check(program, items);
    if (items.length === 0) return;
    await db.transaction(async (tx) => {
      const audit = (entry: Omit<AuditEntry, 'entity' | 'operatorId'>) =>
        recordAudit(tx, actor, { ...entry, entity: 'target', operatorId: program.operatorId });
      const existing = await tx
        .select()
        .from(targets)
        .where(
          inArray(
            targets.trackId,
            items.map((i) => i.trackId),
          ),
        );
      for (const item of items) {
        const before = existing.find(
          (t) => t.trackId === item.trackId && t.year === item.year && t.districtCode === item.districtCode,
        );
        if (item.target === 0) {
          if (!before) continue;
          await tx.delete(targets).where(eq(targets.id, before.id));
          await audit({ action: 'delete', entityId: before.id, before });
        } else if (before) {
          if (before.target === item.target) continue;
          const [after] = await tx
            .update(targets)
            .set({ target: item.target, updatedAt: new Date() })
            .where(eq(targets.id, before.id))
            .returning();
          await audit({ action: 'update', entityId: after.id, before, after });
        } else {
          const [after] = await tx
            .insert(targets)
            .values({ ...item, operatorId: program.operatorId })
            .returning();
          await audit({ action: 'create', entityId: after.id, after });
        }
      }
    });
  }

  return { rows, put };
}
