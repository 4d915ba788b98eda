import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { operators } from '../operators/operators.schema.js';
import { businesses, people } from '../participants/participants.schema.js';
import { partners } from '../partners/partners.schema.js';

/** A financing product of a partner (KUR, micro-loan, grant, revolving fund) with its terms. Amounts in rupiah. */
export const capitalProducts = pgTable(
  'capital_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    // kur | micro_loan | grant | revolving_fund
    kind: text('kind').notNull(),
    minAmount: bigint('min_amount', { mode: 'number' }),
    maxAmount: bigint('max_amount', { mode: 'number' }),
    // per cent per year; null for grants
    interestRate: numeric('interest_rate', { precision: 5, scale: 2, mode: 'number' }),
    maxTenorMonths: integer('max_tenor_months'),
    collateral: text('collateral'),
    requirements: text('requirements'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('capital_products_partner_idx').on(t.partnerId)],
);

/**
 * A business's application for a product (Permodalan, stage 7). `partner_id` is the product's, kept on the row so a
 * partner user's list is one indexed filter. Status: draft → submitted → approved | rejected; approved → disbursed →
 * repaying → repaid | default.
 */
export const capitalApplications = pgTable(
  'capital_applications',
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
    productId: uuid('product_id')
      .notNull()
      .references(() => capitalProducts.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    amountRequested: bigint('amount_requested', { mode: 'number' }).notNull(),
    purpose: text('purpose'),
    // draft | submitted | approved | rejected | disbursed | repaying | repaid | default
    status: text('status').notNull().default('draft'),
    submittedOn: date('submitted_on'),
    amountApproved: bigint('amount_approved', { mode: 'number' }),
    approvedOn: date('approved_on'),
    amountDisbursed: bigint('amount_disbursed', { mode: 'number' }),
    disbursedOn: date('disbursed_on'),
    decisionNote: text('decision_note'),
    // [{ fileId, kind, name }]
    documents: jsonb('documents').notNull().default(sql`'[]'::jsonb`),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('capital_applications_business_idx').on(t.businessId),
    index('capital_applications_person_idx').on(t.personId),
    index('capital_applications_partner_idx').on(t.partnerId, t.status),
    index('capital_applications_operator_status_idx').on(t.operatorId, t.status),
  ],
);

/** Every status change of an application, with who made it (staff or the partner's user) and the note. */
export const capitalApplicationEvents = pgTable(
  'capital_application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => capitalApplications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('capital_application_events_app_idx').on(t.applicationId, t.recordedAt)],
);
