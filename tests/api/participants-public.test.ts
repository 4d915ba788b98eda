import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../src/shared/nik.js';
import { createOperator, KUKUSAN, PASIR_PUTIH, SAWANGAN } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let serial = 500;
// Each test sends from its own address: the endpoint is rate-limited per client IP.
let ip = 1;
const from = () => ({ 'x-forwarded-for': `10.1.0.${ip++}` });

const form = (operatorId: string, over: Record<string, unknown> = {}) => ({
  operatorId,
  nik: composeNik({ districtCode: SAWANGAN, birthDate: '1995-08-17', sex: 'L', serial: serial++ }),
  fullName: 'Budi Santoso',
  phone: '081311112222',
  domicileVillageCode: PASIR_PUTIH,
  businesses: [{ name: 'Bakso Mas Budi', preVenture: true }],
  consent: true,
  ...over,
});

describe('POST /api/public/registrations', () => {
  it('registers without an account, records consent and answers only what the form needs', async () => {
    const op = await createOperator(t);
    const headers = from();
    const res = await t.http.post('/api/public/registrations', form(op.id), headers);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), sex: 'L', birthDate: '1995-08-17', status: 'applicant' });
    const [row] = await t.database.query<Record<string, unknown>>(
      'SELECT source, status, consent_at, consent_version, registered_by FROM people WHERE id = $1',
      [res.body.id],
    );
    expect(row).toMatchObject({ source: 'public', status: 'applicant', consent_version: 'v1', registered_by: null });
    expect(row.consent_at).not.toBeNull();
    const [audit] = await t.database.query<{ actor_name: string; request_id: string; actor_id: string | null }>(
      `SELECT actor_name, request_id, actor_id FROM audit_log WHERE entity = 'participant' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit).toMatchObject({ actor_name: 'system:public-registration', actor_id: null });
    expect(audit.request_id).toBe(res.headers['x-request-id']);
  });

  it('requires consent', async () => {
    const op = await createOperator(t);
    const headers = from();
    for (const consent of [undefined, false]) {
      const res = await t.http.post('/api/public/registrations', form(op.id, { consent }), headers);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['consent']);
    }
  });

  it('a known NIK answers 409 without naming the record', async () => {
    const op = await createOperator(t);
    const headers = from();
    const body = form(op.id);
    expect((await t.http.post('/api/public/registrations', body, headers)).status).toBe(201);
    const again = await t.http.post('/api/public/registrations', body, headers);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PARTICIPANT_EXISTS', details: {} });
    expect(again.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('checks the NIK, the operator and the village like staff registration', async () => {
    const op = await createOperator(t, { serviceArea: [SAWANGAN] });
    const headers = from();
    const bad = await t.http.post('/api/public/registrations', form(op.id, { nik: '3276034501900000' }), headers);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_NIK', details: [{ path: 'nik', code: 'serial' }] });
    const outside = await t.http.post(
      '/api/public/registrations',
      form(op.id, { domicileVillageCode: KUKUSAN }),
      headers,
    );
    expect(outside.body.error.details[0]).toMatchObject({ path: 'domicileVillageCode', code: 'outside_service_area' });
    const closed = await createOperator(t);
    await t.services.operators.update({ kind: 'system', label: 'test' }, closed.id, { active: false });
    expect((await t.http.post('/api/public/registrations', form(closed.id), headers)).status).toBe(404);
    const missing = form('00000000-0000-4000-8000-000000000000');
    expect((await t.http.post('/api/public/registrations', missing, headers)).status).toBe(404);
  });

  it('is rate-limited per client', async () => {
    const headers = from();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await t.http.post('/api/public/registrations', {}, headers)).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
