import { loadGrants } from '../../modules/users/users.service.js';
import type { Auth } from '../auth/auth.js';
import type { Db } from '../db/client.js';
import type { App } from './app-types.js';

/** Resolves the session cookie (or bearer token) of each API request into an Actor with its grants. */
export function installActorHook(app: App, auth: Auth, db: Db) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return;
    const cookie = req.headers.cookie;
    if (!cookie?.includes('sentra.session_token') && !req.headers.authorization) return;
    const headers = new Headers();
    if (cookie) headers.set('cookie', cookie);
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
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
