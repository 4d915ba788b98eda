process.env.TZ = 'UTC';

import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { createPlatform } from './platform/platform.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel, base: { app: 'sentra' } });
  const t0 = Date.now();
  const platform = await createPlatform({ config, log });
  const { app, services } = await buildApp(platform);

  const setup = await services.setup.prepare(config.admin);
  if (setup.created)
    log.info({ email: config.admin?.email }, 'created the first administrator from SENTRA_ADMIN_EMAIL');
  if (setup.setupToken) {
    const link = `${config.baseUrl}/setup?token=${setup.setupToken}`;
    log.warn({ setupLink: link }, 'no administrator yet: open the setup link once to create one');
    console.log(
      `\n  Buka tautan ini sekali untuk membuat administrator pertama / open once to create the first administrator:\n  ${link}\n`,
    );
  }

  await app.listen({ port: config.port, host: config.host });
  // Jobs run in this process unless separate workers do it; a PGlite folder has no other process to run them.
  let stopClock = () => {};
  if (config.runJobs || platform.database.kind === 'pglite') {
    await platform.jobs.start();
    stopClock = services.reminders.startClock();
  } else log.info('job workers not started here (SENTRA_RUN_JOBS=false)');
  log.info({ url: config.baseUrl, database: platform.database.kind, startupMs: Date.now() - t0 }, 'Sentra is running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    stopClock();
    await app.close();
    await platform.jobs.stop();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
