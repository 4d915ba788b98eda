import { z } from 'zod';
import { documentKinds } from '../../../shared/participants.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import { readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf } from '../../platform/http/schemas.js';
import type { DocumentsService } from './documents.js';

const document = z.object({
  id: z.uuid(),
  kind: z.string(),
  businessId: z.uuid().nullable(),
  fileId: z.uuid(),
  originalName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.date(),
});

const uploadFields = z.object({
  kind: z.enum(documentKinds),
  // An empty field (a form with no business chosen) means none.
  businessId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});

const docParams = z.object({ id: z.uuid(), docId: z.uuid() });

export function registerDocumentRoutes(app: App, documents: DocumentsService) {
  const tags = ['participants'];
  app.post(
    '/api/participants/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Upload a document or photo of a person as multipart/form-data: fields kind and optional businessId first, then file',
        consumes: ['multipart/form-data'],
        params: idParam,
        response: { 201: document },
      },
    },
    async (req, reply) => {
      const saved = await readUpload(req, uploadFields, (fields, file) =>
        documents.upload(req.actor, req.params.id, { ...fields, filename: file.filename, body: file.body }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/participants/:id/documents',
    {
      schema: {
        tags,
        summary: 'Documents and photos of a person',
        params: idParam,
        response: { 200: listOf(document) },
      },
    },
    (req) => documents.list(req.actor, req.params.id),
  );

  app.get(
    '/api/participants/:id/documents/:docId/file',
    {
      schema: {
        tags,
        summary: 'Download a document of a person (as an attachment; recorded in the audit log)',
        params: docParams,
      },
    },
    async (req, reply) => {
      const { meta, stream } = await documents.open(req.actor, req.params.id, req.params.docId);
      return reply
        .header('content-type', meta.contentType)
        .header('content-length', meta.size)
        .header('content-disposition', contentDisposition(meta.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.delete(
    '/api/participants/:id/documents/:docId',
    {
      schema: {
        tags,
        summary: 'Remove a document from a person (the stored file is kept)',
        params: docParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await documents.remove(req.actor, req.params.id, req.params.docId);
      return reply.status(204).send(null);
    },
  );
}
