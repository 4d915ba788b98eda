import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createOperator, DEPOK, PACITAN, SAWANGAN, signedIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('program admins see their own operator’s trail only; coordinators not at all', async () => {
    const depok = await createOperator(t, { serviceArea: [DEPOK] });
    const pacitan = await createOperator(t, { serviceArea: [PACITAN] });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: depok.id }] });
    await pa.http.post(`/api/operators/${depok.id}/centers`, { districtCode: SAWANGAN, name: 'Sentra Sawangan' });
    const list = await pa.http.get('/api/audit?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((e: { operatorId: string }) => e.operatorId === depok.id)).toBe(true);
    expect(list.body.items.some((e: { operatorId: string }) => e.operatorId === pacitan.id)).toBe(false);

    const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: depok.id, regionPrefix: SAWANGAN }] });
    expect((await coord.http.get('/api/audit')).status).toBe(403);
  });

  it('filters by action, entity and time, newest first, paginated with a total', async () => {
    const admin = await asAdmin(t);
    for (const name of ['Dinas Audit Satu', 'Dinas Audit Dua', 'Dinas Audit Tiga'])
      await admin.http.post('/api/operators', { name, serviceArea: [DEPOK] });
    // Only this test's entries: those of a fresh admin, in the last minute.
    const from = new Date(Date.now() - 60_000).toISOString();
    const page = await admin.http.get(
      `/api/audit?entity=operator&action=create&actorId=${admin.user.id}&from=${encodeURIComponent(from)}&pageSize=2`,
    );
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].changes.name.after).toBe('Dinas Audit Tiga');
    const bad = await admin.http.get('/api/audit?from=kemarin');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('querystring.from');
  });
});
