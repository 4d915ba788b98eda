import { z } from 'zod';
import { mentorProfileInput } from '../../../shared/mentoring.js';
import type { App } from '../../platform/http/app-types.js';
import type { MentoringService } from './mentoring.service.js';
import { mentorView } from './mentoring.views.js';

const userParam = z.object({ userId: z.string().min(1).max(100) });

export function registerMentorRoutes(app: App, mentoring: MentoringService) {
  const tags = ['mentoring'];
  app.get(
    '/api/mentors',
    {
      schema: {
        tags,
        summary: 'Mentors (pendamping) in the caller’s area, with profile, caseload, recruits and overdue follow-ups',
        querystring: z.object({
          operatorId: z.uuid().optional(),
          districtCode: z.string().max(20).optional().describe('only mentors covering this kecamatan'),
          q: z.string().trim().max(100).optional().describe('name, email or phone'),
        }),
        response: { 200: z.object({ items: z.array(mentorView) }) },
      },
    },
    (req) => mentoring.listMentors(req.actor, req.query),
  );
  app.get(
    '/api/mentors/:userId',
    {
      schema: {
        tags,
        summary: 'One mentor (404 outside the caller’s area)',
        params: userParam,
        querystring: z.object({ operatorId: z.uuid().optional() }),
        response: { 200: mentorView },
      },
    },
    (req) => mentoring.getMentor(req.actor, req.params.userId, req.query.operatorId),
  );
  app.put(
    '/api/mentors/:userId/profile',
    {
      schema: {
        tags,
        summary:
          'Set a mentor’s expertise, sectors, kecamatan coverage, capacity, recruitment target and contact rhythm',
        params: userParam,
        body: mentorProfileInput,
        response: { 200: mentorView },
      },
    },
    (req) => mentoring.updateProfile(req.actor, req.params.userId, req.body),
  );
}
