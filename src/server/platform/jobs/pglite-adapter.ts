import type { Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { type Database, type DatabaseKind, sessionClient, type Tx } from '../db/client.js';

type PgliteLike = Pick<Transaction, 'query' | 'exec'>;
type Rows = { rows: unknown[] };

/**
 * pg-boss speaks to PGlite through this: PGlite's `query()` takes one statement, while pg-boss sends
 * parameterless multi-statement scripts (schema creation, maintenance), which only `exec()` runs.
 */
export function pgliteExecutor(client: PgliteLike): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

function pgExecutor(client: pg.Pool | pg.ClientBase): PgBoss.Db {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
}

/** Counts the statements pg-boss has in flight on the shared connection, so stopping can wait for them. */
export type QueryTracker = { readonly active: number; idle(timeoutMs: number): Promise<void> };

/**
 * pg-boss on Sentra's own connection (PGlite instance or the pg pool) instead of a pool of its own, so jobs
 * work on both databases and a stop can wait for pg-boss' last statements before the database closes.
 */
export function bossDb(database: Database): { db: PgBoss.Db; tracker: QueryTracker } {
  const inner = database.pglite ? pgliteExecutor(database.pglite) : pgExecutor(database.pool!);
  let active = 0;
  const db: PgBoss.Db = {
    async executeSql(text, values) {
      active++;
      try {
        return await inner.executeSql(text, values);
      } catch (err) {
        // A failed maintenance script leaves PGlite's only session inside an aborted BEGIN; end it.
        if (database.pglite && !values?.length && /\bBEGIN\b/.test(text))
          await database.pglite.exec('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        active--;
      }
    },
  };
  const tracker: QueryTracker = {
    get active() {
      return active;
    },
    async idle(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    },
  };
  return { db, tracker };
}

/** pg-boss inside a Drizzle transaction, so the job is inserted (or rolled back) with the caller's changes. */
export function transactionExecutor(tx: Tx, kind: DatabaseKind): PgBoss.Db {
  const client = sessionClient(tx);
  return kind === 'pglite' ? pgliteExecutor(client as PgliteLike) : pgExecutor(client as pg.ClientBase);
}
