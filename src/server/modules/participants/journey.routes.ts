import { z } from 'zod';
import { type StageNo, stageStatuses } from '../../../shared/participants.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf } from '../../platform/http/schemas.js';
import type { JourneyService } from './journey.service.js';

/** One of the 7 PAS stages of a person; the participant detail reuses it. */
export const stageView = z.object({
  stage: z.number().int(),
  key: z.string(),
  status: z.enum(stageStatuses),
  since: z.string().nullable(),
});

const stageBody = z.object({
  stage: z
    .number()
    .int()
    .min(1)
    .max(7)
    .transform((n) => n as StageNo),
  status: z.enum(stageStatuses),
  occurredOn: z.iso.date().nullish(),
  note: z.string().trim().max(1000).nullish(),
});

export function registerJourneyRoutes(app: App, journey: JourneyService) {
  const tags = ['participants'];
  app.get(
    '/api/participants/:id/stages',
    {
      schema: { tags, summary: 'The 7 PAS stages of a person', params: idParam, response: { 200: listOf(stageView) } },
    },
    async (req) => {
      const items = await journey.stages(req.actor, req.params.id);
      return { items, total: items.length };
    },
  );
  app.post(
    '/api/participants/:id/stages',
    {
      schema: {
        tags,
        summary: 'Record a stage change (kept as history); answers the 7 stages',
        params: idParam,
        body: stageBody,
        response: { 200: listOf(stageView) },
      },
    },
    async (req) => {
      const items = await journey.recordStage(req.actor, req.params.id, req.body);
      return { items, total: items.length };
    },
  );
}
