import pino from 'pino';
import { ConfigError, loadConfig } from '../server/platform/config.js';
import { createPlatform, type Platform } from '../server/platform/platform.js';
import { createServices, type Services } from '../server/services.js';

/** Starts the platform (migrating if needed) for one CLI command, and closes it afterwards. */
export async function withPlatform<T>(fn: (p: Platform, services: Services) => Promise<T>): Promise<T> {
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
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const platform = await createPlatform({ config, log });
  try {
    return await fn(platform, createServices(platform));
  } finally {
    await platform.close();
  }
}
