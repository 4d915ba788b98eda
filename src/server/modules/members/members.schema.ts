import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { people } from '../participants/participants.schema.js';

/**
 * The sign-in account of a member (role `participant`) tied to their person record, so that a business owner can
 * see their own journey, enroll in trainings, show their QR card, scan a session QR and book the business clinic.
 */
export const memberAccounts = pgTable(
  'member_accounts',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    operatorId: uuid('operator_id').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('member_accounts_person_uq').on(t.personId)],
);
