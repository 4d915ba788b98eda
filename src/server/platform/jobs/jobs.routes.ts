import { z } from 'zod';
import type { App } from '../http/app-types.js';
import { idParam, listOf, pageQuery } from '../http/schemas.js';
import { jobStatuses } from './job-runs.js';
import type { Jobs } from './jobs.js';

const job = z.object({
  id: z.uuid(),
  queue: z.string(),
  operatorId: z.string().nullable(),
  status: z.enum(jobStatuses),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export function registerJobRoutes(app: App, jobs: Jobs) {
  const tags = ['jobs'];
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs the signed-in user may see, newest first',
        querystring: pageQuery.extend({ status: z.enum(jobStatuses).optional() }),
        response: { 200: listOf(job) },
      },
    },
    (req) => jobs.list(req.actor, req.query),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'One job with its progress (poll it to drive a progress bar)',
        params: idParam,
        response: { 200: job },
      },
    },
    (req) => jobs.get(req.actor, req.params.id),
  );
}
