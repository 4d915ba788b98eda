import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/files.schema.js';
import { operators } from '../operators/operators.schema.js';

/**
 * One spreadsheet import: its options, and the counters and checkpoint that each committed batch moves forward in
 * the same transaction as the rows it wrote. A crash therefore loses at most the batch in flight, and a resumed run
 * continues after `checkpointRow` with the counts already right. Status and progress live on the job (job_runs).
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    // What one row of the file is: participants (a person and their business) | monthly_reports (a business's month)
    kind: text('kind').notNull().default('participants'),
    programId: uuid('program_id'),
    trackId: uuid('track_id'),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    fileName: text('file_name').notNull(),
    // xlsx | csv
    format: text('format').notNull(),
    sheet: text('sheet'),
    // 1-based row number of the header as Excel shows it
    headerRow: integer('header_row').notNull(),
    // { field: column index }
    mapping: jsonb('mapping').notNull(),
    // The header row's cells, read when the run starts: the columns of the report file.
    headers: jsonb('headers'),
    // create | upsert
    mode: text('mode').notNull().default('create'),
    dryRun: boolean('dry_run').notNull().default(false),
    asMembers: boolean('as_members').notNull().default(false),
    // The latest run; a resumed import gets a new job.
    jobId: uuid('job_id'),
    totalRows: integer('total_rows').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    // Every data row up to this sheet row number is committed (counted, written, or recorded as an issue).
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    finished: boolean('finished').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('imports_operator_created_idx').on(t.operatorId, t.createdAt)],
);

/** A row that was not imported: rejected with reasons, or skipped as a duplicate — the rows of the report file. */
export const importIssues = pgTable(
  'import_issues',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id),
    rowNo: integer('row_no').notNull(),
    // rejected | duplicate
    kind: text('kind').notNull(),
    // [{ field, code, message }]
    reasons: jsonb('reasons').notNull(),
    // The row's cells as they were in the file, in column order, so the report can be fixed and imported again.
    cells: jsonb('cells').notNull(),
    existingPersonId: uuid('existing_person_id'),
  },
  (t) => [
    // A re-processed batch can never record a row twice.
    unique('import_issues_row_uq').on(t.importId, t.rowNo),
    index('import_issues_kind_idx').on(t.importId, t.kind, t.rowNo),
  ],
);
