import { z } from 'zod';
import { urgencyKinds } from '../../../shared/mentoring.js';
import type { App } from '../../platform/http/app-types.js';
import { pageQuery } from '../../platform/http/schemas.js';
import type { MentoringService } from './mentoring.service.js';
import { caseloadView, statsView } from './mentoring.views.js';

export function registerCaseloadRoutes(app: App, mentoring: MentoringService) {
  const tags = ['mentoring'];
  app.get(
    '/api/mentoring/caseload',
    {
      schema: {
        tags,
        summary:
          'Caseload sorted by urgency: overdue follow-ups, not contacted in N days, overdue then open actions (a mentor sees their own)',
        querystring: pageQuery.extend({
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
          mentorUserId: z.string().max(100).optional(),
          operatorId: z.uuid().optional(),
          districtCode: z.string().max(20).optional(),
          urgency: z.enum(urgencyKinds).optional(),
          notContactedDays: z.coerce
            .number()
            .int()
            .min(1)
            .max(365)
            .optional()
            .describe('overrides each mentor’s contactEveryDays'),
        }),
        response: { 200: caseloadView },
      },
    },
    (req) => mentoring.caseload(req.actor, req.query),
  );
  app.get(
    '/api/mentoring/stats',
    {
      schema: {
        tags,
        summary: 'Each mentor’s sessions, members contacted, contact and preparation hours in a month (WIB)',
        querystring: z.object({
          operatorId: z.uuid().optional(),
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .optional()
            .describe('YYYY-MM; default this month'),
          districtCode: z.string().max(20).optional(),
        }),
        response: { 200: statsView },
      },
    },
    (req) => mentoring.stats(req.actor, req.query),
  );
}
