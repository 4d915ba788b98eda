import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerExportRoutes } from './modules/exports/exports.routes.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { registerMemberRoutes } from './modules/members/members.routes.js';
import { registerMentoringRoutes } from './modules/mentoring/mentoring.routes.js';
import { registerOperatorRoutes } from './modules/operators/operators.routes.js';
import { registerBulkRoutes } from './modules/participants/bulk.routes.js';
import { registerBusinessRoutes } from './modules/participants/businesses.routes.js';
import { registerDocumentRoutes } from './modules/participants/documents.routes.js';
import { registerJourneyRoutes } from './modules/participants/journey.routes.js';
import { registerParticipantRoutes } from './modules/participants/participants.routes.js';
import { registerSelectionRoutes } from './modules/participants/selection.routes.js';
import { registerProgramRoutes } from './modules/programs/programs.routes.js';
import { registerRegionRoutes } from './modules/regions/regions.routes.js';
import { registerSetupRoutes } from './modules/setup/setup.routes.js';
import { registerTrainingRoutes } from './modules/trainings/trainings.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { trustedOrigins } from './platform/auth/auth.js';
import { registerFileRoutes } from './platform/files/files.routes.js';
import { installActorHook } from './platform/http/actor-hook.js';
import type { App } from './platform/http/app-types.js';
import { registerAuthRoutes } from './platform/http/auth-routes.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { registerJobRoutes } from './platform/jobs/jobs.routes.js';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes.js';
import type { Platform } from './platform/platform.js';
import { createServices, type Services } from './services.js';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

// zod's own messages are in Bahasa Indonesia, the language of Sentra's users; the error handler answers English
// requests with zod's English texts (`issueEnglish`).
z.config(z.locales.id());

/** Builds the HTTP application: API, auth, OpenAPI docs and the web app, on top of an already started platform. */
export async function buildApp(platform: Platform): Promise<{ app: App; services: Services }> {
  const { config } = platform;
  const app = Fastify({
    loggerInstance: platform.log,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProviderShim>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables in style elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.baseUrl.startsWith('https://'),
  });
  await app.register(rateLimit, { global: false });
  // One file per upload. The files service enforces SENTRA_UPLOAD_MAX_MB itself; this cap, one byte above, only
  // stops a stream running on (at its cap the plugin merely truncates, which would pass for a whole file).
  await app.register(multipart, {
    limits: { fileSize: config.uploadMaxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sentra API',
        version: platform.version,
        description:
          'Programs for micro and small businesses (UMKM): registration, training, mentoring, permits, marketing, reports and capital.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sentra.session_token' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const services = createServices(platform);
  const origins = trustedOrigins(config);
  installActorHook(app, platform.auth, platform.db, origins);
  registerAuthRoutes(app, platform.auth, config.baseUrl, origins);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database this server runs on',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() }),
        },
      },
    },
    async () => {
      await platform.database.query('SELECT 1');
      return { status: 'ok' as const, database: platform.database.kind, version: platform.version };
    },
  );
  registerSetupRoutes(app, services.setup);
  registerRegionRoutes(app, services.regions);
  registerOperatorRoutes(app, services.operators);
  registerProgramRoutes(app, services.programs);
  registerUserRoutes(app, services.users);
  registerAuditRoutes(app, services.audit);
  // participants: selection, journey, businesses, bulk actions
  registerParticipantRoutes(app, services.participants);
  registerSelectionRoutes(app, services.selection);
  registerJourneyRoutes(app, services.journey);
  registerBusinessRoutes(app, services.businesses);
  registerBulkRoutes(app, services.participantsBulk);
  registerDocumentRoutes(app, services.participantDocuments);
  registerMemberRoutes(app, services.members);
  registerTrainingRoutes(app, services.trainings);
  registerMentoringRoutes(app, services.mentoring);
  registerImportRoutes(app, services.imports);
  registerExportRoutes(app, services.exports);
  // Platform services: jobs, files, notifications.
  registerJobRoutes(app, platform.jobs);
  registerFileRoutes(app, platform.files);
  registerNotificationRoutes(app, platform.notifications);

  await serveWebApp(app);
  return { app, services };
}

type ZodTypeProviderShim = import('fastify-type-provider-zod').ZodTypeProvider;

/** The built single-page app from dist/web; unknown non-API paths get index.html so client routes work on reload. */
async function serveWebApp(app: App) {
  if (!existsSync(path.join(webRoot, 'index.html'))) return;
  // wildcard: files are looked up on each request, so a rebuilt web app is served without a restart.
  await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
}
