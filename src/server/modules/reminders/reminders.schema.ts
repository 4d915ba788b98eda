import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Reminders already sent, keyed by what they were about (`training:<sessionId>:<personId>`,
 * `caseload:<userId>:<date>`), so that a daily job run twice, or on two workers, never sends twice.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    key: text('key').primaryKey(),
    sentOn: date('sent_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reminders_sent_on_idx').on(t.sentOn)],
);
