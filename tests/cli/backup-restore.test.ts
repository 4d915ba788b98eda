import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/client.js';

const work = mkdtempSync(path.join(tmpdir(), 'sentra-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sentra = (args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['bin/sentra.mjs', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });

async function fingerprint(dataDir: string) {
  const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  const rows = await db.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT string_agg(name, ',' ORDER BY name) FROM operators) AS operators,
            (SELECT string_agg(coalesce(email, phone_number), ',' ORDER BY id) FROM "user") AS users, (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  await db.close();
  return rows[0];
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('sentra CLI on the embedded database', () => {
  it('create-user, seed-demo, backup, wipe and restore give back identical data', { timeout: 300_000 }, async () => {
    const dataDir = path.join(work, 'data');
    const env = { SENTRA_DATA_DIR: dataDir };
    expect(
      sentra(
        [
          'create-user',
          '--name',
          'Admin CLI',
          '--email',
          'cli@sentra.test',
          '--password',
          'rahasia-cli-1',
          '--role',
          'admin',
        ],
        env,
      ),
    ).toContain('cli@sentra.test');
    expect(sentra(['seed-demo'], env)).toContain('sawangan@demo.sentra.id');
    const before = await fingerprint(dataDir);
    expect(before.operators).toContain('Depok');

    const file = path.join(work, 'sentra.tar.gz');
    sentra(['backup', file], env);
    expect(() => sentra(['restore', file], env)).toThrow();
    sentra(['restore', file, '--force'], env);
    expect(await fingerprint(dataDir)).toEqual(before);
  });
});
