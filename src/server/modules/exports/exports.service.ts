import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Permission, regionWithin, roleHas } from '../../../shared/access.js';
import { user } from '../../platform/auth/auth.schema.js';
import { AppError } from '../../platform/errors.js';
import type { JobContext } from '../../platform/jobs/jobs.js';
import { jobRuns } from '../../platform/jobs/jobs.schema.js';
import type { Platform } from '../../platform/platform.js';
import { inScope, requireAccess, type Scope, scopeOf } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { createSheetWriter, type SheetFormat, sheetContentTypes } from '../imports/spreadsheet-writer.js';
import { todayWib } from '../participants/journey.service.js';
import { countParticipants, type ParticipantFilters, participantsAfter } from '../participants/participant-query.js';
import { loadGrants } from '../users/users.service.js';
import { exportExtrasOf, exportHeaders, exportRow, exportTextColumns } from './export-rows.js';

export const EXPORT_QUEUE = 'exports.participants';
export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportRequest = { format: SheetFormat; filters: ParticipantFilters };

const PAGE_SIZE = 2000;

// Who asked, so the job acts with that person's grants as they are when it runs (a revoked grant stops it).
const jobInput = z.object({
  format: z.enum(exportFormats),
  filters: z.record(z.string(), z.unknown()),
  requestedBy: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('user'),
      userId: z.string(),
      requestId: z.string().optional(),
      ip: z.string().optional(),
    }),
    z.object({ kind: z.literal('system'), label: z.string(), requestId: z.string().optional() }),
  ]),
});
type JobInput = z.infer<typeof jobInput>;

const jobResult = z.object({
  format: z.enum(exportFormats),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  rowCount: z.number(),
  fullNiks: z.number(),
});
type JobResult = z.infer<typeof jobResult>;

/** The scope both permissions reach: a prefix inside the other at the same operator, the narrower one wins. */
export function intersectScopes(a: Scope, b: Scope): Scope {
  if (a.all) return b;
  if (b.all) return a;
  const areas: Array<{ operatorId: string; regionPrefix: string | null }> = [];
  for (const x of a.areas)
    for (const y of b.areas) {
      if (x.operatorId !== y.operatorId) continue;
      let prefix: string | null | undefined;
      if (x.regionPrefix === null) prefix = y.regionPrefix;
      else if (y.regionPrefix === null || regionWithin(x.regionPrefix, y.regionPrefix)) prefix = x.regionPrefix;
      else if (regionWithin(y.regionPrefix, x.regionPrefix)) prefix = y.regionPrefix;
      if (prefix === undefined) continue;
      if (!areas.some((r) => r.operatorId === x.operatorId && r.regionPrefix === prefix))
        areas.push({ operatorId: x.operatorId, regionPrefix: prefix });
    }
  return { all: false, areas };
}

/** Rows an export may hold: readable by the requester and inside their export grant. 401/403 without either. */
function exportScope(actor: Actor | undefined): Scope {
  const exportable = requireAccess(actor, 'participants.export');
  return intersectScopes(scopeOf(actor, 'participants.read'), exportable);
}

/** The scope of a permission the actor may not hold at all (null then): decides what is shown, not what is allowed. */
function scopeIfHeld(actor: Actor, permission: Permission): Scope | null {
  if (actor.kind === 'user' && !actor.grants.some((g) => roleHas(g.role, permission))) return null;
  return scopeOf(actor, permission);
}

/** `peserta-20260315-0930.xlsx`, in Jakarta time: the name people see in their downloads folder. */
export function exportFileName(format: SheetFormat, at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `peserta-${wib.slice(0, 10).replaceAll('-', '')}-${wib.slice(11, 13)}${wib.slice(14, 16)}.${format}`;
}

const fileKeyOf = (jobId: string) => `exports/${jobId}`;

export type ExportView = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  format: SheetFormat;
  progress: { done: number; total: number | null };
  rowCount: number | null;
  fileName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  error: { code: string; message: string } | null;
};

/**
 * Participant exports: always a background job (a million rows take minutes), the file kept in the file store under
 * the job's id and described by the job's result, so no table of its own. Only the person who asked downloads it.
 */
