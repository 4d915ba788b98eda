import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { operators } from '../operators/operators.schema.js';
import { businesses, people } from '../participants/participants.schema.js';

/**
 * A business's monthly report (Pelaporan Keuangan, stage 6): one per business per month, entered by the member or
 * by their mentor or other staff on their behalf (`entered_as`). A second submission for the same month is an edit
 * (audited, `revision` + 1). Money is integer rupiah. `month` is the first day of the month reported.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
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
    month: date('month').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    costs: bigint('costs', { mode: 'number' }).notNull().default(0),
    profit: bigint('profit', { mode: 'number' }).notNull().default(0),
    employeesMalePaid: integer('employees_male_paid').notNull().default(0),
    employeesMaleUnpaid: integer('employees_male_unpaid').notNull().default(0),
    employeesFemalePaid: integer('employees_female_paid').notNull().default(0),
    employeesFemaleUnpaid: integer('employees_female_unpaid').notNull().default(0),
    // sales channels used this month (`salesChannels` of shared/finance.ts)
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    // member | mentor | staff | import — who typed it; anything but member is "on the member's behalf"
    enteredAs: text('entered_as').notNull(),
    enteredBy: text('entered_by'),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('monthly_reports_business_month_uq').on(t.businessId, t.month),
    index('monthly_reports_operator_month_idx').on(t.operatorId, t.month),
    index('monthly_reports_person_idx').on(t.personId, t.month),
  ],
);

/**
 * The business class (PP 7/2021) of a business at the end of each reported month, from the trailing 12 months of
 * revenue (annualised while fewer than 12 are reported). Rewritten for the months an edit affects, so the history and
 * "naik kelas" (a class above the previous month's) never need a recompute per request.
 */
export const businessClasses = pgTable(
  'business_classes',
  {
    operatorId: uuid('operator_id').notNull(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    month: date('month').notNull(),
    // mikro | kecil | menengah | besar
    class: text('class').notNull(),
    // 1 mikro … 4 besar, for comparisons
    rank: smallint('rank').notNull(),
    annualRevenue: bigint('annual_revenue', { mode: 'number' }).notNull(),
    monthsCounted: smallint('months_counted').notNull(),
    movedUp: boolean('moved_up').notNull().default(false),
  },
  (t) => [
    unique('business_classes_business_month_uq').on(t.businessId, t.month),
    index('business_classes_operator_month_idx').on(t.operatorId, t.month),
  ],
);
