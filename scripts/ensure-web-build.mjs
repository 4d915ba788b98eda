// `npm start` builds the web app when dist/web is missing or older than its sources, and skips it otherwise,
// so a restart stays fast.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/shared')];
const stale = !existsSync(built) || sources.some((d) => existsSync(d) && newest(d) > statSync(built).mtimeMs);
if (stale) {
  console.log('Membangun aplikasi web / building the web app…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
