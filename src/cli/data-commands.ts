import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/platform/config.js';
import { openDatabase } from '../server/platform/db/client.js';
import type { Platform } from '../server/platform/platform.js';
import { acquireDataDirLock } from '../server/platform/process-lock.js';
import { withPlatform } from './context.js';

function runTool(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error)
    throw new Error(`${tool} tidak ditemukan — pasang klien PostgreSQL (postgresql-client) / ${tool} not found`);
  if (r.status !== 0) throw new Error(`${tool} gagal (kode ${r.status}) / ${tool} failed`);
}

export function registerDataCommands(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'berkas tujuan / output file (.sql for PostgreSQL, .tar.gz for the embedded database)')
    .description('Cadangkan basis data / back up the database')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        // Plain SQL from pg_dump: restorable with psql or `sentra restore` on any PostgreSQL >= 15.
        runTool('pg_dump', ['--no-owner', '--no-privileges', '--clean', '--if-exists', '-f', file, config.databaseUrl]);
      } else {
        const release = acquireDataDirLock(config.dataDir);
        try {
          const db = await openDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
          const dump = await db.pglite!.dumpDataDir('gzip');
          writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
          await db.close();
        } finally {
          release();
        }
      }
      console.log(`Cadangan tersimpan / backup written: ${file}`);
    });

  program
    .command('restore')
    .argument('<file>', 'berkas cadangan / backup file made by `sentra backup`')
    .option('--force', 'timpa basis data yang sudah berisi / overwrite a database that holds data')
    .description('Pulihkan basis data dari cadangan / restore the database from a backup')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      if (!existsSync(file)) throw new Error(`Berkas tidak ada / file not found: ${file}`);
      if (config.databaseUrl) {
        const db = await openDatabase({ url: config.databaseUrl, poolSize: 1 });
        const [{ n }] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
        );
        await db.close();
        if (n > 0 && !opts.force)
          throw new Error(
            'Basis data sudah berisi; pakai --force untuk menimpa / the database holds data; use --force',
          );
        // The dump was taken with --clean: it drops and recreates every object it contains.
        runTool('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-f', file, config.databaseUrl]);
      } else {
        const release = acquireDataDirLock(config.dataDir);
        try {
          const dir = path.join(config.dataDir, 'pglite');
          if (existsSync(dir) && readdirSync(dir).length > 0) {
            if (!opts.force)
              throw new Error(
                `Folder ${dir} sudah berisi; pakai --force untuk menimpa / the data folder holds data; use --force`,
              );
            const { rmSync } = await import('node:fs');
            rmSync(dir, { recursive: true, force: true });
          }
          const db = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
          await db.query('SELECT 1');
          await db.close();
        } finally {
          release();
        }
      }
      console.log('Basis data dipulihkan / database restored');
    });

  program
    .command('worker')
    .description('Jalankan pekerjaan latar saja, tanpa HTTP (perlu DATABASE_URL) / run background jobs only')
    .action(() => {
      const config = loadConfig();
      if (!config.databaseUrl)
        throw new Error(
          'Worker terpisah butuh PostgreSQL (DATABASE_URL); basis data tertanam menjalankan pekerjaan di dalam server',
        );
      return withPlatform(async (p, services) => {
        await runWorker(p, services.reminders.startClock);
      });
    });
}

async function runWorker(p: Platform, startClock: () => () => void) {
  // withPlatform has built the services, so every domain queue is defined before the workers start.
  await p.jobs.start();
  const stopClock = startClock();
  console.log('Worker berjalan / worker running; Ctrl+C untuk berhenti');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopClock();
  await p.jobs.stop();
}
