import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('first administrator', () => {
  it('a one-time setup link creates the first administrator, once', async () => {
    expect((await t.http.get('/api/setup/status')).body).toEqual({ needsSetup: true });
    const { setupToken } = await t.services.setup.prepare();
    expect(setupToken).toEqual(expect.any(String));

    const wrong = await t.http.post('/api/setup', {
      token: 'x'.repeat(32),
      name: 'Admin',
      email: 'admin@sentra.test',
      password: 'kata-sandi-kuat',
    });
    expect(wrong.status).toBe(403);
    const ok = await t.http.post('/api/setup', {
      token: setupToken,
      name: 'Admin Dinas',
      email: 'admin@sentra.test',
      password: 'kata-sandi-kuat',
    });
    expect(ok.status).toBe(201);
    expect((await t.http.get('/api/setup/status')).body).toEqual({ needsSetup: false });

    const again = await t.http.post('/api/setup', {
      token: setupToken,
      name: 'Penyusup',
      email: 'evil@sentra.test',
      password: 'kata-sandi-kuat',
    });
    expect(again.status).toBe(403);
    const cookie = await signIn(t.app, 'admin@sentra.test', 'kata-sandi-kuat');
    const me = await t.http.as(cookie).get('/api/me');
    expect(me.body.grants).toEqual([
      { role: 'admin', operatorId: null, operatorName: null, regionPrefix: null, regionName: null },
    ]);
    // Once an admin exists, start-up neither issues a token nor creates another admin.
    expect(await t.services.setup.prepare({ name: 'X', email: 'x@sentra.test', password: 'kata-sandi-kuat' })).toEqual(
      {},
    );
  });
});

describe('first administrator from the environment', () => {
  it('SENTRA_ADMIN_EMAIL / SENTRA_ADMIN_PASSWORD create it on first start', async () => {
    const other = await createTestApp();
    try {
      const res = await other.services.setup.prepare({
        name: 'Administrator',
        email: 'env-admin@sentra.test',
        password: 'rahasia-env-123',
      });
      expect(res.created).toEqual(expect.any(String));
      await signIn(other.app, 'env-admin@sentra.test', 'rahasia-env-123');
    } finally {
      await other.close();
    }
  });
});
