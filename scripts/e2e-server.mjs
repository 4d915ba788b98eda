// Starts Sentra for the browser tests: a fresh data folder with the demo program, then the server.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const dataDir = process.env.SENTRA_DATA_DIR ?? '.tmp/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
execFileSync(process.execPath, ['bin/sentra.mjs', 'seed-demo'], { stdio: 'inherit', env: process.env });
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
