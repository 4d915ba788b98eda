import { z } from 'zod';
import { contentDisposition } from '../../platform/files/files.routes.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import { jobStatuses } from '../../platform/jobs/job-runs.js';
import { participantQuery } from '../participants/participants.routes.js';
import { type ExportsService, exportFormats } from './exports.service.js';

// The list's own query parameters, so an export selects exactly the rows the list shows; paging and order do not apply.
const exportFilters = participantQuery.transform(({ page: _p, pageSize: _s, sort: _o, ...filters }) => filters);

const exportView = z.object({
  id: z.uuid(),
  status: z.enum(jobStatuses),
  format: z.enum(exportFormats),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  rowCount: z.number().int().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export function registerExportRoutes(app: App, exports: ExportsService) {
  const tags = ['exports'];
  app.post(
    '/api/exports',
    {
      schema: {
        tags,
        summary:
          'Export the participants the filters select (xlsx or csv, the importer’s columns) as a background job; audited',
        body: z.object({ format: z.enum(exportFormats), filters: exportFilters.optional() }),
        response: { 202: z.object({ id: z.uuid(), status: z.literal('queued') }) },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await exports.create(req.actor, { format: req.body.format, filters: req.body.filters ?? {} })),
  );

  app.get(
    '/api/exports/:id',
    {
      schema: {
        tags,
        summary: 'An export’s progress and, when done, its file name and row count (only for the person who asked)',
        params: idParam,
        response: { 200: exportView },
      },
    },
    (req) => exports.get(req.actor, req.params.id),
  );

  app.get(
    '/api/exports/:id/file',
    {
      schema: {
        tags,
        summary: 'Download a finished export (only for the person who asked for it; 409 while it runs)',
        params: idParam,
      },
    },
    async (req, reply) => {
      const file = await exports.open(req.actor, req.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
