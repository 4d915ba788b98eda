import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLog, openTestDatabase, waitFor } from '../../../../tests/support/platform-testing.js';
import type { Actor } from '../../modules/access/actor.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { createJobs, type Jobs } from '../jobs/jobs.js';
import { createNotifications, type Notifications } from './notifications.js';
import { notifications as outbox } from './notifications.schema.js';

const admin: Actor = {
  kind: 'user',
  userId: 'admin-1',
  name: 'Admin',
  grants: [{ role: 'admin', operatorId: null, regionPrefix: null }],
};

// The WhatsApp gateway: 500 for one number, 200 for the rest, remembering what it was sent.
const received: Array<{ auth?: string; body: { to: string; message: string } }> = [];
let server: Server;
let database: Database;
let jobs: Jobs;
let notifications: Notifications;
const { log, lines } = memoryLog();

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(Buffer.concat(await req.toArray()).toString());
    received.push({ auth: req.headers.authorization, body });
    if (body.to === '+6281100000500') res.writeHead(500).end('gateway down');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const whatsappUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;

  database = await openTestDatabase();
  jobs = createJobs({ database, log, pollingIntervalSeconds: 0.5 });
  notifications = createNotifications({
    db: database.db,
    jobs,
    log,
    notify: { transports: ['log', 'whatsapp'], smtpFrom: 'Sentra <x@y.z>', whatsappUrl, whatsappToken: 'rahasia' },
    retry: { limit: 1, delaySeconds: 1 },
  });
  await jobs.init();
  await jobs.start();
});

afterAll(async () => {
  await jobs?.stop();
  notifications?.close();
  await database?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const row = async (id: string) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const settled = (id: string, timeoutMs?: number) =>
  waitFor(async () => {
    const r = await row(id);
    return r.status !== 'queued' ? r : undefined;
  }, timeoutMs);

describe('notification outbox', () => {
  it('renders in the chosen language and sends email through the log transport when SMTP is not configured', async () => {
    const { id } = await notifications.enqueue(database.db, {
      channel: 'email',
      recipient: ' Siti@Example.ID ',
      template: 'account.created',
      locale: 'en',
      params: { name: 'Siti', login: 'siti@example.id', url: 'https://sentra.example.id' },
    });
    const queued = await row(id);
    expect(queued).toMatchObject({
      recipient: 'siti@example.id',
      locale: 'en',
      subject: 'Your Sentra account has been created',
    });
    const sent = await settled(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    const logged = lines.find((l) => (l.notification as { to?: string })?.to === 'siti@example.id');
    expect(logged).toMatchObject({
      notification: { channel: 'email', subject: 'Your Sentra account has been created' },
    });
    expect(logged?.queue).toBe('notifications.send');
    expect(logged?.jobId).toBeTruthy();
  });

  it('posts WhatsApp messages to the gateway with the bearer token, and scrubs one-time codes once sent', async () => {
    const { id } = await notifications.enqueue(database.db, {
      channel: 'whatsapp',
      recipient: '0812-3456-7890',
      template: 'auth.phone_code',
      params: { code: '482913' },
    });
    const sent = await settled(id);
    expect(sent.status).toBe('sent');
    const call = received.find((r) => r.body.to === '+6281234567890');
    expect(call?.auth).toBe('Bearer rahasia');
    expect(call?.body.message).toContain('Kode Sentra Anda: 482913');
    expect(sent.body).not.toContain('482913');
    expect(sent.params).toEqual({ code: '••••••' });
  });

  it('marks a message failed with the gateway status after its retries', async () => {
    const { id } = await notifications.enqueue(database.db, {
      channel: 'whatsapp',
      recipient: '+62 811-0000-0500',
      template: 'generic.message',
      params: { subject: 'Jadwal', message: 'Pelatihan besok pukul 09.00' },
    });
    const failed = await settled(id, 20_000);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.lastError).toContain('HTTP 500');
    expect(failed.lastError).toContain('gateway down');
    const list = await notifications.list(admin, { page: 1, pageSize: 50, status: 'failed', channel: 'whatsapp' });
    expect(list.items.map((n) => n.id)).toContain(id);
  }, 30_000);

  it('writes nothing when the surrounding transaction rolls back', async () => {
    let id: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        ({ id } = await notifications.enqueue(tx, {
          channel: 'email',
          recipient: 'a@b.id',
          template: 'generic.message',
          params: { subject: 's', message: 'm' },
        }));
        throw new AppError('CONFLICT', { id: 'rollback', en: 'rollback' });
      }),
    ).rejects.toThrow('rollback');
    expect(await row(id!)).toBeUndefined();
    const [{ n }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'notificationId' = $1`,
      [id],
    );
    expect(n).toBe(0);
  });

  it('refuses recipients that are not an email address or an Indonesian phone number', async () => {
    const bad = [
      { channel: 'email' as const, recipient: 'bukan-email' },
      { channel: 'whatsapp' as const, recipient: '+1 555 0100' },
    ];
    for (const b of bad) {
      await expect(
        notifications.enqueue(database.db, {
          ...b,
          template: 'generic.message',
          params: { subject: 's', message: 'm' },
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
  });
});
