import { z } from 'zod';
import { enrollInput, waveInput, wavePatch, waveQuery } from '../../../shared/trainings.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf } from '../../platform/http/schemas.js';
import { enrollResult, rosterRow, waveDetail, waveSummary } from './trainings.presenters.js';
import type { TrainingsService } from './trainings.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerWaveRoutes(app: App, trainings: TrainingsService) {
  const tags = ['trainings'];
  const { waves, enrollment } = trainings;

  app.get(
    '/api/training-waves',
    {
      schema: {
        tags,
        summary: 'Training waves, filtered (course, status, upcoming/past, kecamatan, text) and paged',
        querystring: waveQuery,
        response: { 200: listOf(waveSummary) },
      },
    },
    (req) => waves.list(req.actor, req.query),
  );

  app.post(
    '/api/training-waves',
    {
      schema: {
        tags,
        summary: 'Schedule a wave of a course: place or online link, days (1–30), capacity, deadline, audience',
        body: waveInput,
        response: { 201: waveDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await waves.create(req.actor, req.body)),
  );

  app.get(
    '/api/training-waves/:id',
    {
      schema: {
        tags,
        summary: 'A wave with its days, attendance per day, counts and completion rate',
        params: idParam,
        response: { 200: waveDetail },
      },
    },
    (req) => waves.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/training-waves/:id',
    {
      schema: {
        tags,
        summary: 'Change a scheduled wave, or cancel it (status: cancelled); more capacity seats waitlisted members',
        params: idParam,
        body: wavePatch,
        response: { 200: waveDetail },
      },
    },
    (req) => waves.update(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/training-waves/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a wave from its last day on: completions decided, certificates issued, Pelatihan stage moved',
        params: idParam,
        response: { 200: waveDetail },
      },
    },
    (req) => waves.close(req.actor, req.params.id),
  );

  app.get(
    '/api/training-waves/:id/roster',
    {
      schema: {
        tags,
        summary: 'The people of a wave within the caller’s scope, with attendance per day and certificates',
        params: idParam,
        response: { 200: listOf(rosterRow) },
      },
    },
    async (req) => {
      const { items } = await enrollment.roster(req.actor, req.params.id);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/training-waves/:id/enrollments',
    {
      schema: {
        tags,
        summary: 'Enroll people (1–1000); those beyond the capacity go on the waitlist, in the order given',
        params: idParam,
        body: enrollInput,
        response: { 200: enrollResult },
      },
    },
    (req) => enrollment.enroll(req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/training-waves/:id/enrollments/:personId',
    {
      schema: {
        tags,
        summary: 'Cancel a person’s enrollment; the first waitlisted member moves up and is notified',
        params: z.object({ id: z.uuid(), personId: z.uuid() }),
        response: { 200: z.object({ promoted: z.uuid().nullable() }) },
      },
    },
    (req) => enrollment.cancel(req.actor, req.params.id, req.params.personId),
  );

  app.get(
    '/api/training-waves/:id/attendance.xlsx',
    {
      schema: {
        tags,
        summary: 'The attendance sheet as Excel: one row per member, one column per day, status and certificate',
        params: idParam,
      },
    },
    async (req, reply) => {
      const { fileName, data } = await trainings.attendanceSheet(req.actor, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
}
