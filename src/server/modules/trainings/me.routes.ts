import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { myTrainings } from './trainings.presenters.js';
import type { TrainingsService } from './trainings.service.js';

const waveParam = z.object({ waveId: z.uuid() });

/** A signed-in member's own trainings: theirs, the ones open to them, enrolling and cancelling themselves. */
export function registerMyTrainingRoutes(app: App, trainings: TrainingsService) {
  const tags = ['trainings'];
  const { me } = trainings;

  app.get(
    '/api/me/trainings',
    {
      schema: {
        tags,
        summary:
          'The member’s waves (status, waitlist position, days attended, certificate) and the waves open to them',
        response: { 200: myTrainings },
      },
    },
    (req) => me.list(req.actor),
  );

  app.post(
    '/api/me/trainings/:waveId/enroll',
    {
      schema: {
        tags,
        summary: 'The member enrolls themself (only waves meant for them, before the deadline; a full wave waitlists)',
        params: waveParam,
        response: {
          200: z.object({ status: z.enum(['enrolled', 'waitlisted']), waitlistPosition: z.number().int().nullable() }),
        },
      },
    },
    (req) => me.enroll(req.actor, req.params.waveId),
  );

  app.delete(
    '/api/me/trainings/:waveId/enroll',
    {
      schema: {
        tags,
        summary: 'The member cancels their place or waitlist spot; `promoted` tells whether someone moved up',
        params: waveParam,
        response: { 200: z.object({ promoted: z.boolean() }) },
      },
    },
    (req) => me.cancel(req.actor, req.params.waveId),
  );
}
