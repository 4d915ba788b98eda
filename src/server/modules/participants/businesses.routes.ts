import { z } from 'zod';
import { businessInput, businessStatuses } from '../../../shared/participants.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import type { BusinessesService } from './businesses.service.js';
import { business } from './presenters.js';

// A PATCH leaves absent fields alone, so the defaults of the create form must not apply here.
const businessPatch = businessInput
  .extend({
    preVenture: businessInput.shape.preVenture.unwrap(),
    employeesMale: businessInput.shape.employeesMale.unwrap(),
    employeesFemale: businessInput.shape.employeesFemale.unwrap(),
    channels: businessInput.shape.channels.unwrap(),
  })
  .partial();

const statusBody = z.object({
  status: z.enum(businessStatuses),
  effectiveOn: z.iso.date(),
  reason: z.string().trim().max(1000).nullish().describe('Required when closing'),
  newAddress: z.string().trim().max(500).nullish().describe('Required when the business moved'),
});

export function registerBusinessRoutes(app: App, businesses: BusinessesService) {
  const tags = ['participants'];
  app.post(
    '/api/participants/:id/businesses',
    {
      schema: {
        tags,
        summary: 'Add a business to a person',
        params: idParam,
        body: businessInput,
        response: { 201: business },
      },
    },
    async (req, reply) => reply.status(201).send(await businesses.create(req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/api/businesses/:id',
    { schema: { tags, params: idParam, body: businessPatch, response: { 200: business } } },
    (req) => businesses.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/businesses/:id/status',
    {
      schema: {
        tags,
        summary: 'Record a change of business status (active, moved, paused, closed), kept as history',
        params: idParam,
        body: statusBody,
        response: { 200: business },
      },
    },
    (req) => businesses.setStatus(req.actor, req.params.id, req.body),
  );
}
