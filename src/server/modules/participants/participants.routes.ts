import { z } from 'zod';
import { zodText } from '../../../shared/error-codes.js';
import {
  personStatuses,
  publicRegistrationInput,
  registrationInput,
  stageStatuses,
} from '../../../shared/participants.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf, pageQuery } from '../../platform/http/schemas.js';
import type { ParticipantsService } from './participants.service.js';
import { duplicateCandidate, participantDetail, participantRow, timelineItem } from './presenters.js';

// The NIK is taken as plain text and checked by the service, so that every NIK problem — format, date, serial,
// region — answers one code, INVALID_NIK, with the reason.
const rawNik = z
  .string()
  .max(64)
  .default('')
  .describe('16 digits; checked by the server (400 INVALID_NIK with the reason)');
const registrationBody = registrationInput.extend({ nik: rawNik });
const publicBody = publicRegistrationInput.extend({ nik: rawNik });

const patchBody = registrationInput
  .pick({
    fullName: true,
    sex: true,
    birthDate: true,
    phone: true,
    email: true,
    ktpAddress: true,
    domicileAddress: true,
    domicileVillageCode: true,
  })
  .partial();

export const participantQuery = pageQuery
  .extend({
    q: z.string().trim().max(100).optional(),
    operatorId: z.uuid().optional(),
    kecamatan: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, zodText('kode kecamatan, mis. 32.76.03', 'a kecamatan code, e.g. 32.76.03'))
      .optional(),
    kelurahan: z
      .string()
      .regex(
        /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
        zodText('kode desa/kelurahan, mis. 32.76.03.1001', 'a village code, e.g. 32.76.03.1001'),
      )
      .optional(),
    programId: z.uuid().optional(),
    trackId: z.uuid().optional(),
    stage: z.coerce.number().int().min(1).max(7).optional(),
    stageStatus: z.enum(stageStatuses).optional(),
    status: z.enum(personStatuses).optional(),
    sex: z.enum(['L', 'P']).optional(),
    ageMin: z.coerce.number().int().min(0).max(120).optional(),
    ageMax: z.coerce.number().int().min(0).max(120).optional(),
    kbli: z
      .string()
      .regex(/^\d{1,5}$/, zodText('KBLI: 1–5 digit', 'KBLI: 1–5 digits'))
      .optional(),
    mentorId: z.string().min(1).max(100).optional(),
    sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'birthDate', '-birthDate']).optional(),
  })
  .refine((q) => !q.stageStatus || q.stage, {
    path: ['stageStatus'],
    message: zodText('pilih tahap untuk status tahap', 'choose a stage for the stage status'),
  });

const savedFilter = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});

export function registerParticipantRoutes(app: App, participants: ParticipantsService) {
  const tags = ['participants'];
  app.post(
    '/api/participants',
    {
      schema: {
        tags,
        summary: 'Register a person (staff); answers with records that may be the same person',
        body: registrationBody,
        response: {
          201: participantDetail.extend({
            possibleDuplicates: z.array(z.object({ id: z.uuid(), fullName: z.string(), reasons: z.array(z.string()) })),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await participants.register(req.actor, req.body)),
  );
  app.post(
    '/api/public/registrations',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Self-registration without an account (consent required, rate-limited)',
        security: [],
        body: publicBody,
        response: {
          201: z.object({
            id: z.uuid(),
            sex: z.enum(['L', 'P']),
            birthDate: z.string(),
            status: z.literal('applicant'),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await participants.registerPublic(req.body, { requestId: req.id })),
  );
  app.get(
    '/api/participants',
    {
      schema: {
        tags,
        summary: 'Participants within the caller’s scope; q is typo-tolerant (name, business name, NIK, phone)',
        querystring: participantQuery,
        response: {
          200: listOf(participantRow).extend({
            // true: more than `total` match (counting stops at 10,000)
            totalCapped: z.boolean(),
          }),
        },
      },
    },
    (req) => participants.list(req.actor, req.query),
  );
  app.get('/api/participants/:id', { schema: { tags, params: idParam, response: { 200: participantDetail } } }, (req) =>
    participants.get(req.actor, req.params.id),
  );
  app.patch(
    '/api/participants/:id',
    { schema: { tags, params: idParam, body: patchBody, response: { 200: participantDetail } } },
    (req) => participants.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/participants/:id/reveal-nik',
    {
      schema: {
        tags,
        summary: 'The full NIK (audited as view_nik)',
        params: idParam,
        response: { 200: z.object({ nik: z.string() }) },
      },
    },
    (req) => participants.revealNik(req.actor, req.params.id),
  );
  app.get(
    '/api/participants/:id/timeline',
    { schema: { tags, params: idParam, response: { 200: z.object({ items: z.array(timelineItem) }) } } },
    (req) => participants.timeline(req.actor, req.params.id),
  );
  app.get(
    '/api/participants/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Records that may be the same person (NIK one digit off or swapped, same phone)',
        params: idParam,
        response: { 200: z.object({ items: z.array(duplicateCandidate) }) },
      },
    },
    (req) => participants.duplicates(req.actor, req.params.id),
  );
  app.post(
    '/api/participants/:id/merge',
    {
      schema: {
        tags,
        summary: 'Keep this record and fold the other into it',
        params: idParam,
        body: z.object({ otherId: z.uuid(), reason: z.string().trim().max(1000).nullish() }),
        response: { 200: participantDetail },
      },
    },
    (req) => participants.merge(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/participants/:id/distinct',
    {
      schema: {
        tags,
        summary: 'Declare two flagged records two different people',
        params: idParam,
        body: z.object({ otherId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await participants.markDistinct(req.actor, req.params.id, req.body.otherId);
      return reply.status(204).send(null);
    },
  );

  const filters = participants.savedFilters;
  app.get('/api/saved-filters', { schema: { tags, response: { 200: listOf(savedFilter) } } }, (req) =>
    filters.list(req.actor),
  );
  app.post(
    '/api/saved-filters',
    {
      schema: {
        tags,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          // Stored as the list understands it, so a saved filter always replays.
          query: participantQuery.transform(({ page: _p, pageSize: _s, ...rest }) => rest),
          operatorId: z.uuid().optional(),
        }),
        response: { 201: savedFilter },
      },
    },
    async (req, reply) => reply.status(201).send(await filters.create(req.actor, req.body)),
  );
  app.delete(
    '/api/saved-filters/:id',
    { schema: { tags, params: idParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await filters.remove(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
