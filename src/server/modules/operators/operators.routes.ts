import { z } from 'zod';
import { zodText } from '../../../shared/error-codes.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf, regionCode } from '../../platform/http/schemas.js';
import type { OperatorsService } from './operators.service.js';

const operator = z.object({
  id: z.uuid(),
  name: z.string(),
  serviceArea: z.array(z.string()),
  serviceAreaNames: z.array(z.string()),
  active: z.boolean(),
  centerCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const operatorBody = z.object({
  name: z.string().trim().min(3, zodText('nama minimal 3 huruf', 'the name needs at least 3 letters')).max(200),
  serviceArea: z
    .array(regionCode)
    .min(1, zodText('pilih minimal satu wilayah layanan', 'choose at least one service region'))
    .max(200),
});

const center = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  districtCode: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  villageCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const centerBody = z.object({
  districtCode: regionCode,
  name: z.string().trim().min(3).max(200),
  address: z.string().trim().max(500).nullish(),
  villageCode: regionCode.nullish(),
  latitude: z.number().min(-11).max(6).nullish().describe('Indonesia lies between 11°S and 6°N'),
  longitude: z.number().min(94).max(142).nullish(),
  phone: z.string().trim().max(30).nullish(),
});

export function registerOperatorRoutes(app: App, operators: OperatorsService) {
  const tags = ['operators'];
  app.get(
    '/api/operators',
    { schema: { tags, summary: 'Operators the caller can see', response: { 200: listOf(operator) } } },
    (req) => operators.list(req.actor),
  );
  app.post(
    '/api/operators',
    { schema: { tags, summary: 'Create an operator (admin)', body: operatorBody, response: { 201: operator } } },
    async (req, reply) => reply.status(201).send(await operators.create(req.actor, req.body)),
  );
  app.get(
    '/api/public/operators/:id',
    {
      schema: {
        tags,
        summary: 'Name and service area of an active operator, for its public registration link (no sign-in)',
        params: idParam,
        response: { 200: operator.pick({ id: true, name: true, serviceArea: true, serviceAreaNames: true }) },
      },
    },
    (req) => operators.getPublic(req.params.id),
  );
  app.get('/api/operators/:id', { schema: { tags, params: idParam, response: { 200: operator } } }, (req) =>
    operators.get(req.actor, req.params.id),
  );
  app.patch(
    '/api/operators/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: operatorBody.partial().extend({ active: z.boolean().optional() }),
        response: { 200: operator },
      },
    },
    (req) => operators.update(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/operators/:id/centers',
    {
      schema: {
        tags,
        summary: 'Centers (one per kecamatan) of an operator, within the caller’s scope',
        params: idParam,
        response: {
          200: listOf(
            center.extend({
              districtName: z.string(),
              coordinators: z.array(z.object({ userId: z.string(), name: z.string() })),
            }),
          ),
        },
      },
    },
    (req) => operators.listCenters(req.actor, req.params.id),
  );
  app.post(
    '/api/operators/:id/centers',
    { schema: { tags, params: idParam, body: centerBody, response: { 201: center } } },
    async (req, reply) => reply.status(201).send(await operators.createCenter(req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/api/centers/:id',
    { schema: { tags, params: idParam, body: centerBody.partial(), response: { 200: center } } },
    (req) => operators.updateCenter(req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/centers/:id',
    { schema: { tags, params: idParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await operators.deleteCenter(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
