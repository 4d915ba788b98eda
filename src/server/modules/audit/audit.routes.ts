import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { listOf, pageQuery } from '../../platform/http/schemas.js';
import type { makeAuditService } from './audit.service.js';

const entry = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  operatorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
});

export function registerAuditRoutes(app: App, audit: ReturnType<typeof makeAuditService>) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail (newest first)',
        querystring: pageQuery.extend({
          operatorId: z.uuid().optional(),
          actorId: z.string().max(64).optional(),
          entity: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(32).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: listOf(entry) },
      },
    },
    (req) => audit.list(req.actor, req.query),
  );
}
