import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { textToHtml } from './render.js';
import type { Locale } from './templates.js';

export const channels = ['email', 'whatsapp'] as const;
export type Channel = (typeof channels)[number];

export type OutgoingMessage = { channel: Channel; to: string; subject: string | null; text: string; locale: Locale };

/** One way out for messages. A transport throws when the message did not go; the outbox records why. */
export interface Transport {
  readonly name: 'log' | 'smtp' | 'whatsapp';
  /** `log` is the sending job's logger, so what a transport logs carries the job id. */
  send(message: OutgoingMessage, log?: FastifyBaseLogger): Promise<void>;
  close?(): void;
}

/** Development: the message goes to the JSON log instead of a person, so codes can be read from the console. */
export function logTransport(log: FastifyBaseLogger): Transport {
  return {
    name: 'log',
    async send(message, jobLog) {
      (jobLog ?? log).info({ notification: message }, `notification for ${message.to} (log transport)`);
    },
  };
}

export function smtpTransport(options: { url: string; from: string }): Transport {
  const mailer = nodemailer.createTransport(options.url);
  return {
    name: 'smtp',
    async send(message) {
      await mailer.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? 'Sentra',
        text: message.text,
        html: textToHtml(message.text, message.locale),
      });
    },
    close: () => mailer.close(),
  };
}

/**
 * WhatsApp through an HTTP gateway (a WhatsApp Business API provider, or a self-hosted bridge). The contract is
 * deliberately small so any provider fits behind a thin adapter: POST `{ to, message }` with a bearer token.
 */
export function whatsappTransport(options: { url: string; token?: string; timeoutMs?: number }): Transport {
  return {
    name: 'whatsapp',
    async send(message) {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, message: message.text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!res.ok) {
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        throw new AppError('SERVICE_UNAVAILABLE', {
          id: `Penyedia WhatsApp menjawab HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
          en: `The WhatsApp provider answered HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
        });
      }
      await res.body?.cancel();
    },
  };
}

/** The transport of each channel: the configured one, or the log when the channel has none enabled. */
export function createTransports(notify: Config['notify'], log: FastifyBaseLogger): Record<Channel, Transport> {
  const fallback = logTransport(log);
  return {
    email:
      notify.transports.includes('smtp') && notify.smtpUrl
        ? smtpTransport({ url: notify.smtpUrl, from: notify.smtpFrom })
        : fallback,
    whatsapp:
      notify.transports.includes('whatsapp') && notify.whatsappUrl
        ? whatsappTransport({ url: notify.whatsappUrl, token: notify.whatsappToken })
        : fallback,
  };
}
