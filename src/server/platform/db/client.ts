import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either the database or an open transaction, so services decide the transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** A parameterised query on the outer connection (never call it inside a transaction on PGlite: it would wait forever). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(script: string): Promise<void>;
  /** Bulk-loads CSV text (with a header line) into a table through COPY; with `tx`, inside that transaction. */
  copyCsv(table: string, columns: string[], csv: string, tx?: Tx): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

// Types are mapped once, here, so both drivers hand the same JS values to the code: int8 as number
// (ids and counts stay far below 2^53), date as 'YYYY-MM-DD' text, numeric as text.
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export type OpenOptions = { url?: string; dataDir?: string; loadDataDir?: Blob | File; poolSize?: number };

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in dataDir (in memory without one). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgresql',
    db,
    pool,
    async query<T>(text: string, params?: unknown[]) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows as T[];
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async copyCsv(table, columns, csv, tx) {
      const { from } = await import('pg-copy-streams');
      const client = tx ? (sessionClient(tx) as pg.PoolClient) : await pool.connect();
      try {
        const stream = client.query(
          from(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`),
        );
        const buf = Buffer.from(csv, 'utf8');
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          stream.on('finish', resolve);
          const chunk = 64 * 1024;
          for (let i = 0; i < buf.length; i += chunk) stream.write(buf.subarray(i, i + chunk));
          stream.end();
        });
      } finally {
        if (!tx) client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
  });
  await client.exec(`SET TimeZone = 'UTC'`);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query(text, params);
      return r.rows as T[];
    },
    async exec(script: string) {
      await client.exec(script);
    },
    async copyCsv(table, columns, csv, tx) {
      const target = tx ? (sessionClient(tx) as Transaction) : client;
      await target.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([csv]),
      });
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * The connection a Drizzle transaction runs on: a pg PoolClient, or PGlite's Transaction. Drizzle keeps it at
 * `tx.session.client` in both drivers but does not type it; this is the one place that reaches into it (for COPY
 * and for pg-boss inside a transaction; checked in jobs.test.ts).
 */
export function sessionClient(tx: Tx): pg.ClientBase | Transaction {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle's session client is private API.
  const client = (tx as any).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('Drizzle transaction without a session client');
  return client;
}
