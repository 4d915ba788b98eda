import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { centers, operators } from '../operators/operators.schema.js';
import { people } from '../participants/participants.schema.js';
import { programs, tracks } from '../programs/programs.schema.js';

/** A course in the operator's catalog ("Manajemen keuangan usaha", "Desain logo"); waves are its runs. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    title: text('title').notNull(),
    description: text('description'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    // dasar | menengah | lanjut
    level: text('level').notNull().default('dasar'),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    // [{ kind: 'file', title, fileId } | { kind: 'link', title, url }]
    materials: jsonb('materials').notNull().default(sql`'[]'::jsonb`),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courses_operator_idx').on(t.operatorId, t.title)],
);

/**
 * A training wave (gelombang): one run of a course at a place or online, over one or more days, for the members it
 * targets (program, track, kecamatan). `requiredDays` is how many days a member must attend to complete it.
 */
export const trainingWaves = pgTable(
  'training_waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    name: text('name').notNull(),
    // offline | online
    mode: text('mode').notNull().default('offline'),
    centerId: uuid('center_id').references(() => centers.id),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    onlineUrl: text('online_url'),
    trainerUserId: text('trainer_user_id').references(() => user.id),
    trainerName: text('trainer_name'),
    capacity: integer('capacity').notNull(),
    registrationDeadline: date('registration_deadline'),
    requiredDays: smallint('required_days').notNull(),
    // Audience: null program/track = any; an empty district list = the operator's whole area.
    programId: uuid('program_id').references(() => programs.id),
    trackId: uuid('track_id').references(() => tracks.id),
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    // scheduled | cancelled | closed (completions decided)
    status: text('status').notNull().default('scheduled'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_waves_operator_idx').on(t.operatorId, t.startsOn),
    index('training_waves_course_idx').on(t.courseId),
  ],
);

/** One day of a wave. Attendance is per day; late arrivals are still attendance, flagged `late`. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => trainingWaves.id, { onDelete: 'cascade' }),
    dayNo: smallint('day_no').notNull(),
    date: date('date').notNull(),
    // "08:30" in WIB; a check-in after startsAt + 15 minutes is late.
    startsAt: text('starts_at').notNull().default('08:00'),
    endsAt: text('ends_at').notNull().default('16:00'),
    topic: text('topic'),
  },
  (t) => [
    unique('training_sessions_wave_day_uq').on(t.waveId, t.dayNo),
    unique('training_sessions_wave_date_uq').on(t.waveId, t.date),
    index('training_sessions_date_idx').on(t.date),
  ],
);

/**
 * A member's place in a wave. `enrolled` counts against capacity, `waitlisted` waits in `createdAt` order and moves
 * up when a place frees; `completed`/`not_completed` are decided when the wave closes (or earlier for completers).
 */
export const trainingEnrollments = pgTable(
  'training_enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => trainingWaves.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    // enrolled | waitlisted | cancelled | completed | not_completed
    status: text('status').notNull(),
    // staff | self
    source: text('source').notNull().default('staff'),
    enrolledBy: text('enrolled_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('training_enrollments_wave_person_uq').on(t.waveId, t.personId),
    index('training_enrollments_person_idx').on(t.personId),
    index('training_enrollments_wave_status_idx').on(t.waveId, t.status, t.createdAt),
  ],
);

/** One check-in of one member to one day. The unique key is what makes a double scan harmless and refused. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    waveId: uuid('wave_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    // member_qr (staff scanned the member's card) | session_qr (the member scanned the session) | manual
    method: text('method').notNull(),
    late: boolean('late').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by'),
  },
  (t) => [
    unique('attendance_session_person_uq').on(t.sessionId, t.personId),
    index('attendance_wave_person_idx').on(t.waveId, t.personId),
  ],
);

/** A certificate of completion; the serial is printed and its QR opens the public verification page. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => trainingWaves.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    serial: text('serial').notNull(),
    // A random token in the verification URL, so serials cannot be enumerated to harvest names.
    verifyToken: text('verify_token').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: text('issued_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('certificates_wave_person_uq').on(t.waveId, t.personId),
    uniqueIndex('certificates_serial_uq').on(t.serial),
    uniqueIndex('certificates_token_uq').on(t.verifyToken),
  ],
);
