import { z } from 'zod';
import {
  checkInMethods,
  courseLevels,
  enrollmentStatuses,
  waveModes,
  waveStatuses,
} from '../../../shared/trainings.js';

/** What the trainings endpoints answer, as zod schemas: response validation and the OpenAPI document. */

export const material = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), title: z.string(), url: z.string() }),
  z.object({ kind: z.literal('file'), title: z.string(), fileId: z.uuid(), fileName: z.string(), size: z.number() }),
]);

export const course = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  topics: z.array(z.string()),
  level: z.enum(courseLevels),
  hours: z.number(),
  materials: z.array(material),
  active: z.boolean(),
  waves: z.number().int().describe('How many waves of this course exist'),
});

export const waveSummary = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  name: z.string(),
  course: z.object({ id: z.uuid(), title: z.string(), hours: z.number(), level: z.string() }),
  mode: z.enum(waveModes),
  centerId: z.uuid().nullable(),
  centerName: z.string().nullable(),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  trainerUserId: z.string().nullable(),
  trainerName: z.string().nullable(),
  capacity: z.number().int(),
  registrationDeadline: z.string().nullable(),
  requiredDays: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(waveStatuses),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  completed: z.number().int(),
  notCompleted: z.number().int(),
  cancelled: z.number().int(),
  seatsTaken: z.number().int().describe('Seats in use: enrolled, completed and not completed'),
  programId: z.uuid().nullable(),
  trackId: z.uuid().nullable(),
  districtCodes: z.array(z.string()),
});

export const waveDetail = waveSummary.extend({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      dayNo: z.number().int(),
      date: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      topic: z.string().nullable(),
      attended: z.number().int(),
    }),
  ),
  completionRate: z.number().nullable().describe('Completed over decided (0..1); null before any decision'),
});

const attendanceMark = z.object({ checkedInAt: z.date(), late: z.boolean(), method: z.enum(checkInMethods) });

export const rosterRow = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  nikMasked: z.string(),
  phone: z.string().nullable(),
  districtName: z.string().nullable(),
  villageName: z.string().nullable(),
  status: z.enum(enrollmentStatuses),
  source: z.string(),
  enrolledAt: z.date(),
  waitlistPosition: z.number().int().nullable(),
  attendance: z.record(z.string(), attendanceMark.nullable()).describe('By session id; null: not checked in'),
  daysAttended: z.number().int(),
  certificate: z.object({ id: z.uuid(), serial: z.string(), revoked: z.boolean() }).nullable(),
});

export const enrollResult = z.object({
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  already: z.number().int(),
  results: z.array(
    z.object({
      personId: z.uuid(),
      status: z.enum(['enrolled', 'waitlisted', 'already']),
      waitlistPosition: z.number().int().nullable(),
    }),
  ),
});

export const checkInResult = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  sessionId: z.uuid(),
  dayNo: z.number().int(),
  late: z.boolean(),
  checkedInAt: z.date(),
  method: z.enum(checkInMethods),
  daysAttended: z.number().int(),
  completed: z.boolean(),
});

export const sessionCode = z.object({
  sessionId: z.uuid(),
  dayNo: z.number().int(),
  date: z.string(),
  code: z.string(),
  url: z.string().describe('What the session QR shows: the member check-in page with the code'),
});

export const certificateCheck = z.object({
  valid: z.boolean(),
  serial: z.string(),
  holderName: z.string(),
  courseTitle: z.string(),
  waveName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  operatorName: z.string(),
  issuedAt: z.date(),
  revoked: z.boolean(),
  revokedAt: z.date().nullable(),
});

export const myTrainings = z.object({
  enrollments: z.array(
    waveSummary.extend({
      enrollmentStatus: z.enum(enrollmentStatuses),
      waitlistPosition: z.number().int().nullable(),
      daysAttended: z.number().int(),
      certificate: z.object({ id: z.uuid(), serial: z.string() }).nullable(),
    }),
  ),
  open: z.array(waveSummary),
});
