import { z } from 'zod';
import { bookingInput, clinicSlotsInput, memberBookingInput } from '../../../shared/mentoring.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import type { MentoringService } from './mentoring.service.js';
import { bookingView, slotView } from './mentoring.views.js';

const day = z.iso.date();

export function registerClinicRoutes(app: App, mentoring: MentoringService) {
  const tags = ['clinic'];
  app.get(
    '/api/clinic/slots',
    {
      schema: {
        tags,
        summary: 'Business clinic slots (default: the next 30 days) with their booking; members see their operator’s',
        querystring: z.object({
          centerId: z.uuid().optional(),
          operatorId: z.uuid().optional(),
          from: day.optional(),
          to: day.optional(),
        }),
        response: { 200: z.object({ items: z.array(slotView) }) },
      },
    },
    (req) => mentoring.listSlots(req.actor, req.query),
  );
  app.post(
    '/api/clinic/slots',
    {
      schema: {
        tags,
        summary: 'Open clinic slots at a center: a time window on one day split into slots of N minutes (no overlaps)',
        body: clinicSlotsInput,
        response: { 201: z.object({ created: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await mentoring.createSlots(req.actor, req.body)),
  );
  app.delete(
    '/api/clinic/slots/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a slot and the booking holding it (the member is told)',
        params: idParam,
        response: { 200: slotView },
      },
    },
    (req) => mentoring.cancelSlot(req.actor, req.params.id),
  );
  app.post(
    '/api/clinic/bookings',
    {
      schema: {
        tags,
        summary: 'Book a slot for a member (staff); SLOT_TAKEN when someone else holds it',
        body: bookingInput,
        response: { 201: bookingView },
      },
    },
    async (req, reply) => reply.status(201).send(await mentoring.book(req.actor, req.body)),
  );
  const moves = [
    ['confirm', 'Confirm a booking (the slot’s mentor or a coordinator); the member is told', mentoring.confirmBooking],
    ['cancel', 'Cancel a booking (staff); the member is told', mentoring.cancelBooking],
    ['done', 'Mark a booking done (usually through a session log with clinicBookingId)', mentoring.completeBooking],
  ] as const;
  for (const [path, summary, run] of moves)
    app.post(
      `/api/clinic/bookings/:id/${path}`,
      { schema: { tags, summary, params: idParam, response: { 200: bookingView } } },
      (req) => run(req.actor, req.params.id),
    );

  app.get(
    '/api/me/clinic',
    {
      schema: {
        tags,
        summary:
          'The signed-in member’s clinic: open slots of the next 30 days (their kecamatan first) and their bookings',
        response: { 200: z.object({ slots: z.array(slotView), bookings: z.array(bookingView) }) },
      },
    },
    (req) => mentoring.memberClinic(req.actor),
  );
  app.post(
    '/api/me/clinic/bookings',
    {
      schema: {
        tags,
        summary: 'The signed-in member books a clinic slot',
        body: memberBookingInput,
        response: { 201: bookingView },
      },
    },
    async (req, reply) => reply.status(201).send(await mentoring.memberBook(req.actor, req.body)),
  );
  app.post(
    '/api/me/clinic/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The signed-in member cancels their booking',
        params: idParam,
        response: { 200: bookingView },
      },
    },
    (req) => mentoring.memberCancel(req.actor, req.params.id),
  );
}
