import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { files } from '../../platform/files/files.schema.js';
import { operators } from '../operators/operators.schema.js';
import { businesses, people } from '../participants/participants.schema.js';

/**
 * A permit or certificate of a business (Perizinan, stage 4): NIB, PIRT, Halal, BPOM, HKI, SNI, NPWP or another type
 * of the operator's list (`permitTypes` in the operator settings). A record starts as `needed` and follows the
 * assistance workflow to `issued` (or `rejected`); an issued permit past its expiry date is `expired`.
 * `person_id` is the owner's, kept beside the business so region scope and "expiring soon per kecamatan" join once.
 */
export const permits = pgTable(
  'permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    // a key of the operator's permit types: nib | pirt | halal | bpom_md | bpom_ml | hki | sni | npwp | …
    type: text('type').notNull(),
    number: text('number'),
    issuer: text('issuer'),
    issuedOn: date('issued_on'),
    expiresOn: date('expires_on'),
    // needed | in_progress | submitted | issued | rejected | expired
    status: text('status').notNull().default('needed'),
    fileId: uuid('file_id').references(() => files.id),
    // The staff member (usually the pendamping) who helped obtain it.
    helpedBy: text('helped_by').references(() => user.id),
    notes: text('notes'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('permits_business_idx').on(t.businessId),
    index('permits_person_idx').on(t.personId),
    index('permits_operator_expiry_idx').on(t.operatorId, t.expiresOn),
    index('permits_operator_status_idx').on(t.operatorId, t.status),
  ],
);

/** One step of the assistance workflow of a permit (consultation, documents complete, submitted at OSS, …), with its note. */
export const permitSteps = pgTable(
  'permit_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    permitId: uuid('permit_id')
      .notNull()
      .references(() => permits.id),
    step: text('step').notNull(),
    note: text('note'),
    // The permit's status before and after the step, when the step changed it.
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    occurredOn: date('occurred_on').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('permit_steps_permit_idx').on(t.permitId, t.recordedAt)],
);
