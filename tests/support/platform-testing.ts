import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';
import { migrateDatabase } from '../../src/server/platform/db/migrate.js';
import { pgliteDumpPath } from './test-database.js';

// Helpers for tests of the platform services that need a database of a given kind, whatever TEST_DATABASE_URL says.

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/**
 * A migrated database for one test file: in-memory PGlite (from the test run's dump when there is one), or a
 * fresh PostgreSQL database created on TEST_DATABASE_URL's server (dropped again by close()).
 */
export async function openTestDatabase(kind: 'pglite' | 'postgresql' = 'pglite'): Promise<Database> {
  if (kind === 'pglite') {
    if (existsSync(pgliteDumpPath)) return openDatabase({ loadDataDir: new Blob([readFileSync(pgliteDumpPath)]) });
    const database = await openDatabase({});
    await migrateDatabase(database);
    return database;
  }
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sentra_t_${randomBytes(6).toString('hex')}`;
  const admin = new URL(testDatabaseUrl);
  admin.pathname = '/postgres';
  await adminQuery(admin.href, `CREATE DATABASE ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href, poolSize: 5 });
  await migrateDatabase(database);
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    await adminQuery(admin.href, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return database;
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A logger that keeps its JSON lines, so tests can check what was logged. */
export function memoryLog(): { log: FastifyBaseLogger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
