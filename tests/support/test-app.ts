import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { App } from '../../src/server/platform/http/app-types.js';
import { createPlatform } from '../../src/server/platform/platform.js';
import { openTestDatabase } from './test-database.js';

export const testOrigin = 'http://localhost:3000';

/** A complete Sentra (platform, services, HTTP app) on a fresh test database. One per test file. */
export async function createTestApp(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sentra-test-'));
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SENTRA_BASE_URL: testOrigin,
    SENTRA_DATA_DIR: dataDir,
    ...env,
  });
  const platform = await createPlatform({ config, log: pino({ level: 'silent' }), database });
  const { app, services } = await buildApp(platform);
  await app.ready();
  return {
    app,
    services,
    platform,
    database,
    http: httpClient(app),
    async close() {
      await app.close();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type TestResponse = { status: number; body: any; headers: Record<string, unknown>; text: string };
export type HttpClient = {
  cookie?: string;
  get(url: string, headers?: Record<string, string>): Promise<TestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  patch(url: string, body?: unknown): Promise<TestResponse>;
  delete(url: string): Promise<TestResponse>;
  as(cookie: string): HttpClient;
};

/** Requests through the full HTTP stack (routing, validation, auth cookies, error handler), as a browser would send them. */
export function httpClient(app: App, cookie?: string): HttpClient {
  const send = async (
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> => {
    const options: InjectOptions = {
      method,
      url,
      headers: { origin: testOrigin, ...(cookie ? { cookie } : {}), ...headers },
    };
    if (body !== undefined) options.payload = body as InjectOptions['payload'];
    const res = await app.inject(options);
    let json: any;
    try {
      json = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, body: json, headers: res.headers, text: res.body };
  };
  return {
    cookie,
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => send('POST', url, body ?? {}, headers),
    patch: (url: string, body?: unknown) => send('PATCH', url, body ?? {}),
    delete: (url: string) => send('DELETE', url),
    as: (nextCookie: string) => httpClient(app, nextCookie),
  };
}

/** Signs in through Better Auth (email or phone) and returns the session cookie. */
export async function signIn(app: App, identifier: string, password: string): Promise<string> {
  const byEmail = identifier.includes('@');
  const res = await app.inject({
    method: 'POST',
    url: byEmail ? '/api/auth/sign-in/email' : '/api/auth/sign-in/phone-number',
    headers: { origin: testOrigin },
    payload: byEmail ? { email: identifier, password } : { phoneNumber: identifier, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed (${res.statusCode}): ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie]).filter(Boolean) as string[];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}
