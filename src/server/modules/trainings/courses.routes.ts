import { z } from 'zod';
import { courseInput, coursePatch } from '../../../shared/trainings.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import { readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import { course } from './trainings.presenters.js';
import type { TrainingsService } from './trainings.service.js';

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const materialFields = z.object({ title: z.string().trim().max(200).optional() });

export function registerCourseRoutes(app: App, trainings: TrainingsService) {
  const tags = ['trainings'];
  const { courses } = trainings;

  app.get(
    '/api/courses',
    {
      schema: {
        tags,
        summary: 'The course catalog of the operators the caller works for',
        querystring: z.object({
          operatorId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          active: booleanQuery,
        }),
        response: { 200: z.object({ items: z.array(course) }) },
      },
    },
    (req) => courses.list(req.actor, req.query),
  );

  app.post(
    '/api/courses',
    {
      schema: {
        tags,
        summary: 'Add a course to the catalog (materials as links; files are uploaded separately)',
        body: courseInput,
        response: { 201: course },
      },
    },
    async (req, reply) => reply.status(201).send(await courses.create(req.actor, req.body)),
  );

  app.get(
    '/api/courses/:id',
    { schema: { tags, summary: 'One course of the catalog', params: idParam, response: { 200: course } } },
    (req) => courses.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/courses/:id',
    {
      schema: {
        tags,
        summary: 'Change a course; `materials` replaces its links (uploaded files stay), `active: false` retires it',
        params: idParam,
        body: coursePatch,
        response: { 200: course },
      },
    },
    (req) => courses.update(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/courses/:id/materials',
    {
      schema: {
        tags,
        summary: 'Upload a material file (PDF or image) as multipart/form-data: field title first, then file',
        consumes: ['multipart/form-data'],
        params: idParam,
        response: { 201: course },
      },
    },
    async (req, reply) => {
      const saved = await readUpload(req, materialFields, (fields, file) =>
        courses.addMaterial(req.actor, req.params.id, {
          title: fields.title,
          filename: file.filename,
          body: file.body,
        }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    '/api/courses/:id/materials/:index',
    {
      schema: {
        tags,
        summary: 'Remove a material from a course by its position (0-based)',
        params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(1000) }),
        response: { 200: course },
      },
    },
    (req) => courses.removeMaterial(req.actor, req.params.id, req.params.index),
  );

  app.get(
    '/api/courses/:id/materials/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a material file (staff who read trainings, members enrolled in a wave of the course)',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { meta, stream } = await courses.openMaterial(req.actor, req.params.id, req.params.fileId);
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
