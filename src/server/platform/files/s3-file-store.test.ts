import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStore } from './s3-file-store.js';

// A path-style S3 endpoint in memory, like a MinIO would answer (signatures are not checked).
const objects = new Map<string, { body: Buffer; type?: string }>();
const requests: Array<{ method?: string; url?: string; headers: IncomingMessage['headers'] }> = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    const key = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    const found = objects.get(key);
    if (req.method === 'PUT') {
      objects.set(key, { body: Buffer.concat(await req.toArray()), type: req.headers['content-type'] });
      res.writeHead(200, { etag: '"1"' }).end();
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else if (!found) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>',
      );
    } else {
      res.writeHead(200, {
        'content-type': found.type ?? 'application/octet-stream',
        'content-length': found.body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3 file store', () => {
  it('puts, gets, checks and deletes objects path-style in its bucket', async () => {
    const store = new S3FileStore({
      endpoint,
      region: 'us-east-1',
      bucket: 'sentra',
      accessKeyId: 'k',
      secretAccessKey: 's',
    });
    try {
      const bytes = Buffer.from('nama,nik\nSiti,3276\n');
      await store.put('2026/11/abc', Readable.from([bytes]), 'text/csv', bytes.length);
      await store.put('2026/11/buf', Buffer.from('x'), 'text/plain');
      expect(objects.get('/sentra/2026/11/abc')).toEqual({ body: bytes, type: 'text/csv' });
      expect(requests[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=k\//);

      expect(await store.exists('2026/11/abc')).toBe(true);
      expect(await store.exists('2026/11/none')).toBe(false);
      expect(Buffer.concat(await (await store.get('2026/11/abc')).toArray())).toEqual(bytes);
      await expect(store.get('2026/11/none')).rejects.toMatchObject({ code: 'NOT_FOUND' });

      await store.delete('2026/11/abc');
      expect(await store.exists('2026/11/abc')).toBe(false);
      await expect(store.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toMatchObject({
        code: 'INTERNAL',
      });
    } finally {
      store.close();
    }
  });
});
