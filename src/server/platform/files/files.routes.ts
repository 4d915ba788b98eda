import { z } from 'zod';
import { AppError } from '../errors.js';
import type { App } from '../http/app-types.js';
import { idParam } from '../http/schemas.js';
import { filePurposeNames } from './file-types.js';
import type { FileMeta, Files } from './files.js';

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
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas sebagai multipart/form-data');
      // Fields count only when they come before the file: the upload is checked against them while it streams in.
      const fields: Record<string, unknown> = {};
      let saved: FileMeta | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (!saved && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
          continue;
        }
        try {
          if (saved || part.fieldname !== 'file')
            throw AppError.validation([
              { path: part.fieldname, code: 'unexpected', message: 'hanya satu berkas, di bagian "file"' },
            ]);
          const parsed = uploadFields.safeParse(fields);
          if (!parsed.success) {
            throw AppError.validation(
              parsed.error.issues.map((i) => ({
                path: i.path.join('.'),
                code: i.code,
                message: `${i.message} (kirim sebelum bagian file)`,
              })),
            );
          }
          saved = await files.saveUpload(req.actor, { ...parsed.data, filename: part.filename, body: part.file });
        } catch (err) {
          // Drain what is left of a refused upload so the connection can carry the answer.
          part.file.resume();
          throw err;
        }
      }
      if (!saved) throw AppError.validation([{ path: 'file', code: 'required', message: 'berkas wajib dikirim' }]);
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
