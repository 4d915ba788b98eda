import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureRegionsLoaded } from '../../src/server/modules/regions/regions.loader.js';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';
import { migrateDatabase } from '../../src/server/platform/db/migrate.js';

/** Where the migrated PGlite (with region data) is dumped once per test run. */
export const pgliteDumpPath = path.resolve(`.tmp/test-db/pglite-${process.env.SENTRA_TEST_RUN ?? 'default'}.tar`);
export const pgTemplateName = `sentra_tpl_${process.env.SENTRA_TEST_RUN ?? 'default'}`;

/** Tests get every province, kab/kota and kecamatan, but villages only here: Kota Depok, Jakarta Selatan, Pacitan. */
export const testVillageAreas = ['32.76', '31.74', '35.01'];

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

function urlFor(database: string): string {
  const u = new URL(testDatabaseUrl!);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs once per `vitest run`: migrates a database and loads regions, for every test file to copy. */
export async function prepareTemplate(): Promise<void> {
  if (testDatabaseUrl) {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateName} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${pgTemplateName}`);
    } finally {
      await admin.end();
    }
    const db = await openDatabase({ url: urlFor(pgTemplateName), poolSize: 2 });
    await migrateDatabase(db);
    await ensureRegionsLoaded(db, { villagesWithin: testVillageAreas });
    await db.close();
    return;
  }
  // PGlite
  const db = await openDatabase({});
  await migrateDatabase(db);
  await ensureRegionsLoaded(db, { villagesWithin: testVillageAreas });
  const dump = await db.pglite!.dumpDataDir('none');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(path.dirname(pgliteDumpPath), { recursive: true });
  writeFileSync(pgliteDumpPath, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}

/**
 * A fresh, migrated database for one test file: a PGlite started from the run's dump, or (with TEST_DATABASE_URL)
 * a PostgreSQL database copied from the run's template. `kind` forces one (platform tests run both). Closing
 * drops it.
 */
export async function openTestDatabase(
  kind: 'pglite' | 'postgresql' = testDatabaseUrl ? 'postgresql' : 'pglite',
): Promise<Database> {
  if (kind === 'postgresql') {
    if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `sentra_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName}`);
    const db = await openDatabase({ url: urlFor(name), poolSize: 5 });
    const close = db.close.bind(db);
    db.close = async () => {
      await close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return db;
  }
  if (existsSync(pgliteDumpPath)) return openDatabase({ loadDataDir: new Blob([readFileSync(pgliteDumpPath)]) });
  // A PostgreSQL run has no PGlite dump: migrate an in-memory one.
  const db = await openDatabase({});
  await migrateDatabase(db);
  await ensureRegionsLoaded(db, { villagesWithin: testVillageAreas });
  return db;
}

/** Drops what the run prepared: the PostgreSQL template, or the PGlite dump. */
export async function dropTemplate(): Promise<void> {
  if (!testDatabaseUrl) {
    rmSync(pgliteDumpPath, { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateName} WITH (FORCE)`).finally(() => admin.end());
}
