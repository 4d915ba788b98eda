import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.js';

// PGlite is one process's database: a second process opening the same folder would silently diverge from the
// first. A pid file in the data folder keeps servers, workers and CLI commands from doing that.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'sentra.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new AppError('CONFLICT', {
        id: `Folder data ${dataDir} sedang dipakai proses Sentra lain (pid ${pid}); hentikan dulu / the data folder is in use by another Sentra process`,
        en: `The data folder ${dataDir} is in use by another Sentra process (pid ${pid}); stop it first`,
      });
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
