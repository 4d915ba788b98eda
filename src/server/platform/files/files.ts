import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Scope, scopeOf, scopeOperatorIds } from '../../modules/access/access.js';
import { type Actor, actorId } from '../../modules/access/actor.js';
import { recordAudit } from '../../modules/audit/audit.service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { type FileStore, LocalFileStore, newFileKey } from './file-store.js';
import {
  cleanFilename,
  detectFileType,
  type FilePurpose,
  fileExtensions,
  filePurposes,
  TextSniffer,
} from './file-types.js';
import { files } from './files.schema.js';

/** The store config.fileStore asks for: `${SENTRA_DATA_DIR}/files` by default, S3 when configured. */
export async function createFileStore(config: Pick<Config, 'fileStore' | 'dataDir'>): Promise<FileStore> {
  if (config.fileStore.kind === 'local') return new LocalFileStore(path.join(config.dataDir, 'files'));
  // The AWS SDK takes a noticeable part of start-up; only S3 installations load it.
  const { S3FileStore } = await import('./s3-file-store.js');
  return new S3FileStore(config.fileStore);
}

export type FileMeta = {
  id: string;
  operatorId: string | null;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  purpose: string;
  createdBy: string | null;
  createdAt: Date;
};

export type UploadInput = {
  operatorId: string | null;
  purpose: FilePurpose;
  filename: string;
  body: Readable | Buffer;
};

export type FilesOptions = {
  db: Db;
  store: FileStore;
  /** Uploads are spooled here while their size, hash and type are checked. */
  tmpDir: string;
  maxBytes: number;
  log: FastifyBaseLogger;
};

const metaColumns = {
  id: files.id,
  operatorId: files.operatorId,
  originalName: files.originalName,
  contentType: files.contentType,
  size: files.size,
  sha256: files.sha256,
  purpose: files.purpose,
  createdBy: files.createdBy,
  createdAt: files.createdAt,
};

/**
 * Files carry an operator but no region, so any grant at the operator counts, whatever its region prefix
 * (requireAccess with a target would refuse a kecamatan coordinator for want of a region code).
 */
function atOperator(scope: Scope, operatorId: string | null): boolean {
  return scope.all || (operatorId !== null && scopeOperatorIds(scope)!.includes(operatorId));
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024)) || 1;

function tooLarge(maxBytes: number) {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    {
      id: `Berkas terlalu besar — maksimal ${megabytes(maxBytes)} MB`,
      en: `The file is too large — at most ${megabytes(maxBytes)} MB`,
    },
    { maxBytes },
  );
}

/** The accepted types as people know them: `.xlsx, .csv`. */
const kinds = (mimes: readonly string[]) =>
  [...new Set(mimes.map((m) => `.${fileExtensions[m] ?? m.split('/').pop()}`))].join(', ');

/** Counts, hashes and text-sniffs the bytes on their way to the spool file, and stops at the size limit. */
function meter(maxBytes: number) {
  const hash = createHash('sha256');
  const text = new TextSniffer();
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      text.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex'), looksLikeText: text.isText() }) };
}

/** Uploads: type and size checked from the bytes, stored under a random key, recorded with an audit entry. */
export function makeFiles({ db, store, tmpDir, maxBytes, log }: FilesOptions) {
  return {
    store,

    async saveUpload(actor: Actor | undefined, input: UploadInput): Promise<FileMeta> {
      if (!atOperator(scopeOf(actor, 'operators.read'), input.operatorId))
        throw AppError.notFound({ id: 'Operator', en: 'Operator' });
      const allowed: readonly string[] | undefined = filePurposes[input.purpose];
      if (!allowed)
        throw AppError.validation([
          {
            path: 'purpose',
            code: 'invalid_value',
            message: 'tujuan unggahan tidak dikenal',
            en: 'unknown upload purpose',
          },
        ]);

      await mkdir(tmpDir, { recursive: true });
      const spool = path.join(tmpDir, `upload-${randomUUID()}`);
      const key = newFileKey();
      let stored = false;
      try {
        const m = meter(maxBytes);
        const source = Buffer.isBuffer(input.body) ? Readable.from([input.body]) : input.body;
        await pipeline(source, m.stream, createWriteStream(spool));
        const { size, sha256, looksLikeText } = m.result();
        if (size === 0)
          throw AppError.validation([
            { path: 'file', code: 'empty', message: 'berkas kosong', en: 'the file is empty' },
          ]);

        const type = await detectFileType(spool, looksLikeText);
        if (!type || !allowed.includes(type.mime)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            {
              id: `Jenis berkas tidak diterima untuk unggahan ini — gunakan ${kinds(allowed)}`,
              en: `This type of file is not accepted for this upload — use ${kinds(allowed)}`,
            },
            {
              detected: type?.mime ?? null,
              allowed,
            },
          );
        }

        await store.put(key, createReadStream(spool), type.mime, size);
        stored = true;
        const who = actor!;
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(files)
            .values({
              operatorId: input.operatorId,
              storageKey: key,
              originalName: cleanFilename(input.filename, type.ext),
              contentType: type.mime,
              size,
              sha256,
              purpose: input.purpose,
              createdBy: actorId(who),
            })
            .returning(metaColumns);
          await recordAudit(tx, who, {
            action: 'create',
            entity: 'file',
            entityId: created.id,
            operatorId: created.operatorId,
            after: {
              originalName: created.originalName,
              contentType: created.contentType,
              size,
              sha256,
              purpose: created.purpose,
            },
          });
          return created;
        });
        return row;
      } catch (err) {
        if (stored)
          await store.delete(key).catch((e) => log.warn({ err: e, key }, 'could not remove an orphaned upload'));
        // @fastify/multipart stops a stream at its own fileSize limit with a 413 error of its own.
        if ((err as { statusCode?: number }).statusCode === 413) throw tooLarge(maxBytes);
        throw err;
      } finally {
        await rm(spool, { force: true });
      }
    },

    async get(actor: Actor | undefined, id: string): Promise<FileMeta> {
      return (await findVisible(actor, id)).meta;
    },

    /** The bytes of a file with its metadata, for a download. */
    async open(actor: Actor | undefined, id: string): Promise<{ meta: FileMeta; stream: Readable }> {
      const { meta, storageKey } = await findVisible(actor, id);
      return { meta, stream: await store.get(storageKey) };
    },
  };

  // Not found and not yours look the same.
  async function findVisible(actor: Actor | undefined, id: string) {
    const scope = scopeOf(actor, 'operators.read');
    const [row] = await db
      .select({ ...metaColumns, storageKey: files.storageKey })
      .from(files)
      .where(eq(files.id, id));
    if (!row || !atOperator(scope, row.operatorId)) throw AppError.notFound({ id: 'Berkas', en: 'File' });
    const { storageKey, ...meta } = row;
    return { meta, storageKey };
  }
}

export type Files = ReturnType<typeof makeFiles>;
