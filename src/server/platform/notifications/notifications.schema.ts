import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The notification outbox: a message is written here in the same transaction as the change it reports, then sent by a job. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id'),
    // email | whatsapp | log
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull().default('id'),
    params: jsonb('params').notNull().default({}),
    subject: text('subject'),
    body: text('body').notNull(),
    // queued | sent | failed
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_operator_created_idx').on(t.operatorId, t.createdAt),
    index('notifications_status_idx').on(t.status, t.createdAt),
  ],
);
