import { boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { operators } from '../operators/operators.schema.js';

/**
 * An organisation the operator works with: a bank or cooperative that lends, a revolving-fund manager, a CSR program,
 * a mall, a campus, a government body. Capital products hang off it now; agreements and commitments later.
 */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    name: text('name').notNull(),
    // bank | cooperative | revolving_fund | csr | government | agency | retail | university | community
    type: text('type').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    address: text('address'),
    // a region code (any level) where the partner works; null = the operator's whole area
    regionCode: text('region_code'),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('partners_operator_name_uq').on(t.operatorId, t.name)],
);

/** The Sentra users (role `partner`) who act for a partner: they see only what was sent to their organisation. */
export const partnerUsers = pgTable(
  'partner_users',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('partner_users_uq').on(t.partnerId, t.userId), index('partner_users_user_idx').on(t.userId)],
);
