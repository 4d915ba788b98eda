import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../access/actor.js';
import { makeAttendanceService } from './attendance.service.js';
import { attendanceSheet } from './attendance-sheet.js';
import { makeCertificatesService } from './certificates.service.js';
import { makeCompletion } from './completion.js';
import { makeCoursesService } from './courses.service.js';
import { makeEnrollmentService } from './enrollment.service.js';
import { makeMyTrainingsService } from './my-trainings.service.js';
import { makeSeats } from './seats.js';
import { makeNotices } from './training-notices.js';
import { makeTrainingReminders } from './training-reminders.js';
import { clockOf, type TrainingsDeps } from './trainings-common.js';
import { makeWavesService } from './waves.service.js';

export type { TrainingsDeps } from './trainings-common.js';

/**
 * Training (Pelatihan, stage 2 of the 7 PAS): the course catalog, waves, enrollment with a waitlist, attendance by
 * QR, completion with certificates, members' self-service and the day-before reminders.
 */
export function makeTrainingsService(db: Db, deps: TrainingsDeps) {
  const clock = clockOf(deps);
  const notices = makeNotices(deps.notifications);
  const completion = makeCompletion({ journey: deps.journey, notices, baseUrl: deps.baseUrl, clock });
  const seats = makeSeats({ journey: deps.journey, notices, clock });
  const enrollment = makeEnrollmentService(db, { seats });
  return {
    courses: makeCoursesService(db, deps),
    waves: makeWavesService(db, { seats, completion, clock }),
    enrollment,
    attendance: makeAttendanceService(db, { ...deps, completion, clock }),
    certificates: makeCertificatesService(db, deps),
    me: makeMyTrainingsService(db, { members: deps.members, seats, clock }),
    /** Queues tomorrow's reminders (idempotent); the daily job calls it. */
    sendReminders: makeTrainingReminders(db, { notices, clock }),

    /** The attendance sheet as .xlsx, of the people the caller may see. */
    async attendanceSheet(actor: Actor | undefined, waveId: string) {
      const { detail, items } = await enrollment.roster(actor, waveId);
      const safeName = detail.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'gelombang';
      return { fileName: `Daftar hadir - ${safeName}.xlsx`, data: await attendanceSheet(detail, items) };
    },
  };
}

export type TrainingsService = ReturnType<typeof makeTrainingsService>;
