import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createOperator, signedIn } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp, testOrigin } from '../../../../tests/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const message = (operatorId: string | null, text: string) =>
  t.platform.notifications.enqueue(t.platform.db, {
    channel: 'email',
    recipient: 'peserta@example.id',
    template: 'generic.message',
    params: { subject: 'Info', message: text },
    operatorId,
  });

describe('GET /api/notifications', () => {
  it('shows admins the whole outbox and program admins only their operators’ messages', async () => {
    const [a, b] = [await createOperator(t), await createOperator(t)];
    const ofA = await message(a.id, 'untuk A');
    const ofB = await message(b.id, 'untuk B');
    const system = await message(null, 'untuk semua');

    const admin = await asAdmin(t);
    const all = await admin.http.get('/api/notifications?channel=email&status=queued&pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([ofA.id, ofB.id, system.id]),
    );
    expect(all.body.items.find((n: { id: string }) => n.id === ofA.id)).toMatchObject({
      channel: 'email',
      template: 'generic.message',
      locale: 'id',
      subject: 'Info',
      body: 'untuk A\n\n— Sentra',
      status: 'queued',
      attempts: 0,
    });

    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: a.id }] });
    const mine = await pa.http.get('/api/notifications?pageSize=100');
    expect(mine.body.items.map((n: { id: string }) => n.id)).toEqual([ofA.id]);
    expect(mine.body.total).toBe(1);

    const coordinator = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: a.id }] });
    expect((await coordinator.http.get('/api/notifications')).status).toBe(403);
    expect((await t.http.get('/api/notifications')).status).toBe(401);
    expect((await admin.http.get('/api/notifications?channel=sms')).status).toBe(400);
  });

  it('queues a WhatsApp code when Better Auth sends a phone sign-in code, and never shows the code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/phone-number/send-otp',
      headers: { origin: testOrigin },
      payload: { phoneNumber: '0812 9876 5432' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [raw] = await t.database.query<{ id: string; body: string; channel: string }>(
      `SELECT id, body, channel FROM notifications WHERE template = 'auth.phone_code' AND recipient = '+6281298765432'`,
    );
    expect(raw.channel).toBe('whatsapp');
    const code = raw.body.match(/\d{6}/)?.[0];
    expect(code).toBeTruthy();

    const admin = await asAdmin(t);
    const list = await admin.http.get('/api/notifications?channel=whatsapp&pageSize=100');
    const shown = list.body.items.find((n: { id: string }) => n.id === raw.id);
    expect(shown.body).not.toContain(code);
    expect(shown.params).toEqual({ code: '••••••' });
  });
});
