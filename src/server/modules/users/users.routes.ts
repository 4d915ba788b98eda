import { z } from 'zod';
import { roles } from '../../../shared/access.js';
import { zodText } from '../../../shared/error-codes.js';
import type { App } from '../../platform/http/app-types.js';
import { listOf, pageQuery, regionCode } from '../../platform/http/schemas.js';
import type { UsersService } from './users.service.js';

const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  active: z.boolean(),
  locale: z.string(),
  operatorId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const assignment = z.object({
  id: z.uuid(),
  role: z.string(),
  operatorId: z.string().nullable(),
  regionPrefix: z.string().nullable(),
  createdAt: z.date(),
});

const password = z
  .string()
  .min(8, zodText('kata sandi minimal 8 karakter', 'the password needs at least 8 characters'))
  .max(128);
const name = z.string().trim().min(2, zodText('nama minimal 2 huruf', 'the name needs at least 2 letters')).max(200);
const email = z.email(zodText('email tidak valid', 'invalid email address')).max(254);
const phone = z.string().trim().min(1).max(20);

export function registerUserRoutes(app: App, users: UsersService) {
  const tags = ['users'];
  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their roles with scope, and the permissions they add up to',
        response: {
          200: z.object({
            user,
            grants: z.array(
              z.object({
                role: z.string(),
                operatorId: z.string().nullable(),
                operatorName: z.string().nullable(),
                regionPrefix: z.string().nullable(),
                regionName: z.string().nullable(),
              }),
            ),
            permissions: z.array(z.string()),
          }),
        },
      },
    },
    (req) => users.me(req.actor),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        querystring: pageQuery.extend({
          q: z.string().max(100).optional(),
          operatorId: z.uuid().optional(),
          role: z.enum(roles).optional(),
        }),
        response: { 200: listOf(user.extend({ roles: z.array(z.string()) })) },
      },
    },
    (req) => users.list(req.actor, req.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account (email or phone number, or both)',
        body: z.object({
          name,
          email: email.nullish(),
          phone: phone.nullish(),
          password,
          operatorId: z.uuid().nullish(),
        }),
        response: { 201: user },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: {
          200: user.extend({
            assignments: z.array(
              assignment.extend({ operatorName: z.string().nullable(), regionName: z.string().nullable() }),
            ),
          }),
        },
      },
    },
    (req) => users.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({
          name: name.optional(),
          email: email.nullish(),
          phone: phone.nullish(),
          active: z.boolean().optional(),
          password: password.optional(),
        }),
        response: { 200: user },
      },
    },
    (req) => users.update(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Give a user a role at an operator within a region prefix',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({
          role: z.enum(roles),
          operatorId: z.uuid().nullable().default(null),
          regionPrefix: regionCode.nullable().default(null),
        }),
        response: { 201: assignment },
      },
    },
    async (req, reply) => reply.status(201).send(await users.addAssignment(req.actor, req.params.id, req.body)),
  );

  app.delete(
    '/api/users/:id/assignments/:assignmentId',
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64), assignmentId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await users.removeAssignment(req.actor, req.params.id, req.params.assignmentId);
      return reply.status(204).send(null);
    },
  );
}
