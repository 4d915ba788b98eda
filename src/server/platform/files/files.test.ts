import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/platform-testing.js';
import type { Actor } from '../../modules/access/actor.js';
import { auditLog } from '../../modules/audit/audit.schema.js';
import type { Database } from '../db/client.js';
import { LocalFileStore } from './file-store.js';
import { cleanFilename, TextSniffer, XLSX } from './file-types.js';
import { type Files, makeFiles } from './files.js';
import { files as filesTable } from './files.schema.js';
import { fakeExe, tinyPng, tinyXlsx, zip } from './test-fixtures.js';

const opA = randomUUID();
const opB = randomUUID();
const admin: Actor = {
  kind: 'user',
  userId: 'admin-1',
  name: 'Admin',
  grants: [{ role: 'admin', operatorId: null, regionPrefix: null }],
};
// A kecamatan coordinator: a region-limited grant still counts as "a grant at the operator" for files.
const coordinatorA: Actor = {
  kind: 'user',
  userId: 'coord-a',
  name: 'Koordinator',
  grants: [{ role: 'coordinator', operatorId: opA, regionPrefix: '32.76.03' }],
};
const trainerB: Actor = {
  kind: 'user',
  userId: 'trainer-b',
  name: 'Pelatih',
  grants: [{ role: 'trainer', operatorId: opB, regionPrefix: null }],
};

let database: Database;
let dir: string;
let store: LocalFileStore;
let files: Files;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'sentra-files-'));
  store = new LocalFileStore(path.join(dir, 'files'));
  files = makeFiles({
    db: database.db,
    store,
    tmpDir: path.join(dir, 'tmp'),
    maxBytes: 4096,
    log: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (
  actor: Actor | undefined,
  body: Buffer | Readable,
  filename: string,
  purpose: 'import' | 'document' | 'photo' = 'photo',
  operatorId = opA,
) => files.saveUpload(actor, { operatorId, purpose, filename, body });

const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

describe('uploads', () => {
  it('accepts a real PNG, stores it under a random key, and records it with an audit entry', async () => {
    const png = tinyPng();
    const meta = await upload(coordinatorA, png, '../../etc/Foto Usaha Bu Siti.PNG');
    expect(meta).toMatchObject({
      operatorId: opA,
      contentType: 'image/png',
      size: png.length,
      purpose: 'photo',
      createdBy: 'coord-a',
    });
    expect(meta.originalName).toBe('Foto Usaha Bu Siti.png');
    expect(meta.sha256).toBe(createHash('sha256').update(png).digest('hex'));

    const [row] = await database.db.select().from(filesTable).where(eq(filesTable.id, meta.id));
    expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await store.exists(row.storageKey)).toBe(true);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, meta.id));
    expect(audit).toMatchObject({ action: 'create', entity: 'file', actorId: 'coord-a', operatorId: opA });

    const opened = await files.open(coordinatorA, meta.id);
    expect(await readAll(opened.stream)).toEqual(png);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('accepts an xlsx workbook and a CSV (UTF-8 or Windows-1252) for imports', async () => {
    expect((await upload(admin, tinyXlsx(), 'peserta.xlsx', 'import')).contentType).toBe(XLSX);
    const utf8 = Buffer.from('nama;nik\r\nSiti Aminah;3276014501900001\r\nJosé;3276014501900002\r\n', 'utf8');
    const cp1252 = Buffer.from([...Buffer.from('nama;kota\r\nJos'), 0xe9, ...Buffer.from(';Depok\r\n')]);
    for (const csv of [utf8, cp1252]) {
      const meta = await upload(admin, Readable.from([csv]), 'peserta.csv', 'import');
      expect(meta).toMatchObject({ contentType: 'text/csv', originalName: 'peserta.csv', size: csv.length });
    }
  });

  it('rejects disguised files by their bytes, whatever their name', async () => {
    const cases: Array<[Buffer, string, 'import' | 'photo' | 'document', string | null]> = [
      [fakeExe(), 'foto.png', 'photo', 'application/x-msdownload'],
      [zip({ 'a.txt': 'bukan gambar' }), 'foto.png', 'photo', 'application/zip'],
      [zip({ 'a.txt': 'bukan excel' }), 'peserta.xlsx', 'import', 'application/zip'],
      [Buffer.from('nama,nik\n'), 'surat.pdf', 'document', 'text/csv'],
      [Buffer.from([0x6e, 0x61, 0x00, 0x6d, 0x61, 0x0a]), 'peserta.csv', 'import', null],
      [tinyPng(), 'peserta.csv', 'import', 'image/png'],
    ];
    for (const [body, name, purpose, detected] of cases) {
      await expect(upload(admin, body, name, purpose), name).rejects.toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: { detected },
      });
    }
    const [{ n }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM files WHERE original_name IN ('foto.png', 'surat.pdf')`,
    );
    expect(n).toBe(0);
  });

  it('stops an upload past the size limit, leaving no row, no stored bytes and no spool file', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 10; i++) yield Buffer.alloc(1000, 0x61);
      })(),
    );
    await expect(upload(admin, big, 'besar.csv', 'import')).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
    expect(await database.query<{ n: number }>('SELECT count(*)::int AS n FROM files')).toEqual(before);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    await expect(upload(admin, Buffer.alloc(0), 'kosong.png')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets only people with a grant at the operator upload and download; others get 404', async () => {
    await expect(upload(trainerB, tinyPng(), 'x.png', 'photo', opA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(upload(undefined, tinyPng(), 'x.png')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const meta = await upload(coordinatorA, tinyPng(), 'x.png');
    await expect(files.open(trainerB, meta.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(files.open(coordinatorA, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await files.get(admin, meta.id)).id).toBe(meta.id);
  });
});

describe('local file store', () => {
  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a/.hidden', 'A/B', '']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toMatchObject({ code: 'INTERNAL' });
      await expect(store.get(key), key).rejects.toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('stores, reads, checks and deletes by key', async () => {
    await store.put('2026/01/abc', Readable.from([Buffer.from('halo')]), 'text/plain');
    expect(await store.exists('2026/01/abc')).toBe(true);
    expect((await readAll(await store.get('2026/01/abc'))).toString()).toBe('halo');
    await store.delete('2026/01/abc');
    expect(await store.exists('2026/01/abc')).toBe(false);
    await expect(store.get('2026/01/abc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('file type helpers', () => {
  it('tells text from binary chunk by chunk, across split UTF-8 sequences', () => {
    const s = new TextSniffer();
    const bytes = Buffer.from('Jalan Raya Sawangan – Depok', 'utf8');
    s.update(bytes.subarray(0, 21));
    s.update(bytes.subarray(21));
    expect(s.isText()).toBe(true);
    const bin = new TextSniffer();
    bin.update(Buffer.from([0x41, 0x01, 0x42]));
    expect(bin.isText()).toBe(false);
  });

  it('cleans filenames and gives them the detected extension', () => {
    expect(cleanFilename('C:\\Users\\siti\\laporan"<x>.exe', 'pdf')).toBe('laporanx.pdf');
    expect(cleanFilename('', 'png')).toBe('berkas.png');
    expect(cleanFilename('data peserta.tar.gz', 'xlsx')).toBe('data peserta.tar.xlsx');
  });
});
