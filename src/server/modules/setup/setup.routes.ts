import { z } from 'zod';
import { zodText } from '../../../shared/error-codes.js';
import type { App } from '../../platform/http/app-types.js';
import type { SetupService } from './setup.service.js';

export function registerSetupRoutes(app: App, setup: SetupService) {
  const tags = ['setup'];
  app.get('/api/setup/status', { schema: { tags, response: { 200: z.object({ needsSetup: z.boolean() }) } } }, () =>
    setup.status(),
  );
  app.post(
    '/api/setup',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Create the first administrator with the one-time link printed at start',
        body: z.object({
          token: z.string().min(10).max(200),
          name: z.string().trim().min(2).max(200),
          email: z.email(zodText('email tidak valid', 'invalid email address')),
          password: z
            .string()
            .min(8, zodText('kata sandi minimal 8 karakter', 'the password needs at least 8 characters'))
            .max(128),
        }),
        response: { 201: z.object({ userId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await setup.complete(req.body.token, req.body, req.id)),
  );
}
