import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createOperator, signedIn } from '../../../../tests/support/factories.js';
import { type Part, postMultipart } from '../../../../tests/support/multipart.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { contentDisposition } from './files.routes.js';
import { fakeExe, tinyPng } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  // 0.01 MB: big enough for the test images, small enough to cross cheaply.
  t = await createTestApp({ SENTRA_UPLOAD_MAX_MB: '0.01' });
});
afterAll(() => t?.close());

const post = (cookie: string | undefined, parts: Part[]) => postMultipart(t.app, '/api/files', parts, cookie);

describe('POST /api/files and GET /api/files/:id', () => {
  it('uploads a photo and downloads it as an attachment with the detected type', async () => {
    const op = await createOperator(t);
    const staff = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: '32.76.03' }] });
    const png = tinyPng();
    const res = await post(staff.cookie, [
      { name: 'operatorId', value: op.id },
      { name: 'purpose', value: 'photo' },
      { name: 'file', filename: 'Warung Bu Siti – depan.jpg', type: 'image/jpeg', data: png },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({
      operatorId: op.id,
      contentType: 'image/png',
      size: png.length,
      originalName: 'Warung Bu Siti – depan.png',
    });

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/files/${meta.id}`,
      headers: { cookie: staff.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(png);
    expect(download.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': contentDisposition('Warung Bu Siti – depan.png'),
    });
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''Warung%20Bu%20Siti%20%E2%80%93%20depan.png",
    );

    const other = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: (await createOperator(t)).id }] });
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/files/${meta.id}`,
      headers: { cookie: other.cookie },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('answers 415 for a program renamed .png and 413 past the size limit', async () => {
    const op = await createOperator(t);
    const admin = await asAdmin(t);
    const fields: Part[] = [
      { name: 'operatorId', value: op.id },
      { name: 'purpose', value: 'photo' },
    ];
    const exe = await post(admin.cookie, [
      ...fields,
      { name: 'file', filename: 'foto.png', type: 'image/png', data: fakeExe() },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { detected: 'application/x-msdownload' },
    });

    const big = await post(admin.cookie, [
      ...fields,
      { name: 'file', filename: 'besar.png', type: 'image/png', data: Buffer.alloc(20_000, 1) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('wants the fields before the file, a session, and multipart', async () => {
    const op = await createOperator(t);
    const admin = await asAdmin(t);
    const late = await post(admin.cookie, [
      { name: 'file', filename: 'a.png', type: 'image/png', data: tinyPng() },
      { name: 'operatorId', value: op.id },
      { name: 'purpose', value: 'photo' },
    ]);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('VALIDATION_FAILED');

    const anonymous = await post(undefined, [
      { name: 'operatorId', value: op.id },
      { name: 'purpose', value: 'photo' },
      { name: 'file', filename: 'a.png', type: 'image/png', data: tinyPng() },
    ]);
    expect(anonymous.statusCode).toBe(401);

    const json = await admin.http.post('/api/files', { operatorId: op.id, purpose: 'photo' });
    expect(json.status).toBe(415);
  });
});
