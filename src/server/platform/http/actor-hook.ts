import type { FastifyRequest } from 'fastify';
import { loadGrants } from '../../modules/users/users.service.js';
import type { Auth } from '../auth/auth.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { App } from './app-types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a state-changing request sent by a browser from another site (CSRF). */
export function assertTrustedOrigin(req: FastifyRequest, trustedOrigins: string[]) {
  const origin = req.headers.origin;
  if (!SAFE_METHODS.has(req.method) && origin && !trustedOrigins.includes(origin)) {
    throw new AppError('FORBIDDEN', {
      id: 'Permintaan dari situs lain ditolak',
      en: 'Requests from another site are refused',
    });
  }
}

/**
 * Resolves the session cookie of each API request into an Actor with its grants. A cookie-carrying write from a
 * foreign Origin is refused (CSRF): SameSite=Lax cookies already stop most, this stops the rest.
 */
export function installActorHook(app: App, auth: Auth, db: Db, trustedOrigins: string[]) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return;
    const cookie = req.headers.cookie;
    if (!cookie?.includes('sentra.session_token')) return;
    assertTrustedOrigin(req, trustedOrigins);
    const headers = new Headers();
    if (cookie) headers.set('cookie', cookie);
    const found = await auth.api.getSession({ headers });
    if (!found || (found.user as { active?: boolean }).active === false) return;
    req.actor = {
      kind: 'user',
      userId: found.user.id,
      name: found.user.name,
      grants: await loadGrants(db, found.user.id),
      requestId: req.id,
      ip: req.ip,
    };
  });
}
