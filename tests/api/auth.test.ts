import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createUser, DEPOK, defaultPassword, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with email and password and opens a database session', async () => {
    const { email } = await createUser(t);
    const cookie = await signIn(t.app, email!, defaultPassword);
    expect(cookie).toContain('sentra.session_token=');
    const me = await t.http.as(cookie).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  });

  it('signs in with a phone number written any usual way', async () => {
    await createUser(t, { email: null, phone: '0812-7000-1234' });
    for (const phone of ['081270001234', '+6281270001234', '6281270001234']) {
      const cookie = await signIn(t.app, phone, defaultPassword);
      const me = await t.http.as(cookie).get('/api/me');
      expect(me.body.user.phoneNumber).toBe('+6281270001234');
      expect(me.body.user.email).toBeNull();
    }
  });

  it('refuses a wrong password', async () => {
    const { email } = await createUser(t);
    const res = await t.http.post('/api/auth/sign-in/email', { email, password: 'salah-sekali' });
    expect(res.status).toBe(401);
  });

  it('refuses sign-in from a foreign origin (CSRF protection)', async () => {
    const { email } = await createUser(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://evil.example', cookie: 'sentra.session_token=x' },
      payload: { email, password: defaultPassword },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    const admin = await signedIn(t, { roles: [{ role: 'admin' }] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/operators',
      headers: { origin: 'https://evil.example', cookie: admin.cookie },
      payload: { name: 'Operator Palsu', serviceArea: ['32.76'] },
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN');
  });

  it('stores passwords as argon2id hashes', async () => {
    const { user } = await createUser(t);
    const [row] = await t.database.query<{ password: string }>('SELECT password FROM account WHERE user_id = $1', [
      user.id,
    ]);
    expect(row.password).toMatch(/^\$argon2id\$/);
  });

  it('keeps a deactivated account out and ends its sessions', async () => {
    const admin = await signedIn(t, { roles: [{ role: 'admin' }] });
    const victim = await signedIn(t);
    expect((await victim.http.get('/api/me')).status).toBe(200);
    expect((await admin.http.patch(`/api/users/${victim.user.id}`, { active: false })).status).toBe(200);
    expect((await victim.http.get('/api/me')).status).toBe(401);
    await expect(signIn(t.app, victim.email!, defaultPassword)).rejects.toThrow();
  });
});

describe('GET /api/me', () => {
  it('answers 401 with the error shape when not signed in', async () => {
    const res = await t.http.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('lists grants with operator and region names and the permissions they add up to', async () => {
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const me = await coord.http.get('/api/me');
    expect(me.body.grants).toEqual([
      {
        role: 'coordinator',
        operatorId: op.id,
        operatorName: op.name,
        regionPrefix: SAWANGAN,
        regionName: 'Kec. Sawangan',
      },
    ]);
    expect(me.body.permissions).toContain('participants.write');
    expect(me.body.permissions).not.toContain('users.manage');
  });
});
