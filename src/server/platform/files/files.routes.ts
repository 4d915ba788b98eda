import { z } from 'zod';
import type { App } from '../http/app-types.js';
import { idParam } from '../http/schemas.js';
import { filePurposeNames } from './file-types.js';
import type { Files } from './files.js';
import { readUpload } from './multipart.js';

const fileMeta = z.object({
  id: z.uuid(),
  operatorId: z.string().nullable(),
  originalName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  purpose: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

const uploadFields = z.object({ operatorId: z.uuid(), purpose: z.enum(filePurposeNames) });

/** `attachment` with an ASCII fallback name and the real (UTF-8) name, per RFC 6266. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function registerFileRoutes(app: App, files: Files) {
  const tags = ['files'];
  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary:
          'Upload one file as multipart/form-data: fields operatorId and purpose (import, document, photo) first, then file',
        consumes: ['multipart/form-data'],
        response: { 201: fileMeta },
      },
    },
    async (req, reply) => {
      const saved = await readUpload(req, uploadFields, (fields, file) =>
        files.saveUpload(req.actor, { ...fields, filename: file.filename, body: file.body }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: 'Download a file (always as an attachment, with the type Sentra detected at upload)',
        params: idParam,
      },
    },
    async (req, reply) => {
      const { meta, stream } = await files.open(req.actor, req.params.id);
      return reply
        .header('content-type', meta.contentType)
        .header('content-length', meta.size)
        .header('content-disposition', contentDisposition(meta.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
