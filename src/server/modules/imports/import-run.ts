import { eq } from 'drizzle-orm';
import type { ColumnMapping } from '../../../shared/import/fields.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { scopeOf } from '../access/access.js';
import { type Actor, systemActor } from '../access/actor.js';
import { loadGrants } from '../users/users.service.js';
import { createRowChecker, loadRowContext } from './import-rows.js';
import { type CheckedRow, writeBatch } from './import-write.js';
import { imports } from './imports.schema.js';
import { countRows, type OpenSource, readRows, type SpreadsheetFormat } from './spreadsheet-reader.js';

export type ImportRecord = typeof imports.$inferSelect;

export type RunOptions = {
  progress(done: number, total?: number): Promise<void>;
  /** Rows per transaction: a crash loses at most this many rows' work, never a part of one batch. */
  batchSize?: number;
  /** Called after each committed batch (tests use it to stop a run half-way, as a crash would). */
  afterBatch?(batchNo: number): Promise<void>;
};

export type Counts = { total: number; imported: number; updated: number; duplicates: number; rejected: number };

export const countsOf = (i: ImportRecord): Counts => ({
  total: i.totalRows,
  imported: i.imported,
  updated: i.updated,
  duplicates: i.duplicates,
  rejected: i.rejected,
});

/** The person who started the import, with the grants they hold now (a revoked grant stops a resumed import). */
async function actorOf(database: Database, createdBy: string | null): Promise<Actor> {
  if (!createdBy) return systemActor('import');
  const [u] = await database.db.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, createdBy));
  if (!u)
    throw AppError.forbidden({
      id: 'Pengguna yang memulai impor ini sudah tidak ada',
      en: 'The user who started this import no longer exists',
    });
  return { kind: 'user', userId: u.id, name: u.name, grants: await loadGrants(database.db, u.id) };
}

/**
 * Runs (or resumes) one import: streams the sheet, checks each row, and commits batches of rows with the counters and
 * the checkpoint in the same transaction. Rows up to the checkpoint are read again only to remember their NIKs, so a
 * resumed run reports exactly what one uninterrupted run would have.
 */
export async function runImport(
  database: Database,
  open: OpenSource,
  importId: string,
  options: RunOptions,
): Promise<Counts> {
  const { db } = database;
  const [job] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!job) throw AppError.notFound({ id: 'Impor', en: 'Import' });
  if (job.finished) return countsOf(job);
  const actor = await actorOf(database, job.createdBy);
  const scope = scopeOf(actor, 'imports.run');
  const ctx = await loadRowContext(db, job.operatorId, job.trackId);
  const format = job.format as SpreadsheetFormat;
  const sheet = job.sheet ?? undefined;

  if (!job.headers) {
    const header = await firstRow(open, format, sheet, job.headerRow);
    await db.update(imports).set({ headers: header }).where(eq(imports.id, importId));
  }
  const lastRow = await countRows(open, format, sheet);
  const total = Math.max(0, lastRow - job.headerRow);
  const checker = createRowChecker(ctx, job.mapping as ColumnMapping, scope);
  const batchSize = options.batchSize ?? 5000;
  const base = {
    importId,
    operatorId: job.operatorId,
    actor,
    scope,
    mode: job.mode as 'create' | 'upsert',
    dryRun: job.dryRun,
    asMembers: job.asMembers,
    track: ctx.track,
  };

  let batch: CheckedRow[] = [];
  let batchNo = 0;
  let lastSeen = job.checkpointRow;
  let previousCheckpoint = job.checkpointRow;
  // One batch is written while the next is read and checked (on PostgreSQL the two run on different cores);
  // batches still commit one after another, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (checkpointRow: number) => {
    const rows = batch;
    batch = [];
    await writing;
    const from = previousCheckpoint;
    previousCheckpoint = checkpointRow;
    writing = (async () => {
      await db.transaction((tx) =>
        writeBatch(database, tx, rows, { ...base, previousCheckpoint: from, checkpointRow }),
      );
      await options.afterBatch?.(++batchNo);
    })();
    // A failed write surfaces at the next flush or at the end; until then it must not count as unhandled.
    writing.catch(() => {});
  };

  await options.progress(0, total);
  for await (const { rowNo, cells } of readRows(open, format, { sheet, fromRow: job.headerRow + 1 })) {
    const checked = checker.check(rowNo, cells);
    if (rowNo <= job.checkpointRow) continue;
    lastSeen = rowNo;
    if (checked) batch.push(checked);
    if (batch.length >= batchSize) await flush(rowNo);
    await options.progress(Math.min(rowNo - job.headerRow, total), total);
  }
  if (batch.length || lastSeen > previousCheckpoint) await flush(lastSeen);
  await writing;
  const [done] = await db
    .update(imports)
    .set({ finished: true, updatedAt: new Date() })
    .where(eq(imports.id, importId))
    .returning();
  await options.progress(total, total);
  return countsOf(done);
}

async function firstRow(open: OpenSource, format: SpreadsheetFormat, sheet: string | undefined, rowNo: number) {
  for await (const row of readRows(open, format, { sheet, fromRow: rowNo })) {
    if (row.rowNo === rowNo)
      return row.cells.map((c) => (c == null ? '' : String(c instanceof Date ? c.toISOString().slice(0, 10) : c)));
    break;
  }
  return [];
}
