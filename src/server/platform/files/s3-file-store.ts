import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '../errors.js';
import { assertKey, type FileStore } from './file-store.js';

export type S3Options = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

const httpStatusOf = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

/** Objects in an S3 bucket, or any S3-compatible store (MinIO, Ceph, R2, …) at `endpoint`. */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3Options) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      // Self-hosted stores answer at host/bucket/key; virtual-host buckets need DNS they rarely have.
      forcePathStyle: Boolean(options.endpoint),
      // Default CRC32 checksums use aws-chunked uploads that many S3-compatible stores reject.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  async put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void> {
    assertKey(key);
    // PutObject needs the length up front; a stream of unknown length is read into memory (uploads are capped).
    const data = Buffer.isBuffer(body) || size !== undefined ? body : Buffer.concat(await body.toArray());
    const length = Buffer.isBuffer(data) ? data.length : size;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        ContentLength: length,
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (res.Body instanceof Readable) return res.Body;
      throw new AppError('INTERNAL', {
        id: 'Penyimpanan S3 tidak mengembalikan isi berkas',
        en: 'The S3 store returned no file content',
      });
    } catch (err) {
      if (httpStatusOf(err) === 404) throw AppError.notFound({ id: 'Berkas', en: 'File' });
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (httpStatusOf(err) === 404) return false;
      throw err;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
