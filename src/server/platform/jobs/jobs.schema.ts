import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The user-visible record of a background job: pg-boss owns queueing and retries, this row owns what a
 * person sees (status, progress bar, result). Its id is the pg-boss job id.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    queue: text('queue').notNull(),
    operatorId: uuid('operator_id'),
    createdBy: text('created_by'),
    // queued | running | done | failed
    status: text('status').notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    message: text('message'),
    input: jsonb('input'),
    result: jsonb('result'),
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_runs_operator_created_idx').on(t.operatorId, t.createdAt),
    index('job_runs_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);
