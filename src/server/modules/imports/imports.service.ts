import { PassThrough, type Readable } from 'node:stream';
import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { type Language, zodText } from '../../../shared/error-codes.js';
import { type ColumnMapping, importFields, requiredImportFields } from '../../../shared/import/fields.js';
import { guessHeaderRow, suggestMapping } from '../../../shared/import/header-match.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { XLSX } from '../../platform/files/file-types.js';
import type { Files } from '../../platform/files/files.js';
import { files } from '../../platform/files/files.schema.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { jobRuns } from '../../platform/jobs/jobs.schema.js';
import { requireAccess, type Scope } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { unknownTrack } from '../participants/registration.service.js';
import { tracks } from '../programs/programs.schema.js';
import { createRowChecker, loadRowContext } from './import-rows.js';
import { countsOf, type ImportRecord, type RunOptions, runImport } from './import-run.js';
import { type CheckedRow, classifyBatch, type Reason } from './import-write.js';
import { importIssues, imports } from './imports.schema.js';
import { listSheets, type OpenSource, readRows, type SpreadsheetFormat } from './spreadsheet-reader.js';
import { createSheetWriter } from './spreadsheet-writer.js';

export const importModes = ['create', 'upsert'] as const;

const mappingSchema = z
  .partialRecord(z.enum(importFields), z.number().int().min(0).max(1000))
  .refine(
    (m) => new Set(Object.values(m)).size === Object.values(m).length,
    zodText('satu kolom hanya untuk satu isian', 'one column can fill only one field'),
  );

/** The options of an import, shared by the preview, the start and the CLI. */
export const importOptions = z.object({
  operatorId: z.uuid(),
  fileId: z.uuid(),
  programId: z.uuid().nullish(),
  trackId: z.uuid().nullish(),
  sheet: z.string().trim().min(1).max(200).nullish(),
  headerRow: z.number().int().min(1).max(1000).nullish(),
  mapping: mappingSchema.nullish(),
  mode: z.enum(importModes).default('create'),
  dryRun: z.boolean().default(false),
  asMembers: z.boolean().default(false),
});
export type ImportOptions = z.input<typeof importOptions>;

export const IMPORT_QUEUE = 'imports.run';
const PREVIEW_ROWS = 50;
// A running import writes its progress several times a second; this long without a word, its process is gone.
const STALL_MS = 90_000;

type Layout = { sheets: string[]; sheet: string; headerRow: number; headers: string[]; samples: string[][] };

/**
 * A reason as the report says it, in the reader's language (the .xlsx report is Indonesian): ambiguous or misspelt
 * names list the places they may mean.
 */
function reasonText(r: Reason, language: Language = 'id') {
  const en = language === 'en' ? r.en : undefined;
  const message = en ?? r.message;
  if (!r.candidates?.length) return message;
  const places = r.candidates.map((c) => `${c.name} (${c.code})`).join('; ');
  return `${message} — ${en ? 'perhaps you meant' : 'mungkin maksudnya'}: ${places}`;
}

const cellText = (c: unknown) =>
  c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).replace(/\s+/g, ' ').trim();

