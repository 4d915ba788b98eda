import { z } from 'zod';
import { checkInInput, selfCheckInInput } from '../../../shared/trainings.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import { certificateCheck, checkInResult, sessionCode } from './trainings.presenters.js';
import type { TrainingsService } from './trainings.service.js';

/** Check-ins (staff and member), the day's QR code, and certificates (PDF, revocation, public verification). */
export function registerAttendanceRoutes(app: App, trainings: TrainingsService) {
  const tags = ['trainings'];
  const { attendance, certificates } = trainings;

  app.post(
    '/api/training-waves/:id/check-ins',
    {
      schema: {
        tags,
        summary:
          'Check a member in to today’s session (or sessionId): by the QR on their member card (memberCode) or manually (personId)',
        params: idParam,
        body: checkInInput,
        response: { 200: checkInResult },
      },
    },
    (req) => attendance.checkIn(req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/training-waves/:id/check-ins/:sessionId/:personId',
    {
      schema: {
        tags,
        summary: 'Withdraw a wrong check-in (audited); a completion that rested on it is undone',
        params: z.object({ id: z.uuid(), sessionId: z.uuid(), personId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await attendance.undo(req.actor, req.params.id, req.params.sessionId, req.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/training-waves/:id/session-code',
    {
      schema: {
        tags,
        summary: 'The session QR members scan to check themselves in (today’s session unless sessionId is given)',
        params: idParam,
        querystring: z.object({ sessionId: z.uuid().optional() }),
        response: { 200: sessionCode },
      },
    },
    (req) => attendance.sessionCode(req.actor, req.params.id, req.query.sessionId),
  );

  app.post(
    '/api/me/check-in',
    {
      schema: {
        tags,
        summary: 'A member checks in by scanning the session QR (valid on its day only)',
        body: selfCheckInInput,
        response: { 200: checkInResult },
      },
    },
    (req) => attendance.selfCheckIn(req.actor, req.body),
  );

  app.get(
    '/api/certificates/:id/pdf',
    {
      schema: {
        tags,
        summary: 'A certificate as PDF (staff reading trainings in the holder’s area, or the holder)',
        params: idParam,
      },
    },
    async (req, reply) => {
      const { serial, pdf } = await certificates.pdf(req.actor, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`Sertifikat ${serial}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate issued in error (audited with the reason); verification then says so',
        params: idParam,
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: z.object({ id: z.uuid(), serial: z.string(), revoked: z.literal(true) }) },
      },
    },
    (req) => certificates.revoke(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/public/certificates/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Public check of a certificate by the token in its QR code (no sign-in; rate-limited)',
        security: [],
        params: z.object({ token: z.string().min(1).max(100) }),
        response: { 200: certificateCheck },
      },
    },
    (req) => certificates.verify(req.params.token),
  );
}