export function makeExportsService(platform: Pick<Platform, 'db' | 'jobs' | 'files' | 'config'>) {
  const { db, jobs } = platform;
  const store = platform.files.store;
  const tmpDir = path.join(platform.config.dataDir, 'tmp');

  const queue = jobs.define(EXPORT_QUEUE, {
    schema: jobInput,
    expireInMinutes: 180,
    handler: (ctx) => runExport(ctx),
  });

  /** The requester again, with the grants they hold now. */
  async function actorOf(requested: JobInput['requestedBy']): Promise<Actor> {
    if (requested.kind === 'system') return { kind: 'system', label: requested.label, requestId: requested.requestId };
    const [found] = await db
      .select({ name: user.name, active: user.active })
      .from(user)
      .where(eq(user.id, requested.userId));
    if (!found?.active) throw AppError.forbidden();
    return {
      kind: 'user',
      userId: requested.userId,
      name: found.name,
      grants: await loadGrants(db, requested.userId),
      requestId: requested.requestId,
      ip: requested.ip,
    };
  }

  async function runExport(ctx: JobContext<JobInput>): Promise<JobResult> {
    const { format } = ctx.data;
    const filters = ctx.data.filters as ParticipantFilters;
    const actor = await actorOf(ctx.data.requestedBy);
    const scope = exportScope(actor);
    const policy = {
      revealNik: scopeIfHeld(actor, 'participants.reveal_nik'),
      phone: scopeIfHeld(actor, 'participants.write'),
    };
    const today = todayWib();
    const startedAt = new Date();
    const total = await countParticipants(db, scope, filters, today);
    await ctx.progress(0, total);

    await mkdir(tmpDir, { recursive: true });
    // Spooled to disk first: the store learns the size up front (S3 then streams) and never sees half a file.
    const spool = path.join(tmpDir, `export-${ctx.id}`);
    let rowCount = 0;
    let fullNiks = 0;
    let size: number;
    try {
      const writer = createSheetWriter(format, createWriteStream(spool), {
        sheetName: 'Peserta',
        headers: exportHeaders,
        textColumns: exportTextColumns,
      });
      let afterId: string | null = null;
      for (;;) {
        const page = await participantsAfter(db, scope, filters, { afterId, limit: PAGE_SIZE, today });
        if (page.length === 0) break;
        const extras = await exportExtrasOf(db, page);
        for (const person of page) {
          const row = exportRow(person, extras, policy);
          await writer.addRow(row.values);
          if (row.fullNik) fullNiks++;
        }
        rowCount += page.length;
        afterId = page[page.length - 1].id;
        // People registered meanwhile may push the count past the first total.
        await ctx.progress(rowCount, Math.max(total, rowCount));
        if (page.length < PAGE_SIZE) break;
      }
      await writer.finish();
      size = (await stat(spool)).size;
      await store.put(fileKeyOf(ctx.id), createReadStream(spool), sheetContentTypes[format], size);
    } finally {
      await rm(spool, { force: true });
    }

    const result: JobResult = {
      format,
      fileName: exportFileName(format, startedAt),
      contentType: sheetContentTypes[format],
      size,
      rowCount,
      fullNiks,
    };
    // UU PDP: who took which people out of Sentra, how many, and whether with their full NIK.
    await recordAudit(db, actor, {
      action: 'export',
      entity: 'participants',
      entityId: ctx.id,
      operatorId: ctx.operatorId,
      after: {
        format,
        filters,
        rowCount,
        nik: fullNiks === 0 ? 'masked' : fullNiks === rowCount ? 'full' : 'partial',
        fullNiks,
        fileName: result.fileName,
      },
    });
    return result;
  }

  /** The export's job row, only for the person who asked for it: anyone else gets the 404 of a missing one. */
  async function ownRun(actor: Actor | undefined, id: string) {
    requireAccess(actor, 'participants.export');
    const [run] = await db
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.id, id),
          eq(jobRuns.queue, EXPORT_QUEUE),
          actor!.kind === 'user' ? eq(jobRuns.createdBy, actor!.userId) : undefined,
        ),
      );
    if (!run) throw AppError.notFound({ id: 'Ekspor', en: 'Export' });
    return run;
  }

  return {
    /** Queues an export of the participants the filters select; 202 `{ id, status: 'queued' }`. */
    async create(actor: Actor | undefined, input: ExportRequest) {
      const scope = exportScope(actor);
      const who = actor!;
      // The job is shown to the operator's staff like any other: the one operator the export is about, if any.
      const operators = scope.all ? [] : [...new Set(scope.areas.map((a) => a.operatorId))];
      const asked = input.filters.operatorId;
      const operatorId =
        asked && inScope(scope, { operatorId: asked, anyRegion: true })
          ? asked
          : operators.length === 1
            ? operators[0]
            : null;
      const requestedBy: JobInput['requestedBy'] =
        who.kind === 'user'
          ? { kind: 'user', userId: who.userId, requestId: who.requestId, ip: who.ip }
          : { kind: 'system', label: who.label, requestId: who.requestId };
      const { id } = await queue.enqueue(
        { format: input.format, filters: input.filters, requestedBy },
        { createdBy: actorId(who), operatorId },
      );
      if (!id)
        throw new AppError('INTERNAL', {
          id: 'Ekspor tidak dapat dijadwalkan',
          en: 'The export could not be scheduled',
        });
      return { id, status: 'queued' as const };
    },

    async get(actor: Actor | undefined, id: string): Promise<ExportView> {
      const run = await ownRun(actor, id);
      const input = run.input as JobInput;
      const result = run.status === 'done' ? jobResult.safeParse(run.result).data : undefined;
      return {
        id: run.id,
        status: run.status as ExportView['status'],
        format: input.format,
        progress: { done: run.progressDone, total: run.progressTotal },
        rowCount: result?.rowCount ?? null,
        fileName: result?.fileName ?? null,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt,
        error: (run.error as ExportView['error']) ?? null,
      };
    },

    /** The finished file for its download; 409 while the export is still running or when it failed. */
    async open(actor: Actor | undefined, id: string) {
      const run = await ownRun(actor, id);
      const result = jobResult.safeParse(run.result).data;
      if (run.status !== 'done' || !result)
        throw new AppError(
          'CONFLICT',
          run.status === 'failed'
            ? { id: 'Ekspor gagal', en: 'The export failed' }
            : { id: 'Ekspor belum selesai', en: 'The export is not finished yet' },
        );
      return {
        fileName: result.fileName,
        contentType: result.contentType,
        size: result.size,
        stream: await store.get(fileKeyOf(id)),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof makeExportsService>;
