import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { ensureRegionsLoaded } from '../modules/regions/regions.loader.js';
import { type Auth, createAuth } from './auth/auth.js';
import type { Config } from './config.js';
import { type Database, type Db, openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { ensureSecret } from './secret.js';

export const version: string = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;

/** The infrastructure every module uses: database, auth, jobs, files, notifications. Built once per process. */
export type Platform = {
  config: Config;
  database: Database;
  db: Db;
  auth: Auth;
  log: FastifyBaseLogger;
  version: string;
  close(): Promise<void>;
};

export type PlatformOptions = {
  config: Config;
  log: FastifyBaseLogger;
  /** Tests start from a prepared database dump instead of migrating. */
  database?: Database;
};

export async function createPlatform({ config, log, database: given }: PlatformOptions): Promise<Platform> {
  const database = given ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir }));
  if (!given) {
    await migrateDatabase(database);
    const t0 = Date.now();
    const { loaded } = await ensureRegionsLoaded(database);
    if (loaded) log.info({ regions: loaded, ms: Date.now() - t0 }, 'loaded Kemendagri region reference data');
  }
  const db = database.db;
  const secret = await ensureSecret(db, config.secret);
  const auth = createAuth({ config, db, secret });
  return {
    config,
    database,
    db,
    auth,
    log,
    version,
    async close() {
      await database.close();
    },
  };
}
