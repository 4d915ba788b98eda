import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
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

  app.get(
    '/api/participants/:id/trainings',
    {
      schema: {
        tags,
        summary: 'A person’s waves (status, days attended, certificate) and the waves still open to them, for staff',
        params: idParam,
        response: { 200: myTrainings },
      },
    },
    (req) => me.ofPerson(req.actor, req.params.id),
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
