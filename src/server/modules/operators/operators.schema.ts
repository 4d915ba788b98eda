import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.schema.js';

/** A program operator (tenant): a dinas, a province, an OK OCE chapter. Every domain row carries its id. */
export const operators = pgTable('operators', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  // Region codes (any level) the operator serves; staff scopes and centers must fall inside them.
  serviceArea: text('service_area').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  // The operator's own rules (`OperatorSettings` of shared/operator-settings.ts): permit types, reminder days, …
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** "One kecamatan, one center": an operator's office in a kecamatan. Coordinators are the role assignments of that kecamatan. */
export const centers = pgTable(
  'centers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    districtCode: text('district_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    address: text('address'),
    villageCode: text('village_code').references(() => regions.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('centers_operator_district_uq').on(t.operatorId, t.districtCode),
    index('centers_district_idx').on(t.districtCode),
  ],
);
