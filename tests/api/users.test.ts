import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, BEJI, createOperator, createUser, DEPOK, PACITAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('users', () => {
  it('creates an account with only a phone number, who then signs in with it', async () => {
    const admin = await asAdmin(t);
    const res = await admin.http.post('/api/users', {
      name: "Nur'aini binti Ahmad",
      phone: '0813 1111 2222',
      password: 'kata-sandi-kuat',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Nur'aini binti Ahmad", email: null, phoneNumber: '+6281311112222' });
    const cookie = await signIn(t.app, '081311112222', 'kata-sandi-kuat');
    expect((await t.http.as(cookie).get('/api/me')).body.user.id).toBe(res.body.id);
  });

  it('needs an email or a phone, and says which fields are wrong', async () => {
    const admin = await asAdmin(t);
    const none = await admin.http.post('/api/users', { name: 'Tanpa Kontak', password: 'kata-sandi-kuat' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.map((d: { path: string }) => d.path)).toEqual(['email', 'phone']);
    const bad = await admin.http.post('/api/users', { name: 'A', email: 'bukan-email', password: 'pendek' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'password']);
    const badPhone = await admin.http.post('/api/users', {
      name: 'Salah Nomor',
      phone: '12345',
      password: 'kata-sandi-kuat',
    });
    expect(badPhone.body.error.details[0]).toMatchObject({ path: 'phone', code: 'invalid_phone' });
  });

  it('answers 409 on a duplicate email or phone and writes nothing', async () => {
    const admin = await asAdmin(t);
    const existing = await createUser(t, { phone: '081299990000' });
    const before = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM "user"');
    const dupEmail = await admin.http.post('/api/users', {
      name: 'Kembar',
      email: existing.email,
      password: 'kata-sandi-kuat',
    });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.error.details[0].path).toBe('email');
    const dupPhone = await admin.http.post('/api/users', {
      name: 'Kembar',
      phone: '+6281299990000',
      password: 'kata-sandi-kuat',
    });
    expect(dupPhone.status).toBe(409);
    expect(dupPhone.body.error.details[0].path).toBe('phone');
    const after = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM "user"');
    expect(after[0].n).toBe(before[0].n);
    const accounts = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM account a LEFT JOIN "user" u ON u.id = a.user_id WHERE u.id IS NULL',
    );
    expect(accounts[0].n).toBe(0);
  });

  it('a program admin manages their own operator’s staff only', async () => {
    const depok = await createOperator(t, { serviceArea: [DEPOK] });
    const pacitan = await createOperator(t, { serviceArea: [PACITAN] });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: depok.id }] });
    const created = await pa.http.post('/api/users', {
      name: 'Budi Koordinator',
      email: 'budi@depok.test',
      password: 'kata-sandi-kuat',
    });
    expect(created.status).toBe(201);
    expect(created.body.operatorId).toBe(depok.id);
    // Visible before any role is given, because it belongs to the operator.
    expect((await pa.http.get(`/api/users/${created.body.id}`)).status).toBe(200);
    const assign = await pa.http.post(`/api/users/${created.body.id}/assignments`, {
      role: 'coordinator',
      operatorId: depok.id,
      regionPrefix: SAWANGAN,
    });
    expect(assign.status).toBe(201);

    expect((await pa.http.post(`/api/users/${created.body.id}/assignments`, { role: 'admin' })).status).toBe(403);
    expect(
      (
        await pa.http.post(`/api/users/${created.body.id}/assignments`, {
          role: 'mentor',
          operatorId: pacitan.id,
          regionPrefix: null,
        })
      ).status,
    ).toBe(404);
    const outside = await pa.http.post(`/api/users/${created.body.id}/assignments`, {
      role: 'mentor',
      operatorId: depok.id,
      regionPrefix: '35.01.01',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe('regionPrefix');

    const stranger = await createUser(t, { roles: [{ role: 'coordinator', operatorId: pacitan.id }] });
    expect((await pa.http.get(`/api/users/${stranger.user.id}`)).status).toBe(404);
    expect((await pa.http.patch(`/api/users/${stranger.user.id}`, { name: 'Diubah' })).status).toBe(404);
    const list = await pa.http.get('/api/users?pageSize=100');
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(stranger.user.id);
    expect(list.body.items.find((u: { id: string }) => u.id === created.body.id).roles).toEqual(['coordinator']);
  });

  it('a coordinator sees staff of their kecamatan only, and cannot manage them', async () => {
    const op = await createOperator(t, { serviceArea: [DEPOK] });
    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const mentorHere = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id, regionPrefix: SAWANGAN }] });
    const mentorThere = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id, regionPrefix: BEJI }] });
    const list = await coord.http.get('/api/users?pageSize=100');
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(mentorHere.user.id);
    expect(ids).not.toContain(mentorThere.user.id);
    expect(list.body.total).toBe(ids.length);
    expect(
      (await coord.http.post('/api/users', { name: 'Baru', email: 'baru@x.test', password: 'kata-sandi-kuat' })).status,
    ).toBe(403);
  });

  it('keeps at least one administrator', async () => {
    const admin = await asAdmin(t);
    const admins = await t.database.query<{ id: string; user_id: string }>(
      `SELECT id, user_id FROM role_assignments WHERE role = 'admin'`,
    );
    for (const a of admins.slice(0, -1))
      expect((await admin.http.delete(`/api/users/${a.user_id}/assignments/${a.id}`)).status).toBe(204);
    const last = admins.at(-1)!;
    const res = await admin.http.delete(`/api/users/${last.user_id}/assignments/${last.id}`);
    expect(res.status).toBe(409);
  });

  it('audits account changes without ever writing the password', async () => {
    const admin = await asAdmin(t);
    const { user } = await createUser(t);
    expect(
      (await admin.http.patch(`/api/users/${user.id}`, { name: 'Nama Baru', password: 'kata-sandi-baru' })).status,
    ).toBe(200);
    const audit = await admin.http.get(`/api/audit?entity=user&entityId=${user.id}&action=update`);
    expect(audit.body.items[0].changes).toMatchObject({
      name: { after: 'Nama Baru' },
      passwordChanged: { before: false, after: true },
    });
    const raw = await t.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE entity = 'user'`);
    expect(JSON.stringify(raw)).not.toContain('kata-sandi-baru');
    expect(JSON.stringify(raw)).not.toContain('argon2');
  });
});
