import { z } from 'zod';
import { sessionInput } from '../../../shared/mentoring.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf, pageQuery } from '../../platform/http/schemas.js';
import type { MentoringService } from './mentoring.service.js';
import { actionView, memberMentoringView, sessionView } from './mentoring.views.js';

const day = z.iso.date();

export function registerSessionRoutes(app: App, mentoring: MentoringService) {
  const tags = ['mentoring'];
  app.post(
    '/api/mentoring/sessions',
    {
      schema: {
        tags,
        summary:
          'Log a mentoring session (hours, topics, notes, actions, follow-up, attachments); NOT_IN_CASELOAD for a member not assigned to the mentor',
        body: sessionInput,
        response: { 201: sessionView },
      },
    },
    async (req, reply) => reply.status(201).send(await mentoring.logSession(req.actor, req.body)),
  );
  app.get(
    '/api/mentoring/sessions',
    {
      schema: {
        tags,
        summary: 'Session log within the caller’s area, newest first',
        querystring: pageQuery.extend({
          personId: z.uuid().optional(),
          mentorUserId: z.string().max(100).optional(),
          from: day.optional(),
          to: day.optional(),
        }),
        response: { 200: listOf(sessionView) },
      },
    },
    (req) => mentoring.listSessions(req.actor, req.query),
  );
  app.post(
    '/api/mentoring/actions/:id/done',
    { schema: { tags, summary: 'Mark an agreed action done', params: idParam, response: { 200: actionView } } },
    (req) => mentoring.markActionDone(req.actor, req.params.id),
  );
  app.post(
    '/api/mentoring/actions/:id/reopen',
    { schema: { tags, summary: 'Reopen an action marked done', params: idParam, response: { 200: actionView } } },
    (req) => mentoring.reopenAction(req.actor, req.params.id),
  );
  app.get(
    '/api/me/mentoring',
    {
      schema: {
        tags,
        summary: 'The signed-in member’s mentor, sessions (without the mentor’s notes) and open actions',
        response: { 200: memberMentoringView },
      },
    },
    (req) => mentoring.memberMentoring(req.actor),
  );
}
