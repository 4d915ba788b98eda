import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth.js';
import { assertTrustedOrigin } from './actor-hook.js';
import type { App } from './app-types.js';

function toWebRequest(req: FastifyRequest, baseUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : String(value));
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
  return new Request(new URL(req.url, baseUrl), {
    method: req.method,
    headers,
    body: hasBody ? (typeof req.body === 'string' ? req.body : JSON.stringify(req.body)) : undefined,
  });
}

async function sendWebResponse(res: Response, reply: FastifyReply) {
  reply.status(res.status);
  res.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  const text = await res.text();
  return reply.send(text.length ? text : null);
}

/** Better Auth at /api/auth/*: the Fastify request becomes a Web Request and the answer is copied back, cookies included. */
export function registerAuthRoutes(app: App, auth: Auth, baseUrl: string, trustedOrigins: string[]) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    // Password guessing is slowed per IP here; per-account lockout comes with the security work.
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
    handler: async (req, reply) => {
      assertTrustedOrigin(req, trustedOrigins);
      return sendWebResponse(await auth.handler(toWebRequest(req, baseUrl)), reply);
    },
  });
}
