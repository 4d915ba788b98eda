import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { normalizePhone } from '../../../shared/phone.js';
import { requireAccess, scopeOperatorIds } from '../../modules/access/access.js';
import type { Actor } from '../../modules/access/actor.js';
import type { Config } from '../config.js';
import type { Db, DbOrTx } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Jobs } from '../jobs/jobs.js';
import { notifications } from './notifications.schema.js';
import { maskedRendering, maskParams, type Params, renderTemplate } from './render.js';
import type { Locale, TemplateName, TemplateParams } from './templates.js';
import { type Channel, createTransports, type Transport } from './transports.js';

export type NotificationInput<T extends TemplateName = TemplateName> = {
  channel: Channel;
  /** An email address, or a phone number in any Indonesian notation. */
  recipient: string;
  template: T;
  locale?: Locale;
  params: TemplateParams<T>;
  operatorId?: string | null;
  createdBy?: string | null;
};

export type NotificationStatus = 'queued' | 'sent' | 'failed';

export type NotificationView = Omit<typeof notifications.$inferSelect, 'status' | 'params'> & {
  status: NotificationStatus;
  params: Params;
};

export type NotificationsOptions = {
  db: Db;
  jobs: Jobs;
  notify: Config['notify'];
  log: FastifyBaseLogger;
  /** Tests hand in their own; otherwise built from config.notify. */
  transports?: Record<Channel, Transport>;
  /** Retries of a failed send (pg-boss backoff doubles the delay each time). */
  retry?: { limit: number; delaySeconds: number };
};

const email = z.email();

function normalizeRecipient(channel: Channel, recipient: string): string {
  if (channel === 'whatsapp') {
    const phone = normalizePhone(recipient);
    if (!phone)
      throw AppError.validation([
        { path: 'recipient', code: 'invalid_phone', message: 'nomor telepon tidak valid', en: 'invalid phone number' },
      ]);
    return phone;
  }
  const address = recipient.trim().toLowerCase();
  if (!email.safeParse(address).success)
    throw AppError.validation([
      { path: 'recipient', code: 'invalid_email', message: 'email tidak valid', en: 'invalid email address' },
    ]);
  return address;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * The notification outbox: a message is rendered and written in the caller's transaction, and a
 * `notifications.send` job delivers it through the channel's transport, with retries.
 */
export function createNotifications({ db, jobs, notify, log, transports: given, retry }: NotificationsOptions) {
  const transports = given ?? createTransports(notify, log);
  for (const [channel, t] of Object.entries(transports)) {
    if (t.name === 'log')
      log.info({ channel }, 'notifications on this channel go to the log (no transport configured)');
  }

  // One-time codes must not outlive their sending in the table people browse.
  function scrubbed(row: typeof notifications.$inferSelect) {
    const masked = maskedRendering(row.template, row.locale as Locale, row.params as Params);
    return masked
      ? { subject: masked.subject, body: masked.body, params: maskParams(row.template, row.params as Params) }
      : {};
  }

  jobs.define('notifications.send', {
    schema: z.object({ notificationId: z.uuid() }),
    retryLimit: retry?.limit ?? 5,
    retryDelaySeconds: retry?.delaySeconds ?? 30,
    retryBackoff: true,
    // Sending is mostly waiting for a mail server or gateway.
    concurrency: 4,
    async handler({ data, finalAttempt, log: jobLog }) {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, data.notificationId));
      if (!row) return { skipped: 'missing' };
      if (row.status === 'sent') return { skipped: 'already sent' };
      const transport = transports[row.channel as Channel] ?? transports.email;
      try {
        await transport.send(
          {
            channel: row.channel as Channel,
            to: row.recipient,
            subject: row.subject,
            text: row.body,
            locale: row.locale as Locale,
          },
          jobLog,
        );
      } catch (err) {
        await db
          .update(notifications)
          .set({
            attempts: sql`${notifications.attempts} + 1`,
            lastError: messageOf(err),
            status: finalAttempt ? 'failed' : 'queued',
            ...(finalAttempt ? scrubbed(row) : {}),
          })
          .where(eq(notifications.id, row.id));
        throw err;
      }
      await db
        .update(notifications)
        .set({
          status: 'sent',
          sentAt: new Date(),
          attempts: sql`${notifications.attempts} + 1`,
          lastError: null,
          ...scrubbed(row),
        })
        .where(eq(notifications.id, row.id));
      jobLog.info({ notificationId: row.id, channel: row.channel, transport: transport.name }, 'notification sent');
      return { transport: transport.name };
    },
  });

  return {
    /**
     * Renders a message and queues it. Pass the transaction of the change the message reports, so both land or
     * neither does; pass the database for a message of its own.
     */
    async enqueue<T extends TemplateName>(dbOrTx: DbOrTx, input: NotificationInput<T>): Promise<{ id: string }> {
      const recipient = normalizeRecipient(input.channel, input.recipient);
      const locale = input.locale ?? 'id';
      const params = input.params as Params;
      const { subject, body } = renderTemplate(input.template, locale, params);
      return (dbOrTx as Db).transaction(async (tx) => {
        const [row] = await tx
          .insert(notifications)
          .values({
            operatorId: input.operatorId ?? null,
            channel: input.channel,
            recipient,
            template: input.template,
            locale,
            params,
            subject: input.channel === 'email' ? subject : null,
            body,
            createdBy: input.createdBy ?? null,
          })
          .returning({ id: notifications.id });
        await jobs.enqueue(
          'notifications.send',
          { notificationId: row.id },
          { tx, operatorId: input.operatorId, createdBy: input.createdBy },
        );
        return row;
      });
    },

    /** The outbox, newest first: admins see all of it, program admins their operators' messages. */
    async list(
      actor: Actor | undefined,
      q: { page: number; pageSize: number; status?: NotificationStatus; channel?: Channel },
    ) {
      const ops = scopeOperatorIds(requireAccess(actor, 'notifications.read'));
      const where = and(
        ops ? inArray(notifications.operatorId, ops) : undefined,
        q.status ? eq(notifications.status, q.status) : undefined,
        q.channel ? eq(notifications.channel, q.channel) : undefined,
      );
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(where),
      ]);
      return { items: rows.map((row) => ({ ...row, ...scrubbed(row) }) as NotificationView), total };
    },

    close() {
      for (const t of new Set(Object.values(transports))) t.close?.();
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
