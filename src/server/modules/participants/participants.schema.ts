import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { files } from '../../platform/files/files.schema.js';
import { operators } from '../operators/operators.schema.js';
import { tracks } from '../programs/programs.schema.js';
import { regions } from '../regions/regions.schema.js';

/**
 * A person in an operator's program: one record per NIK per operator. The domicile kecamatan is kept beside the
 * village because every scoped query filters on it (a coordinator's region prefix).
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    nik: text('nik').notNull(),
    fullName: text('full_name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    phone: text('phone'),
    email: text('email'),
    ktpAddress: text('ktp_address'),
    domicileAddress: text('domicile_address'),
    domicileVillageCode: text('domicile_village_code')
      .notNull()
      .references(() => regions.code),
    domicileDistrictCode: text('domicile_district_code').notNull(),
    // applicant | member | inactive | merged
    status: text('status').notNull().default('applicant'),
    // staff | public | import
    source: text('source').notNull().default('staff'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentVersion: text('consent_version'),
    mergedInto: uuid('merged_into'),
    // Name and business names, lower-cased, for typo-tolerant trigram search.
    searchText: text('search_text').notNull().default(''),
    registeredBy: text('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('people_operator_nik_uq').on(t.operatorId, t.nik),
    // The list's pages in its default order, whole operator or one kecamatan, without sorting a million rows; partial
    // because merged records are never listed by default. The kecamatan column is COLLATE "C" (migration 0003), so
    // the scope's prefix LIKE can use the index.
    index('people_operator_district_idx')
      .on(t.operatorId, t.domicileDistrictCode, t.createdAt)
      .where(sql`${t.status} <> 'merged'`),
    index('people_operator_created_idx').on(t.operatorId, t.createdAt).where(sql`${t.status} <> 'merged'`),
    index('people_operator_phone_idx').on(t.operatorId, t.phone),
    index('people_operator_birth_idx').on(t.operatorId, t.birthDate),
    index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A business a person owns; a person may own several. */
export const businesses = pgTable(
  'businesses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    name: text('name').notNull(),
    kbli: text('kbli'),
    productType: text('product_type'),
    legalForm: text('legal_form'),
    nib: text('nib'),
    foundedOn: date('founded_on'),
    // Not yet trading: an idea being prepared (many WUB applicants start here).
    preVenture: boolean('pre_venture').notNull().default(false),
    address: text('address'),
    villageCode: text('village_code').references(() => regions.code),
    districtCode: text('district_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    employeesMale: integer('employees_male').notNull().default(0),
    employeesFemale: integer('employees_female').notNull().default(0),
    // Integer rupiah per month at registration.
    monthlyRevenue: bigint('monthly_revenue', { mode: 'number' }),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    // active | moved | paused | closed — survival figures are computed from the history below.
    status: text('status').notNull().default('active'),
    statusSince: date('status_since'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('businesses_person_idx').on(t.personId),
    index('businesses_operator_kbli_idx').on(t.operatorId, t.kbli),
  ],
);

export const businessStatusEvents = pgTable(
  'business_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    status: text('status').notNull(),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason'),
    newAddress: text('new_address'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('business_status_events_business_idx').on(t.businessId, t.effectiveOn)],
);

/** A person applying to / belonging to a track, with the selection status. */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id),
    // applicant | documents_checked | interviewed | accepted | waitlisted | rejected
    status: text('status').notNull().default('applicant'),
    // The automatic eligibility check: [{ rule, ok, message }]
    eligibility: jsonb('eligibility').notNull().default([]),
    quotaOverride: boolean('quota_override').notNull().default(false),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enrollments_person_track_uq').on(t.personId, t.trackId),
    index('enrollments_track_status_idx').on(t.trackId, t.status),
  ],
);

export const selectionEvents = pgTable(
  'selection_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    notes: text('notes'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('selection_events_enrollment_idx').on(t.enrollmentId, t.decidedAt)],
);

/**
 * The 7 PAS journey, as history: every change of a stage's status. Stages: 1 Pendaftaran, 2 Pelatihan,
 * 3 Pendampingan, 4 Perizinan, 5 Pemasaran, 6 Pelaporan Keuangan, 7 Permodalan.
 */
export const stageEvents = pgTable(
  'stage_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    stage: smallint('stage').notNull(),
    // not_started | in_progress | done
    status: text('status').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    // manual | registration | trainings | mentoring | … (the module that moved it)
    source: text('source').notNull().default('manual'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stage_events_person_idx').on(t.personId, t.recordedAt)],
);

/**
 * The current status of each stage per person, kept in step with stage_events in the same transaction: the
 * participant list filters a million members by stage, which the history alone cannot answer quickly.
 */
export const participantStages = pgTable(
  'participant_stages',
  {
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    stage: smallint('stage').notNull(),
    status: text('status').notNull(),
    since: date('since').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    unique('participant_stages_pk').on(t.personId, t.stage),
    index('participant_stages_filter_idx').on(t.operatorId, t.stage, t.status),
  ],
);

/** Who mentors whom (the pendamping's caseload); the mentoring module builds on it. */
export const mentorAssignments = pgTable(
  'mentor_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    mentorUserId: text('mentor_user_id')
      .notNull()
      .references(() => user.id),
    since: date('since').notNull(),
    until: date('until'),
    assignedBy: text('assigned_by'),
  },
  (t) => [
    index('mentor_assignments_person_idx').on(t.personId),
    index('mentor_assignments_mentor_idx').on(t.mentorUserId),
  ],
);

/** Documents and photos attached to a person or a business (KTP, KK, recommendation letter, product photos). */
export const participantFiles = pgTable(
  'participant_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    businessId: uuid('business_id').references(() => businesses.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    // ktp | kk | recommendation_letter | business_photo | other
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('participant_files_person_idx').on(t.personId)],
);

/** A pair of records staff declared to be two different people, so the near-duplicate check stops flagging it. */
export const distinctPairs = pgTable(
  'distinct_pairs',
  {
    operatorId: uuid('operator_id').notNull(),
    personA: uuid('person_a').notNull(),
    personB: uuid('person_b').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('distinct_pairs_uq').on(t.personA, t.personB)],
);

/** A participant-list filter a user saved under a name. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('saved_filters_user_name_uq').on(t.userId, t.name)],
);
