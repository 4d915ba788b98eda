import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { type BulkService, bulkInput } from './bulk.js';

export function registerBulkRoutes(app: App, bulk: BulkService) {
  app.post(
    '/api/participants/bulk',
    {
      schema: {
        tags: ['participants'],
        summary: 'One action on up to 1000 participants, all or nothing (assign_mentor)',
        body: bulkInput,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    (req) => bulk.run(req.actor, req.body),
  );
}
