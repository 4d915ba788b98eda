import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/regions', () => {
  it('lists the 38 provinces without a parent', async () => {
    const res = await t.http.get('/api/regions');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(38);
    expect(res.body.items.map((r: { name: string }) => r.name)).toContain('Jawa Barat');
  });

  it('lists the 11 kecamatan of Kota Depok', async () => {
    const res = await t.http.get('/api/regions?parent=32.76');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(11);
    expect(
      res.body.items.every((r: { level: number; parentCode: string }) => r.level === 3 && r.parentCode === '32.76'),
    ).toBe(true);
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['Sawangan', 'Beji', 'Tapos', 'Bojongsari']),
    );
  });

  it('returns one region with its ancestors, province first', async () => {
    const res = await t.http.get('/api/regions/32.76.03');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '32.76.03', level: 3, name: 'Sawangan' });
    expect(res.body.ancestors).toEqual([
      { code: '32', level: 1, name: 'Jawa Barat' },
      { code: '32.76', level: 2, name: 'Kota Depok' },
    ]);
  });

  it('searches by name, any case, with or without "Kec."', async () => {
    for (const q of ['sawangan', 'SAWANGAN', 'Kec. Sawangan']) {
      const res = await t.http.get(`/api/regions?q=${encodeURIComponent(q)}&level=3`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: { code: string }) => r.code)).toContain('32.76.03');
    }
  });

  it('finds names typed without spaces and can stay inside an area', async () => {
    const res = await t.http.get('/api/regions?q=pancoranmas&within=32.76');
    expect(res.body.items.map((r: { code: string }) => r.code)).toContain('32.76.01');
    expect(res.body.items.every((r: { code: string }) => r.code.startsWith('32.76'))).toBe(true);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.http.get('/api/regions/32.99.99')).status).toBe(404);
    const bad = await t.http.get('/api/regions/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details[0].path).toBe('params.code');
  });
});
