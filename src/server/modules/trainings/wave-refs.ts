import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { regionWithin } from '../../../shared/access.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { roleAssignments } from '../access/access.schema.js';
import { centers, operators } from '../operators/operators.schema.js';
import { programs, tracks } from '../programs/programs.schema.js';
import { regions } from '../regions/regions.schema.js';
import { courses } from './trainings.schema.js';

export type WaveRefs = {
  courseId?: string;
  centerId?: string | null;
  trainerUserId?: string | null;
  programId?: string | null;
  trackId?: string | null;
  districtCodes?: string[];
};

const problem = (path: string, code: string, message: string, en: string): ErrorDetail => ({
  path,
  code,
  message,
  en,
});

/**
 * Checks that everything a wave points at belongs to the wave's operator: an active course, a center, a trainer with
 * a role there, a program and track (the track inside the program), kecamatan inside its service area. Answers the
 * trainer's name and the track's program, which the wave stores; throws one validation error listing every problem.
 */
export async function checkWaveRefs(
  db: Db,
  operatorId: string,
  refs: WaveRefs,
): Promise<{ trainerName: string | null; programId: string | null | undefined }> {
  const problems: ErrorDetail[] = [];
  let trainerName: string | null = null;
  let programId = refs.programId;
  if (refs.courseId) {
    const [course] = await db.select().from(courses).where(eq(courses.id, refs.courseId));
    if (!course || course.operatorId !== operatorId)
      problems.push(problem('courseId', 'unknown_course', 'Pelatihan tidak ditemukan', 'Course not found'));
    else if (!course.active)
      problems.push(
        problem('courseId', 'inactive_course', 'Pelatihan ini sudah tidak aktif', 'This course is no longer active'),
      );
  }
  if (refs.centerId) {
    const [center] = await db.select().from(centers).where(eq(centers.id, refs.centerId));
    if (!center || center.operatorId !== operatorId)
      problems.push(problem('centerId', 'unknown_center', 'Sentra tidak ditemukan', 'Center not found'));
  }
  if (refs.trainerUserId) {
    const [trainer] = await db
      .select({ name: user.name })
      .from(user)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, user.id))
      .where(
        and(
          eq(user.id, refs.trainerUserId),
          eq(user.active, true),
          or(eq(roleAssignments.operatorId, operatorId), isNull(roleAssignments.operatorId)),
        ),
      )
      .limit(1);
    if (!trainer)
      problems.push(
        problem(
          'trainerUserId',
          'unknown_trainer',
          'Pelatih harus pengguna aktif di operator ini',
          'The trainer must be an active user of this operator',
        ),
      );
    else trainerName = trainer.name;
  }
  if (refs.programId) {
    const [program] = await db.select().from(programs).where(eq(programs.id, refs.programId));
    if (!program || program.operatorId !== operatorId)
      problems.push(problem('programId', 'unknown_program', 'Program tidak ditemukan', 'Program not found'));
  }
  if (refs.trackId) {
    const [track] = await db.select().from(tracks).where(eq(tracks.id, refs.trackId));
    if (!track || track.operatorId !== operatorId)
      problems.push(problem('trackId', 'unknown_track', 'Jalur tidak ditemukan', 'Track not found'));
    else if (refs.programId && track.programId !== refs.programId)
      problems.push(
        problem(
          'trackId',
          'track_outside_program',
          'Jalur ini bukan bagian dari program tersebut',
          'This track is not part of that program',
        ),
      );
    else programId = track.programId;
  }
  if (refs.districtCodes?.length) {
    const [op] = await db.select({ area: operators.serviceArea }).from(operators).where(eq(operators.id, operatorId));
    const found = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(inArray(regions.code, refs.districtCodes), eq(regions.level, 3)));
    const known = new Set(found.map((r) => r.code));
    refs.districtCodes.forEach((code, i) => {
      if (!known.has(code) || !op?.area.some((a) => regionWithin(code, a)))
        problems.push(
          problem(
            `districtCodes.${i}`,
            'outside_service_area',
            'Kecamatan ini tidak dikenal atau di luar wilayah operator',
            "This district is unknown or outside the operator's area",
          ),
        );
    });
  }
  if (problems.length) throw AppError.validation(problems);
  return { trainerName, programId };
}
