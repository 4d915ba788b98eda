import { z } from 'zod';
import { selectionStatuses } from '../../../shared/participants.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf, pageQuery } from '../../platform/http/schemas.js';
import { enrollment } from './presenters.js';
import type { SelectionService } from './selection.service.js';

const decisionBody = z.object({
  status: z.enum(selectionStatuses).exclude(['applicant']),
  notes: z.string().trim().max(2000).nullish(),
  quotaOverride: z
    .boolean()
    .optional()
    .describe('Accept although the quota is full or the applicant fails the eligibility check'),
});

export function registerSelectionRoutes(app: App, selection: SelectionService) {
  const tags = ['selection'];
  app.post(
    '/api/participants/:id/enrollments',
    {
      schema: {
        tags,
        summary: 'Apply a person to a program track (eligibility is checked and stored)',
        params: idParam,
        body: z.object({ trackId: z.uuid() }),
        response: { 201: enrollment },
      },
    },
    async (req, reply) => reply.status(201).send(await selection.enroll(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/api/tracks/:id/enrollments',
    {
      schema: {
        tags,
        summary: 'Applications to a track, within the caller’s scope',
        params: idParam,
        querystring: pageQuery.extend({ status: z.enum(selectionStatuses).optional() }),
        response: {
          200: listOf(
            enrollment.extend({
              person: z.object({ id: z.uuid(), fullName: z.string(), nikMasked: z.string(), districtName: z.string() }),
            }),
          ),
        },
      },
    },
    (req) => selection.listByTrack(req.actor, req.params.id, req.query),
  );
  app.post(
    '/api/enrollments/:id/decisions',
    {
      schema: {
        tags,
        summary: 'A selection decision: documents checked, interviewed, accepted, waitlisted or rejected',
        params: idParam,
        body: decisionBody,
        response: { 200: enrollment },
      },
    },
    (req) => selection.decide(req.actor, req.params.id, req.body),
  );
}
