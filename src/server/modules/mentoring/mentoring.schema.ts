import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { centers, operators } from '../operators/operators.schema.js';
import { businesses, people } from '../participants/participants.schema.js';

/**
 * A mentor's (pendamping's) profile at one operator: what they know, which kecamatan they cover, how many members
 * they can carry and how many they are to recruit. The assignments themselves are `mentor_assignments`.
 */
export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    // mentoring topics (`mentoringTopics` of shared/mentoring.ts): finance | packaging | permits | marketing | …
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    // Business sectors the mentor knows best (`kbliSectors` of shared/kbli.ts, which a business's KBLI code maps to);
    // used by the assignment suggestion.
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(50),
    recruitmentTarget: integer('recruitment_target'),
    // Members not contacted for this many days count as "not contacted" in the caseload.
    contactEveryDays: integer('contact_every_days').notNull().default(30),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'mentor_profiles_pk', columns: [t.operatorId, t.userId] })],
);

/** One mentoring contact, logged like a counseling record: when, how, how long, about what, and what comes next. */
export const mentoringSessions = pgTable(
  'mentoring_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    businessId: uuid('business_id').references(() => businesses.id),
    mentorUserId: text('mentor_user_id')
      .notNull()
      .references(() => user.id),
    heldOn: date('held_on').notNull(),
    // visit | phone | whatsapp | clinic
    mode: text('mode').notNull(),
    prepHours: numeric('prep_hours', { precision: 4, scale: 2, mode: 'number' }).notNull().default(0),
    contactHours: numeric('contact_hours', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    nextFollowUpOn: date('next_follow_up_on'),
    // File ids of photos and documents taken in the field.
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    clinicBookingId: uuid('clinic_booking_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentoring_sessions_person_idx').on(t.personId, t.heldOn),
    index('mentoring_sessions_mentor_idx').on(t.mentorUserId, t.heldOn),
  ],
);

/** An action agreed in a session ("urus NIB", "foto produk ulang") with a due date, open until marked done. */
export const mentoringActions = pgTable(
  'mentoring_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mentoringSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    description: text('description').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
  },
  (t) => [index('mentoring_actions_person_idx').on(t.personId, t.doneAt)],
);

/** A bookable time slot of the business clinic at a center, optionally with a named mentor. */
export const clinicSlots = pgTable(
  'clinic_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    mentorUserId: text('mentor_user_id').references(() => user.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clinic_slots_center_idx').on(t.centerId, t.startsAt)],
);

/**
 * A member's booking of a clinic slot: requested → confirmed (by a mentor) → done, or cancelled. The partial unique
 * index is the rule "no double-booking": at most one live booking per slot, whoever races for it.
 */
export const clinicBookings = pgTable(
  'clinic_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => clinicSlots.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    // requested | confirmed | done | cancelled
    status: text('status').notNull().default('requested'),
    topic: text('topic'),
    bookedBy: text('booked_by'),
    confirmedBy: text('confirmed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clinic_bookings_live_slot_uq').on(t.slotId).where(sql`status in ('requested', 'confirmed')`),
    index('clinic_bookings_person_idx').on(t.personId),
  ],
);