export function makeImportsService(database: Database, deps: { files: Files; jobs: Jobs }) {
  const { db } = database;

  /**
   * Imports (and uploaded files) a person may open: their own, and all of an operator where they hold an
   * operator-wide grant. A kecamatan coordinator never sees another kecamatan's rejected rows.
   */
  function visibleTo(actor: Actor | undefined, column: { operator: AnyPgColumn; creator: AnyPgColumn }) {
    const scope = requireAccess(actor, 'imports.run');
    if (scope.all) return undefined;
    const wide = scope.areas.filter((a) => a.regionPrefix === null).map((a) => a.operatorId);
    return (
      or(
        actor?.kind === 'user' ? eq(column.creator, actor.userId) : undefined,
        wide.length ? inArray(column.operator, wide) : undefined,
      ) ?? sql`false`
    );
  }
  const importsOf = (actor: Actor | undefined) =>
    visibleTo(actor, { operator: imports.operatorId, creator: imports.createdBy });

  async function storedFile(actor: Actor | undefined, operatorId: string, fileId: string) {
    const [file] = await db
      .select()
      .from(files)
      .where(
        and(
          eq(files.id, fileId),
          eq(files.operatorId, operatorId),
          eq(files.purpose, 'import'),
          visibleTo(actor, { operator: files.operatorId, creator: files.createdBy }),
        ),
      );
    // A file of another operator, of someone else, or not an import, looks like a missing one.
    if (!file) throw AppError.notFound({ id: 'Berkas', en: 'File' });
    const format: SpreadsheetFormat = file.contentType === XLSX ? 'xlsx' : 'csv';
    const open: OpenSource = () => deps.files.store.get(file.storageKey);
    return { file, format, open };
  }

  function requireOperator(actor: Actor | undefined, operatorId: string): Scope {
    return requireAccess(actor, 'imports.run', { operatorId, anyRegion: true }, { id: 'Operator', en: 'Operator' });
  }

  /** Sheet, header row (given or guessed), header cells and a few sample values per column. */
  async function layoutOf(
    open: OpenSource,
    format: SpreadsheetFormat,
    sheet?: string | null,
    headerRow?: number | null,
  ) {
    const sheets = await listSheets(open, format);
    const chosen = sheet ?? sheets[0];
    if (!sheets.includes(chosen))
      throw AppError.validation([
        {
          path: 'sheet',
          code: 'unknown_sheet',
          message: `Lembar tidak ditemukan: ${chosen}`,
          en: `Sheet not found: ${chosen}`,
        },
      ]);
    const top: Array<{ rowNo: number; cells: unknown[] }> = [];
    for await (const row of readRows(open, format, { sheet: chosen })) {
      top.push(row);
      if (top.length >= (headerRow ?? 0) + 25) break;
    }
    const headerAt = headerRow ?? top[guessHeaderRow(top.map((r) => r.cells))]?.rowNo ?? 1;
    const headerCells = top.find((r) => r.rowNo === headerAt)?.cells ?? [];
    const below = top.filter((r) => r.rowNo > headerAt).slice(0, 5);
    const width = Math.max(headerCells.length, ...below.map((r) => r.cells.length), 0);
    const headers = Array.from({ length: width }, (_, i) => cellText(headerCells[i]));
    const samples = headers.map((_, i) =>
      below
        .map((r) => cellText(r.cells[i]))
        .filter(Boolean)
        .slice(0, 3),
    );
    return { sheets, sheet: chosen, headerRow: headerAt, headers, samples } satisfies Layout;
  }

  function checkMapping(mapping: ColumnMapping, width: number) {
    const problems = Object.entries(mapping)
      .filter(([, index]) => index >= width)
      .map(([field]) => ({
        path: `mapping.${field}`,
        code: 'unknown_column',
        message: 'Kolom tidak ada di lembar ini',
        en: 'No such column in this sheet',
      }));
    for (const field of requiredImportFields)
      if (mapping[field] === undefined)
        problems.push({
          path: `mapping.${field}`,
          code: 'required',
          message: 'Kolom wajib belum dipetakan',
          en: 'This required field has no column yet',
        });
    if (problems.length)
      throw AppError.validation(problems, {
        id: 'Pemetaan kolom belum lengkap',
        en: 'The column mapping is not complete',
      });
  }

  async function view(row: ImportRecord & { job: typeof jobRuns.$inferSelect | null }) {
    const job = row.job;
    // A run whose process died (crash, restart, killed CLI) stops reporting progress; pg-boss would only notice
    // when the job expires hours later, so a silent run is shown as failed, and can be resumed.
    const stalled = job?.status === 'running' && Date.now() - job.updatedAt.getTime() > STALL_MS;
    const status = row.finished ? 'done' : stalled ? 'failed' : (job?.status ?? 'queued');
    const done = job?.progressDone ?? 0;
    const total = job?.progressTotal ?? null;
    const elapsed = job?.startedAt ? (Date.now() - job.startedAt.getTime()) / 1000 : 0;
    const etaSeconds =
      status === 'running' && total && done > 0 ? Math.max(0, Math.round((elapsed / done) * (total - done))) : null;
    return {
      id: row.id,
      operatorId: row.operatorId,
      programId: row.programId,
      trackId: row.trackId,
      fileId: row.fileId,
      fileName: row.fileName,
      format: row.format,
      sheet: row.sheet,
      headerRow: row.headerRow,
      mapping: row.mapping as ColumnMapping,
      mode: row.mode,
      dryRun: row.dryRun,
      asMembers: row.asMembers,
      status: status as 'queued' | 'running' | 'done' | 'failed',
      progress: { done: row.finished ? (total ?? done) : done, total, etaSeconds },
      counts: countsOf(row),
      // Like the job's own error (stored in job_runs, not per request), the reason a run stopped stays Indonesian.
      error:
        status !== 'failed'
          ? null
          : stalled
            ? {
                code: 'INTERNAL',
                message: 'Impor terhenti (server atau proses berhenti) — lanjutkan dari baris terakhir',
              }
            : ((job?.error as { code: string; message: string } | null) ?? null),
      canResume: status === 'failed' && !row.finished,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      startedAt: job?.startedAt ?? null,
      finishedAt: row.finished ? (job?.finishedAt ?? row.updatedAt) : null,
    };
  }

  async function load(actor: Actor | undefined, id: string) {
    const [row] = await db
      .select({ imp: imports, job: jobRuns })
      .from(imports)
      .leftJoin(jobRuns, eq(jobRuns.id, imports.jobId))
      .where(and(eq(imports.id, id), importsOf(actor)));
    if (!row) throw AppError.notFound({ id: 'Impor', en: 'Import' });
    return { ...row.imp, job: row.job };
  }

  async function enqueue(actor: Actor, imp: ImportRecord, tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) {
    const { id: jobId } = await deps.jobs.enqueue(
      IMPORT_QUEUE,
      { importId: imp.id },
      { tx, createdBy: actorId(actor), operatorId: imp.operatorId },
    );
    await tx.update(imports).set({ jobId, updatedAt: new Date() }).where(eq(imports.id, imp.id));
  }

  const service = {
    /** Step 1: keeps the uploaded spreadsheet (type checked from its bytes) and names its sheets. */
    async upload(actor: Actor | undefined, input: { operatorId: string; filename: string; body: Readable }) {
      requireOperator(actor, input.operatorId);
      const meta = await deps.files.saveUpload(actor, { ...input, purpose: 'import' });
      const { format, open } = await storedFile(actor, input.operatorId, meta.id);
      const sheets = await listSheets(open, format);
      return { fileId: meta.id, fileName: meta.originalName, size: meta.size, format, sheets };
    },

    /** Steps 2–4: the sheet's layout, the suggested mapping and the first rows checked exactly as the import will. */
    async inspect(actor: Actor | undefined, input: ImportOptions, language: Language = 'id') {
      const o = importOptions.parse(input);
      const scope = requireOperator(actor, o.operatorId);
      const { format, open } = await storedFile(actor, o.operatorId, o.fileId);
      const layout = await layoutOf(open, format, o.sheet, o.headerRow);
      const suggested = suggestMapping(layout.headers);
      const mapping = (o.mapping ?? suggested) as ColumnMapping;
      const missingRequired = requiredImportFields.filter((f) => mapping[f] === undefined);
      const ctx = await loadRowContext(db, o.operatorId, o.trackId ?? null);
      const checker = createRowChecker(ctx, mapping, scope);
      const checked: CheckedRow[] = [];
      if (missingRequired.length === 0) {
        for await (const { rowNo, cells } of readRows(open, format, {
          sheet: layout.sheet,
          fromRow: layout.headerRow + 1,
        })) {
          const row = checker.check(rowNo, cells);
          if (row) checked.push(row);
          if (checked.length >= PREVIEW_ROWS) break;
        }
      }
      const { fresh, updates, skipped } = await classifyBatch(db, checked, {
        operatorId: o.operatorId,
        mode: o.mode,
        scope,
      });
      type Outcome = {
        outcome: 'ok' | 'update' | 'duplicate' | 'rejected';
        problems: Reason[];
        existingId?: string | null;
      };
      const outcome = new Map<number, Outcome>();
      for (const f of fresh) outcome.set(f.r.rowNo, { outcome: 'ok', problems: [] });
      for (const u of updates) outcome.set(u.r.rowNo, { outcome: 'update', problems: [] });
      for (const s of skipped)
        outcome.set(s.r.rowNo, {
          outcome: s.kind,
          problems: s.reasons.map((r) => ({ ...r, message: language === 'en' && r.en ? r.en : r.message })),
          existingId: s.existingId,
        });
      const mapped = Object.entries(mapping) as Array<[string, number]>;
      return {
        sheets: layout.sheets,
        sheet: layout.sheet,
        headerRow: layout.headerRow,
        columns: layout.headers.map((header, index) => ({ index, header, samples: layout.samples[index] })),
        suggested,
        mapping,
        missingRequired,
        rows: checked.map((r) => ({
          rowNo: r.rowNo,
          values: Object.fromEntries(mapped.map(([field, index]) => [field, cellText(r.cells[index]) || null])),
          resolved: r.ok
            ? {
                villageCode: r.row.domicileVillageCode,
                districtCode: r.row.domicileDistrictCode,
                kecamatan: ctx.names.get(r.row.domicileDistrictCode) ?? null,
                kelurahan: ctx.names.get(r.row.domicileVillageCode) ?? null,
              }
            : null,
          ...outcome.get(r.rowNo)!,
        })),
      };
    },

    /** Step 5: records the import and queues its job in one transaction; 202 with the import's id. */
    async start(actor: Actor | undefined, input: ImportOptions) {
      const o = importOptions.parse(input);
      requireOperator(actor, o.operatorId);
      const { file, format, open } = await storedFile(actor, o.operatorId, o.fileId);
      if (o.trackId) {
        const [track] = await db.select().from(tracks).where(eq(tracks.id, o.trackId));
        if (track?.operatorId !== o.operatorId || (o.programId && track.programId !== o.programId))
          throw AppError.validation([unknownTrack]);
      }
      const layout = await layoutOf(open, format, o.sheet, o.headerRow);
      const mapping = (o.mapping ?? suggestMapping(layout.headers)) as ColumnMapping;
      checkMapping(mapping, layout.headers.length);
      const who = actor!;
      return db.transaction(async (tx) => {
        const [imp] = await tx
          .insert(imports)
          .values({
            operatorId: o.operatorId,
            programId: o.programId ?? null,
            trackId: o.trackId ?? null,
            fileId: file.id,
            fileName: file.originalName,
            format,
            sheet: layout.sheet,
            headerRow: layout.headerRow,
            mapping,
            mode: o.mode,
            dryRun: o.dryRun,
            asMembers: o.asMembers,
            createdBy: actorId(who),
          })
          .returning();
        await enqueue(who, imp, tx);
        await recordAudit(tx, who, {
          action: 'import',
          entity: 'import',
          entityId: imp.id,
          operatorId: imp.operatorId,
          after: { fileName: imp.fileName, sheet: imp.sheet, mode: imp.mode, dryRun: imp.dryRun, trackId: imp.trackId },
        });
        return { id: imp.id, status: 'queued' as const };
      });
    },

    /** A failed import continues after its last committed batch, as a new job. */
    async resume(actor: Actor | undefined, id: string) {
      const imp = await load(actor, id);
      requireOperator(actor, imp.operatorId);
      const current = await view(imp);
      if (!current.canResume)
        throw new AppError('CONFLICT', {
          id: 'Impor ini tidak dapat dilanjutkan — hanya impor yang gagal di tengah jalan',
          en: 'This import cannot be resumed — only an import that failed half-way can',
        });
      await db.transaction((tx) => enqueue(actor!, imp, tx));
      return { id, status: 'queued' as const };
    },

    async get(actor: Actor | undefined, id: string) {
      return view(await load(actor, id));
    },

    async list(actor: Actor | undefined, q: { page: number; pageSize: number; operatorId?: string }) {
      const where = and(importsOf(actor), q.operatorId ? eq(imports.operatorId, q.operatorId) : undefined);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({ imp: imports, job: jobRuns })
          .from(imports)
          .leftJoin(jobRuns, eq(jobRuns.id, imports.jobId))
          .where(where)
          .orderBy(desc(imports.createdAt), desc(imports.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(imports).where(where),
      ]);
      return { items: await Promise.all(rows.map((r) => view({ ...r.imp, job: r.job }))), total };
    },

    /** The rows that were not imported, in file order, with their reasons and cells under the file's headers. */
    async issues(
      actor: Actor | undefined,
      id: string,
      q: { page: number; pageSize: number; kind?: 'rejected' | 'duplicate'; language?: Language },
    ) {
      const imp = await load(actor, id);
      const where = and(eq(importIssues.importId, imp.id), q.kind ? eq(importIssues.kind, q.kind) : undefined);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(importIssues)
          .where(where)
          .orderBy(asc(importIssues.rowNo))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(importIssues).where(where),
      ]);
      const headers = (imp.headers as string[] | null) ?? [];
      return {
        items: rows.map((r) => ({
          rowNo: r.rowNo,
          kind: r.kind as 'rejected' | 'duplicate',
          reasons: (r.reasons as Reason[]).map((x) => ({
            field: x.field,
            code: x.code,
            message: reasonText(x, q.language),
          })),
          values: Object.fromEntries(
            (r.cells as unknown[]).map((c, i) => [headers[i] || `Kolom ${i + 1}`, c == null ? null : String(c)]),
          ),
          existingPersonId: r.existingPersonId,
        })),
        total,
      };
    },

    /**
     * The rejected and duplicate rows as a workbook: why, the row number, then the file's own columns — fix the
     * cells and import this file again (the extra columns are not mapped). Streams, page by page.
     */
    async rejectedReport(actor: Actor | undefined, id: string): Promise<{ fileName: string; stream: Readable }> {
      const imp = await load(actor, id);
      const headers = (imp.headers as string[] | null) ?? [];
      const mapping = imp.mapping as ColumnMapping;
      const textColumns = (['nik', 'phone', 'nib', 'kbli'] as const)
        .map((f) => mapping[f])
        .filter((i): i is number => i !== undefined)
        .map((i) => i + 3);
      const out = new PassThrough();
      const writer = createSheetWriter('xlsx', out, {
        sheetName: 'Perlu diperbaiki',
        headers: ['Alasan', 'Jenis', 'Baris', ...headers],
        textColumns,
      });
      void (async () => {
        let after = 0;
        for (;;) {
          const page = await db
            .select()
            .from(importIssues)
            .where(and(eq(importIssues.importId, imp.id), gt(importIssues.rowNo, after)))
            .orderBy(asc(importIssues.rowNo))
            .limit(2000);
          for (const r of page) {
            const reasons = (r.reasons as Reason[]).map((x) => reasonText(x)).join(' · ');
            await writer.addRow([
              reasons,
              r.kind === 'rejected' ? 'Ditolak' : 'Duplikat',
              r.rowNo,
              ...(r.cells as unknown[]),
            ]);
          }
          if (page.length < 2000) break;
          after = page[page.length - 1].rowNo;
        }
        await writer.finish();
      })().catch((err) => out.destroy(err));
      const base = imp.fileName.replace(/\.[^.]+$/, '');
      return { fileName: `${base}-perlu-diperbaiki.xlsx`, stream: out };
    },

    /** The job handler; also called directly by the CLI, which shows the same progress on the terminal. */
    run: (importId: string, options: RunOptions) => runWith(importId, options),
  };

  async function runWith(importId: string, options: RunOptions) {
    const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
    if (!imp) throw AppError.notFound({ id: 'Impor', en: 'Import' });
    const [file] = await db.select().from(files).where(eq(files.id, imp.fileId));
    return runImport(database, () => deps.files.store.get(file.storageKey), importId, options);
  }

  deps.jobs.define(IMPORT_QUEUE, {
    schema: z.object({ importId: z.uuid() }),
    // A national file can take a while; pg-boss fails runs older than this.
    expireInMinutes: 180,
    handler: (ctx) => runWith(ctx.data.importId, { progress: ctx.progress }),
  });

  return service;
}

export type ImportsService = ReturnType<typeof makeImportsService>;
