import { z } from 'zod';
import { stageStatuses } from '../../../shared/participants.js';
import { contentDisposition } from '../../platform/files/files.routes.js';
import type { App } from '../../platform/http/app-types.js';
import { idParam } from '../../platform/http/schemas.js';
import type { MembersService } from './members.service.js';

const card = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  nikMasked: z.string(),
  operatorName: z.string(),
  districtName: z.string(),
  villageName: z.string(),
  code: z.string().describe('The text of the member-card QR (signed); staff scan it to check the member in'),
});

const me = card.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  businesses: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
  stages: z.array(
    z.object({
      stage: z.number().int(),
      key: z.string(),
      status: z.enum(stageStatuses),
      since: z.string().nullable(),
    }),
  ),
});

const accountView = z.object({
  userId: z.string(),
  phoneNumber: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.date(),
});

const newAccount = z.object({
  password: z.string().min(8).max(200).nullish().describe('Omit to have one generated and returned once'),
});

function sendPdf(reply: import('fastify').FastifyReply, fileName: string, pdf: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

/** The member's own page and card, and the staff side of member accounts and cards. */
export function registerMemberRoutes(app: App, members: MembersService) {
  app.get(
    '/api/me/member',
    {
      schema: {
        tags: ['members'],
        summary: "The signed-in member's own record: card code, businesses and the 7 stages",
        response: { 200: me },
      },
    },
    (req) => members.me(req.actor),
  );

  app.get(
    '/api/me/member-card.pdf',
    { schema: { tags: ['members'], summary: "The signed-in member's printable card (PDF, ID-1 size, with the QR)" } },
    async (req, reply) => {
      const { fullName, pdf } = await members.myCardPdf(req.actor);
      return sendPdf(reply, `kartu-anggota-${fullName}.pdf`, pdf);
    },
  );

  app.get(
    '/api/participants/:id/member-card',
    {
      schema: {
        tags: ['members'],
        summary: "A person's member-card facts and QR code text",
        params: idParam,
        response: { 200: card },
      },
    },
    (req) => members.cardOf(req.actor, req.params.id),
  );

  app.get(
    '/api/participants/:id/member-card.pdf',
    { schema: { tags: ['members'], summary: "A person's printable member card (PDF)", params: idParam } },
    async (req, reply) => {
      const { fullName, pdf } = await members.cardPdf(req.actor, req.params.id);
      return sendPdf(reply, `kartu-anggota-${fullName}.pdf`, pdf);
    },
  );

  app.get(
    '/api/participants/:id/account',
    {
      schema: {
        tags: ['members'],
        summary: "A person's member account (sign-in with their phone number), or null",
        params: idParam,
        response: { 200: z.object({ account: accountView.nullable() }) },
      },
    },
    async (req) => ({ account: await members.accountOf(req.actor, req.params.id) }),
  );

  app.post(
    '/api/participants/:id/account',
    {
      schema: {
        tags: ['members'],
        summary:
          'Open a member account for a person (role participant, signs in with their phone number); a generated password is returned once',
        params: idParam,
        body: newAccount,
        response: {
          201: z.object({ userId: z.string(), login: z.string(), password: z.string().nullable() }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await members.createAccount(req.actor, req.params.id, { password: req.body.password })),
  );
}
