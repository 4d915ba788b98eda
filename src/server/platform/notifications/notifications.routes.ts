import { z } from 'zod';
import type { App } from '../http/app-types.js';
import { listOf, pageQuery } from '../http/schemas.js';
import type { Notifications } from './notifications.js';
import { locales, templateNames } from './templates.js';
import { channels } from './transports.js';

const notification = z.object({
  id: z.uuid(),
  operatorId: z.string().nullable(),
  channel: z.string(),
  recipient: z.string(),
  template: z.string(),
  locale: z.string(),
  params: z.record(z.string(), z.unknown()),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export function registerNotificationRoutes(app: App, notifications: Notifications) {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: `The notification outbox, newest first (templates: ${templateNames.join(', ')}; locales: ${locales.join(', ')})`,
        querystring: pageQuery.extend({
          status: z.enum(['queued', 'sent', 'failed']).optional(),
          channel: z.enum(channels).optional(),
        }),
        response: { 200: listOf(notification) },
      },
    },
    (req) => notifications.list(req.actor, req.query),
  );
}
