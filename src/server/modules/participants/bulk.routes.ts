import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { type BulkService, bulkInput } from './bulk.js';

export function registerBulkRoutes(app: App, bulk: BulkService) {
  app.post(
    '/api/participants/bulk',
    {
      schema: {
        tags: ['participants'],
        summary: 'One action on up to 1000 participants, all or nothing (assign_mentor, add_to_training)',
        body: bulkInput,
        response: {
          200: z.object({
            updated: z.number().int(),
            // add_to_training: seated, waitlisted, and already in the wave
            enrolled: z.number().int().optional(),
            waitlisted: z.number().int().optional(),
            already: z.number().int().optional(),
          }),
        },
      },
    },
    (req) => bulk.run(req.actor, req.body),
  );
}
