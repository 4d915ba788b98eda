import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system endpoints', () => {
  it('answers health with the database kind and version', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/regions',
      '/api/regions/{code}',
      '/api/operators',
      '/api/users',
      '/api/users/{id}/assignments',
      '/api/audit',
    ])
      expect(Object.keys(res.body.paths)).toContain(path);
    expect(res.body.paths['/api/operators'].post.requestBody).toBeDefined();
  });

  it('serves browsable API docs', async () => {
    const res = await t.http.get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger');
  });

  it('answers unknown API paths with the error shape and echoes a request id', async () => {
    const res = await t.http.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers a broken JSON body with 400, not 500', async () => {
    const res = await t.http.post('/api/operators', '{"name": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.text).not.toContain('at ');
  });

  it('answers an oversized body with 413 and too many attempts with 429', async () => {
    const big = await t.http.post('/api/operators', { name: 'x'.repeat(2 * 1024 * 1024), serviceArea: ['32.76'] });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await t.http.post('/api/setup', { token: 'x'.repeat(20), name: 'A B', email: 'a@b.id', password: '12345678' }))
          .status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    const limited = await t.http.post('/api/setup', {
      token: 'x'.repeat(20),
      name: 'A B',
      email: 'a@b.id',
      password: '12345678',
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
