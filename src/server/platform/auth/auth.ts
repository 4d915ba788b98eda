import { randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { phoneNumber } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import { normalizePhone } from '../../../shared/phone.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { account, session, user, verification } from './auth.schema.js';
import { hashPassword, verifyPassword } from './password.js';

/** Origins whose browsers may send authenticated writes: the app itself and the Vite dev server. */
export function trustedOrigins(config: Config): string[] {
  const own = new URL(config.baseUrl).origin;
  const alias = own.replace('//localhost:', '//127.0.0.1:');
  return [
    ...new Set([
      own,
      alias,
      own.replace('//127.0.0.1:', '//localhost:'),
      'http://localhost:5173',
      'http://127.0.0.1:5173',
    ]),
  ];
}

export type AuthOptions = {
  config: Config;
  db: Db;
  secret: string;
  /** Sends a one-time code to a phone (WhatsApp); wired to the notification outbox. */
  sendPhoneCode?: (phone: string, code: string) => Promise<void>;
};

/**
 * Better Auth, mounted at /api/auth: sessions live in the database, passwords are argon2id, and people sign in
 * with an email or a phone number. Accounts are created by staff (or the setup link), never by open sign-up.
 */
export function createAuth({ config, db, secret, sendPhoneCode }: AuthOptions) {
  return betterAuth({
    appName: 'Sentra',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        active: { type: 'boolean', input: false, defaultValue: true },
        locale: { type: 'string', input: false, defaultValue: 'id' },
        operatorId: { type: 'string', input: false, required: false },
      },
    },
    trustedOrigins: trustedOrigins(config),
    advanced: {
      cookiePrefix: 'sentra',
      useSecureCookies: config.baseUrl.startsWith('https://'),
      database: { generateId: () => randomUUID() },
    },
    // Login throttling is Sentra's own (per account and per IP), not Better Auth's in-memory limiter.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [
      phoneNumber({
        sendOTP: async ({ phoneNumber: phone, code }) => {
          await sendPhoneCode?.(phone, code);
        },
        phoneNumberValidator: (value) => normalizePhone(value) !== undefined,
      }),
    ],
    hooks: {
      // People type their number as 0812…, 62812… or +62812…; accounts store +62812….
      before: createAuthMiddleware(async (ctx) => {
        const body = ctx.body as { phoneNumber?: unknown } | undefined;
        if (body && typeof body.phoneNumber === 'string') {
          const normalized = normalizePhone(body.phoneNumber);
          if (normalized) return { context: { ...ctx, body: { ...body, phoneNumber: normalized } } };
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot start a session.
          before: async (s) => {
            const [u] = await db.select({ active: user.active }).from(user).where(eq(user.id, s.userId));
            if (!u?.active) return false;
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
