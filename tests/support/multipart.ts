import type { App } from '../../src/server/platform/http/app-types.js';
import { testOrigin } from './test-app.js';

export type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser sends it: fields and files in the order given. */
export function multipartBody(parts: Part[]) {
  const boundary = `----sentra${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'filename' in p
        ? `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`
        : `Content-Disposition: form-data; name="${p.name}"\r\n\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\n${head}`),
      'filename' in p ? p.data : Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a multipart body through the whole HTTP stack with the given session. */
export function postMultipart(app: App, url: string, parts: Part[], cookie?: string) {
  const { payload, contentType } = multipartBody(parts);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, origin: testOrigin, ...(cookie ? { cookie } : {}) },
  });
}
