import { z } from 'zod';
import { zodText } from '../../../shared/error-codes.js';
import { kbliSectors } from '../../../shared/kbli.js';
import { documentKinds } from '../../../shared/participants.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam, listOf, pageQuery, regionCode } from '../../platform/http/schemas.js';
import type { ProgramsService } from './programs.service.js';

const track = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  operatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  residencyPrefix: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  requiredDocuments: z.array(z.string()),
  quota: z.number().int().nullable(),
});

const program = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  active: z.boolean(),
  createdAt: z.date(),
});
const programWithTracks = program.extend({ tracks: z.array(track) });

const programBody = z.object({
  operatorId: z.uuid(),
  name: z
    .string()
    .trim()
    .min(3, zodText('nama program minimal 3 huruf', 'the program name needs at least 3 letters'))
    .max(200),
  description: z.string().trim().max(2000).nullish(),
  startsOn: z.iso.date(zodText('tanggal mulai harus berbentuk YYYY-MM-DD', 'the start date must look like YYYY-MM-DD')),
  endsOn: z.iso.date(zodText('tanggal selesai harus berbentuk YYYY-MM-DD', 'the end date must look like YYYY-MM-DD')),
});

const age = z.number().int().min(0).max(120);
const trackBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z0-9_]{2,20}$/,
      zodText(
        'kode 2–20 karakter: huruf A–Z, angka atau garis bawah (contoh: WUB)',
        'the code is 2–20 characters: letters A–Z, digits or underscores (e.g. WUB)',
      ),
    ),
  name: z
    .string()
    .trim()
    .min(2, zodText('nama jalur minimal 2 huruf', 'the track name needs at least 2 letters'))
    .max(200),
  minAge: age.nullish(),
  maxAge: age.nullish(),
  residencyPrefix: regionCode.nullish().describe('Domicile must lie inside this region, e.g. 32.76'),
  sex: z.enum(['L', 'P']).nullish(),
  requiredDocuments: z.array(z.enum(documentKinds)).max(documentKinds.length).optional(),
  quota: z.number().int().min(1).max(1_000_000).nullish(),
});

const year = z.number().int().min(2000).max(2100);
const target = z.object({
  id: z.uuid(),
  trackId: z.uuid(),
  trackCode: z.string(),
  trackName: z.string(),
  year: z.number().int(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  target: z.number().int(),
  achieved: z.number().int(),
});
const targetsBody = z.object({
  items: z
    .array(
      z.object({
        trackId: z.uuid(),
        year,
        districtCode: regionCode.nullable().describe('A kecamatan, or null for the whole service area'),
        target: z
          .number()
          .int()
          .min(0, zodText('target tidak boleh negatif', 'the target cannot be negative'))
          .max(10_000_000),
      }),
    )
    .max(1000),
});

const kbliEntry = z.object({ code: z.string(), title: z.string(), sector: z.enum(kbliSectors) });

export function registerProgramRoutes(app: App, programs: ProgramsService) {
  const tags = ['programs'];
  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Programs (with their tracks) of the operators the caller works for',
        querystring: pageQuery.extend({ operatorId: z.uuid().optional() }),
        response: { 200: listOf(programWithTracks) },
      },
    },
    (req) => programs.list(req.actor, req.query),
  );
  app.post(
    '/api/programs',
    { schema: { tags, body: programBody, response: { 201: programWithTracks } } },
    async (req, reply) => reply.status(201).send(await programs.create(req.actor, req.body)),
  );
  app.get('/api/programs/:id', { schema: { tags, params: idParam, response: { 200: programWithTracks } } }, (req) =>
    programs.get(req.actor, req.params.id),
  );
  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: programBody.omit({ operatorId: true }).partial().extend({ active: z.boolean().optional() }),
        response: { 200: programWithTracks },
      },
    },
    (req) => programs.update(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/tracks',
    {
      schema: {
        tags,
        summary: 'Add a track (e.g. WUB, Perempuan Pengusaha) with its eligibility rules and quota',
        params: idParam,
        body: trackBody,
        response: { 201: track },
      },
    },
    async (req, reply) => reply.status(201).send(await programs.createTrack(req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/api/tracks/:id',
    { schema: { tags, params: idParam, body: trackBody.partial(), response: { 200: track } } },
    (req) => programs.updateTrack(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/programs/:id/targets',
    {
      schema: {
        tags,
        summary: 'Yearly targets per track (whole area or per kecamatan) with accepted enrollments so far',
        params: idParam,
        querystring: z.object({ year: z.coerce.number().pipe(year).optional() }),
        response: { 200: listOf(target) },
      },
    },
    (req) => programs.listTargets(req.actor, req.params.id, req.query),
  );
  app.put(
    '/api/programs/:id/targets',
    {
      schema: {
        tags,
        summary: 'Set targets by track × year × kecamatan (0 removes one); all or nothing',
        params: idParam,
        body: targetsBody,
        response: { 200: listOf(target) },
      },
    },
    (req) => programs.putTargets(req.actor, req.params.id, req.body.items),
  );

  app.get(
    '/api/kbli',
    {
      schema: {
        tags,
        summary: 'Search the curated KBLI 2020 codes micro and small businesses use (by code prefix or words)',
        querystring: z.object({ q: z.string().max(100).default('') }),
        response: { 200: listOf(kbliEntry) },
      },
    },
    (req) => programs.kbli(req.actor, req.query.q),
  );
}
