import { z } from 'zod';
import { AppError, issueDetails } from '../../platform/errors.js';
import { XLSX } from '../../platform/files/file-types.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import { readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/http/app-types.js';
import { languageOf } from '../../platform/http/language.js';
import { idParam, listOf, pageQuery } from '../../platform/http/schemas.js';
import { type ImportsService, importModes, importOptions } from './imports.service.js';

const reason = z.object({ field: z.string(), code: z.string(), message: z.string() });
const counts = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
});
const mapping = z.record(z.string(), z.number().int());

const importView = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  programId: z.uuid().nullable(),
  trackId: z.uuid().nullable(),
  fileId: z.uuid(),
  fileName: z.string(),
  format: z.string(),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  mapping,
  mode: z.string(),
  dryRun: z.boolean(),
  asMembers: z.boolean(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable(), etaSeconds: z.number().nullable() }),
  counts,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  canResume: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

const uploaded = z.object({
  fileId: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.string()),
});

const inspection = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
  suggested: mapping,
  mapping,
  missingRequired: z.array(z.string()),
  rows: z.array(
    z.object({
      rowNo: z.number().int(),
      outcome: z.enum(['ok', 'update', 'duplicate', 'rejected']),
      values: z.record(z.string(), z.string().nullable()),
      resolved: z
        .object({
          villageCode: z.string(),
          districtCode: z.string(),
          kecamatan: z.string().nullable(),
          kelurahan: z.string().nullable(),
        })
        .nullable(),
      problems: z.array(
        reason.extend({ candidates: z.array(z.object({ code: z.string(), name: z.string() })).optional() }),
      ),
      existingId: z.uuid().nullable().optional(),
    }),
  ),
});

const started = z.object({ id: z.uuid(), status: z.literal('queued') });

// Multipart fields are text: numbers, booleans and the mapping arrive as strings.
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const multipartFields = z.object({
  operatorId: z.uuid(),
  programId: z.preprocess(blankToUndefined, z.uuid().optional()),
  trackId: z.preprocess(blankToUndefined, z.uuid().optional()),
  sheet: z.preprocess(blankToUndefined, z.string().optional()),
  headerRow: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  mapping: z.preprocess((v) => {
    if (typeof v !== 'string' || v === '') return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.record(z.string(), z.unknown()).optional()),
  mode: z.preprocess(blankToUndefined, z.enum(importModes).optional()),
  dryRun: z.preprocess(blankToUndefined, z.stringbool().optional()),
  asMembers: z.preprocess(blankToUndefined, z.stringbool().optional()),
});

const issuesQuery = pageQuery.extend({ kind: z.enum(['rejected', 'duplicate']).optional() });

export function registerImportRoutes(app: App, imports: ImportsService) {
  const tags = ['imports'];

  app.post(
    '/api/imports/files',
    {
      schema: {
        tags,
        summary: 'Upload a spreadsheet to import (multipart: operatorId, then file); answers its sheets',
        consumes: ['multipart/form-data'],
        response: { 201: uploaded },
      },
    },
    async (req, reply) => {
      const saved = await readUpload(req, z.object({ operatorId: z.uuid() }), (fields, file) =>
        imports.upload(req.actor, { operatorId: fields.operatorId, filename: file.filename, body: file.body }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/api/imports/inspect',
    {
      schema: {
        tags,
        summary: 'Sheet, header row, suggested column mapping and the first rows checked as the import would',
        body: importOptions,
        response: { 200: inspection },
      },
    },
    (req) => imports.inspect(req.actor, req.body, languageOf(req)),
  );

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary:
          'Start an import: JSON with fileId, or multipart (operatorId, programId, trackId, sheet, headerRow, mapping as JSON, mode, dryRun, asMembers, then file)',
        consumes: ['application/json', 'multipart/form-data'],
        response: { 202: started },
      },
    },
    async (req, reply) => {
      let result: z.infer<typeof started>;
      if (req.isMultipart()) {
        result = await readUpload(req, multipartFields, async (fields, file) => {
          const { fileId } = await imports.upload(req.actor, {
            operatorId: fields.operatorId,
            filename: file.filename,
            body: file.body,
          });
          return imports.start(req.actor, { ...fields, fileId } as Parameters<ImportsService['start']>[1]);
        });
      } else {
        const parsed = importOptions.safeParse(req.body ?? {});
        if (!parsed.success) throw AppError.validation(issueDetails(parsed.error.issues, req.body));
        result = await imports.start(req.actor, parsed.data);
      }
      return reply.status(202).send(result);
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Imports the signed-in user may see, newest first',
        querystring: pageQuery.extend({ operatorId: z.uuid().optional() }),
        response: { 200: listOf(importView) },
      },
    },
    (req) => imports.list(req.actor, req.query),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import: status, progress (poll it for the progress bar) and counts',
        params: idParam,
        response: { 200: importView },
      },
    },
    (req) => imports.get(req.actor, req.params.id),
  );

  app.post(
    '/api/imports/:id/resume',
    {
      schema: {
        tags,
        summary: 'Continue a failed import after its last committed batch',
        params: idParam,
        response: { 202: started },
      },
    },
    async (req, reply) => reply.status(202).send(await imports.resume(req.actor, req.params.id)),
  );

  app.get(
    '/api/imports/:id/issues',
    {
      schema: {
        tags,
        summary: 'Rows that were not imported (rejected or duplicate), with reasons',
        params: idParam,
        querystring: issuesQuery,
        response: {
          200: listOf(
            z.object({
              rowNo: z.number().int(),
              kind: z.enum(['rejected', 'duplicate']),
              reasons: z.array(reason),
              values: z.record(z.string(), z.string().nullable()),
              existingPersonId: z.uuid().nullable(),
            }),
          ),
        },
      },
    },
    (req) => imports.issues(req.actor, req.params.id, { ...req.query, language: languageOf(req) }),
  );

  app.get(
    '/api/imports/:id/rejected.xlsx',
    {
      schema: {
        tags,
        summary: 'The rejected and duplicate rows as .xlsx with a reason column, to fix and import again',
        params: idParam,
      },
    },
    async (req, reply) => {
      const { fileName, stream } = await imports.rejectedReport(req.actor, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
