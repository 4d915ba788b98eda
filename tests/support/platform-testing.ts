import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

// Helpers for tests of the platform services that need a database of a given kind, whatever TEST_DATABASE_URL says.

export { openTestDatabase, testDatabaseUrl } from './test-database.js';

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
