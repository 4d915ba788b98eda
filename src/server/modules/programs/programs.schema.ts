import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { operators } from '../operators/operators.schema.js';

/** A program an operator runs for a period, e.g. "Wira Usaha Baru 2024–2026". */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    name: text('name').notNull(),
    description: text('description'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('programs_operator_name_uq').on(t.operatorId, t.name)],
);

/** A track inside a program (WUB, Perempuan Pengusaha) with its eligibility rules and quota. */
export const tracks = pgTable(
  'tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    // Domicile must lie inside this region prefix (e.g. 32.76 for Depok residents); null: anywhere.
    residencyPrefix: text('residency_prefix'),
    // 'L' | 'P' | null (any)
    sex: text('sex'),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'::text[]`),
    quota: integer('quota'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('tracks_program_code_uq').on(t.programId, t.code), index('tracks_operator_idx').on(t.operatorId)],
);

/** How many members a track should reach in a year, for the whole area or one kecamatan. */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    // null: the whole service area
    districtCode: text('district_code'),
    target: integer('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('targets_track_year_district_uq').on(t.trackId, t.year, t.districtCode).nullsNotDistinct()],
);
