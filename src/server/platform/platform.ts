import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { ensureRegionsLoaded } from '../modules/regions/regions.loader.js';
import { type Auth, createAuth } from './auth/auth.js';
import type { Config } from './config.js';
import { type Database, type Db, openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { createFileStore, type Files, makeFiles } from './files/files.js';
import { createJobs, type Jobs } from './jobs/jobs.js';
import { createNotifications, type Notifications } from './notifications/notifications.js';
import { acquireDataDirLock } from './process-lock.js';
import { ensureSecret } from './secret.js';
import { type CodeSigner, createCodeSigner } from './signed-codes.js';

export const version: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

/** The infrastructure every module uses: database, auth, jobs, files, notifications. Built once per process. */
export type Platform = {
  config: Config;
  database: Database;
  db: Db;
  auth: Auth;
  jobs: Jobs;
  files: Files;
  notifications: Notifications;
  /** Signs and checks the codes in QR images (member cards, training-day check-in). */
  codes: CodeSigner;
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
  const releaseLock = !given && !config.databaseUrl ? acquireDataDirLock(config.dataDir) : () => {};
  const database =
    given ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
    }));
  if (!given) {
    await migrateDatabase(database);
    const t0 = Date.now();
    const { loaded } = await ensureRegionsLoaded(database);
    if (loaded) log.info({ regions: loaded, ms: Date.now() - t0 }, 'loaded Kemendagri region reference data');
  }
  const db = database.db;
  const secret = await ensureSecret(db, config.secret);
  // --- jobs, files, notifications (platform services) ---
  const jobs = createJobs({ database, log });
  const notifications = createNotifications({ db, jobs, notify: config.notify, log });
  await jobs.init();
  const files = makeFiles({
    db,
    store: await createFileStore(config),
    tmpDir: path.join(config.dataDir, 'tmp'),
    maxBytes: config.uploadMaxBytes,
    log,
  });
  const sendPhoneCode = async (phone: string, code: string) => {
    await notifications.enqueue(db, {
      channel: 'whatsapp',
      recipient: phone,
      template: 'auth.phone_code',
      params: { code },
    });
  };
  // --- end platform services ---
  const auth = createAuth({ config, db, secret, sendPhoneCode });
  return {
    config,
    database,
    db,
    auth,
    jobs,
    files,
    notifications,
    codes: createCodeSigner(secret),
    log,
    version,
    async close() {
      await jobs.stop();
      notifications.close();
      files.store.close?.();
      await database.close();
      releaseLock();
    },
  };
}
