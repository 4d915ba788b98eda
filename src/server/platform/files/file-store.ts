import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';

/** Where uploaded bytes live; the `files` table holds what they are. Keys come from Sentra, never from a user. */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /** `size` lets stores that need a length up front (S3) stream instead of buffering. */
  put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  close?(): void;
}

// Lower-case words and digits in slash-separated parts: no dots, so no `..`, no hidden files, no extensions.
const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.length > 200)
    throw new AppError('INTERNAL', {
      id: `Kunci berkas tidak valid: ${JSON.stringify(key)}`,
      en: `Invalid file key: ${JSON.stringify(key)}`,
    });
}

/** `2026/11/<uuid>`: unguessable, never derived from the uploaded filename, spread over folders by month. */
export function newFileKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

/** Files in a folder (default `${SENTRA_DATA_DIR}/files`). */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  private readonly root: string;

  constructor(dir: string) {
    this.root = path.resolve(dir);
  }

  private pathOf(key: string): string {
    assertKey(key);
    const full = path.resolve(this.root, key);
    // The key pattern already rules out traversal; this keeps it so if the pattern is ever loosened.
    if (!full.startsWith(this.root + path.sep))
      throw new AppError('INTERNAL', {
        id: 'Kunci berkas keluar dari folder penyimpanan',
        en: 'The file key leaves the storage folder',
      });
    return full;
  }

  // The type lives in the files table; a folder has nowhere to keep it.
  async put(key: string, body: Buffer | Readable, _contentType?: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file and a failed write leaves nothing behind.
    const partial = `${target}.part-${randomUUID()}`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(partial, body, { flag: 'wx' });
      else await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const full = this.pathOf(key);
    try {
      await stat(full);
    } catch (err) {
      if (isMissing(err)) throw AppError.notFound({ id: 'Berkas', en: 'File' });
      throw err;
    }
    return createReadStream(full);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}
