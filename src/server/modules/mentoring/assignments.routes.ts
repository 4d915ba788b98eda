import { z } from 'zod';
import { assignmentInput, suggestInput, suggestionReasons } from '../../../shared/mentoring.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import type { MentoringService } from './mentoring.service.js';
import { personMentoringView } from './mentoring.views.js';

export function registerAssignmentRoutes(app: App, mentoring: MentoringService) {
  const tags = ['mentoring'];
  app.post(
    '/api/mentoring/assignments',
    {
      schema: {
        tags,
        summary:
          'Assign members to a mentor (reassignment closes the previous assignment and keeps it); MENTOR_AT_CAPACITY unless overridden',
        body: assignmentInput,
        response: { 200: z.object({ assigned: z.number().int(), unchanged: z.number().int() }) },
      },
    },
    (req) => mentoring.assign(req.actor, req.body),
  );
  app.post(
    '/api/mentoring/assignments/suggest',
    {
      schema: {
        tags,
        summary: 'Up to three suggested mentors per person, with the reasons (kecamatan, sector, spare capacity)',
        body: suggestInput,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                personId: z.uuid(),
                suggestions: z.array(
                  z.object({
                    userId: z.string(),
                    name: z.string(),
                    score: z.number(),
                    reasons: z.array(z.enum(suggestionReasons)),
                    caseload: z.number().int(),
                    capacity: z.number().int(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    (req) => mentoring.suggest(req.actor, req.body),
  );
  app.get(
    '/api/participants/:id/mentoring',
    {
      schema: {
        tags,
        summary: 'A person’s mentoring record: current mentor, assignment history, sessions, open actions, totals',
        params: idParam,
        response: { 200: personMentoringView },
      },
    },
    (req) => mentoring.personMentoring(req.actor, req.params.id),
  );
}
