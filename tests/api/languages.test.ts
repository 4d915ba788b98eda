import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOperator,
  KUKUSAN,
  nikOf,
  registrationBody,
  sawanganCoordinator,
  signedIn,
} from '../support/factories.js';
import { postMultipart } from '../support/multipart.js';
import { waitFor } from '../support/platform-testing.js';
import { csvOf, readXlsx } from '../support/spreadsheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Error messages follow Accept-Language: English when the request prefers it, Bahasa Indonesia otherwise.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.platform.jobs.start();
});
afterAll(() => t?.close());

const EN = { 'accept-language': 'en-US,en;q=0.9,id;q=0.8' };
const ID = { 'accept-language': 'id' };

describe('error messages in the language of the request', () => {
  it('INVALID_NIK: the NIK problem in English, in Indonesian without the header or with id', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const bad = registrationBody(op.id, { nik: '3276037201900001' });
    const en = await coord.http.post('/api/participants', bad, EN);
    expect(en.status).toBe(400);
    expect(en.body.error).toEqual({
      code: 'INVALID_NIK',
      message: 'the birth date in the NIK is not a valid date',
      details: [{ path: 'nik', code: 'birth_date', message: 'the birth date in the NIK is not a valid date' }],
    });
    const indonesian = {
      code: 'INVALID_NIK',
      message: 'tanggal lahir dalam NIK tidak valid',
      details: [{ path: 'nik', code: 'birth_date', message: 'tanggal lahir dalam NIK tidak valid' }],
    };
    expect((await coord.http.post('/api/participants', bad)).body.error).toEqual(indonesian);
    expect((await coord.http.post('/api/participants', bad, ID)).body.error).toEqual(indonesian);
  });

  it("validation: the shared schema's own messages in English, and zod's default texts too", async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const bad = registrationBody(op.id, { fullName: 'S1ti', phone: 'tidak ada', email: 'bukan-email' });
    const en = await coord.http.post('/api/participants', bad, { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe('VALIDATION_FAILED');
    expect(en.body.error.message).toBe('Invalid data — check the marked fields');
    expect(en.body.error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'fullName',
          code: 'invalid_format',
          message: 'a name may only contain letters, spaces, dots, commas, hyphens and apostrophes',
        },
        { path: 'phone', code: 'custom', message: 'Invalid phone number — e.g. 0812-3456-7890' },
        { path: 'email', code: 'invalid_format', message: 'invalid email address' },
      ]),
    );

    const id = await coord.http.post('/api/participants', bad);
    expect(id.body.error.message).toBe('Data tidak valid — periksa isian yang ditandai');
    expect(id.body.error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'fullName',
          code: 'invalid_format',
          message: 'nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof',
        },
        { path: 'phone', code: 'custom', message: 'Nomor HP tidak valid — contoh: 0812-3456-7890' },
        { path: 'email', code: 'invalid_format', message: 'email tidak valid' },
      ]),
    );

    // Where a schema has no message of its own, zod's default text (Indonesian on this server) is said in English.
    const wrong = registrationBody('not-a-uuid', { ktpAddress: 5 });
    const detailsOf = (r: { body: { error: { details: unknown[] } } }) =>
      Object.fromEntries(
        (r.body.error.details as Array<{ path: string; message: string }>).map((d) => [d.path, d.message]),
      );
    expect(detailsOf(await coord.http.post('/api/participants', wrong, EN))).toEqual({
      operatorId: 'Invalid UUID',
      ktpAddress: 'Invalid input: expected string, received number',
    });
    expect(detailsOf(await coord.http.post('/api/participants', wrong))).toEqual({
      operatorId: 'UUID tidak valid',
      ktpAddress: 'Input tidak valid: diharapkan string, diterima number',
    });
    // The query string too.
    const query = await coord.http.get('/api/participants?kecamatan=32.76&pageSize=0', EN);
    expect(detailsOf(query)).toEqual({
      'querystring.kecamatan': 'a kecamatan code, e.g. 32.76.03',
      'querystring.pageSize': 'Too small: expected number to be >=1',
    });
  });

  it('404: the missing thing is named in English', async () => {
    const { coord } = await sawanganCoordinator(t);
    const url = `/api/participants/${randomUUID()}`;
    const en = await coord.http.get(url, EN);
    expect(en.status).toBe(404);
    expect(en.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Participant not found' });
    expect((await coord.http.get(url)).body.error).toMatchObject({ message: 'Peserta tidak ditemukan' });

    const unknownPath = await t.http.get('/api/no-such-thing', EN);
    expect(unknownPath.body.error).toEqual({ code: 'NOT_FOUND', message: 'URL not found' });
    expect((await t.http.get('/api/no-such-thing')).body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'Alamat tidak ditemukan',
    });
  });

  it('409 PARTICIPANT_EXISTS in English', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const nik = nikOf();
    expect((await coord.http.post('/api/participants', registrationBody(op.id, { nik }))).status).toBe(201);
    const en = await coord.http.post('/api/participants', registrationBody(op.id, { nik }), EN);
    expect(en.status).toBe(409);
    expect(en.body.error).toMatchObject({
      code: 'PARTICIPANT_EXISTS',
      message: 'This NIK is already registered in this program',
    });
    const id = await coord.http.post('/api/participants', registrationBody(op.id, { nik }));
    expect(id.body.error).toMatchObject({
      code: 'PARTICIPANT_EXISTS',
      message: 'NIK ini sudah terdaftar di program ini',
    });
  });

  it('403 in English: outside the assigned area, and the default refusal', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const outside = registrationBody(op.id, { domicileVillageCode: KUKUSAN });
    const en = await coord.http.post('/api/participants', outside, EN);
    expect(en.status).toBe(403);
    expect(en.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'The home village is outside your assigned area',
    });
    expect((await coord.http.post('/api/participants', outside)).body.error.message).toBe(
      'Desa/kelurahan domisili di luar wilayah tugas Anda',
    );

    const reader = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    const refused = await reader.http.post('/api/participants', registrationBody(op.id), EN);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('You are not allowed to do this');
    expect((await reader.http.post('/api/participants', registrationBody(op.id))).body.error.message).toBe(
      'Anda tidak memiliki izin untuk tindakan ini',
    );
  });

  it('import issues: reasons in English for English requests, the stored report stays Indonesian', async () => {
    const op = await createOperator(t);
    const staff = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const good = nikOf('1991-02-03', 'L');
    const file = csvOf([
      ['NIK', 'Nama', 'Kecamatan', 'Kelurahan'],
      [good, 'Budi Santoso', 'Sawangan', 'Pasir Putih'],
      [good, 'Budi Santoso', 'Sawangan', 'Pasir Putih'],
      ['3276037201900001', 'Tanggal Salah', 'Sawangan', 'Pasir Putih'],
    ]);
    const uploaded = await postMultipart(
      t.app,
      '/api/imports/files',
      [
        { name: 'operatorId', value: op.id },
        { name: 'file', filename: 'peserta.csv', type: 'text/csv', data: file },
      ],
      staff.cookie,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { fileId } = uploaded.json() as { fileId: string };

    const preview = await staff.http.post('/api/imports/inspect', { operatorId: op.id, fileId }, EN);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.rows.find((r: { rowNo: number }) => r.rowNo === 4).problems).toEqual([
      expect.objectContaining({ code: 'birth_date', message: 'the birth date in the NIK is not a valid date' }),
    ]);

    const started = await staff.http.post('/api/imports', { operatorId: op.id, fileId });
    expect(started.status, started.text).toBe(202);
    await waitFor(async () => {
      const res = await staff.http.get(`/api/imports/${started.body.id}`);
      return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
    }, 30_000);

    const url = `/api/imports/${started.body.id}/issues`;
    const reasons = (r: { body: { items: Array<{ rowNo: number; reasons: unknown[] }> } }) =>
      Object.fromEntries(r.body.items.map((i) => [i.rowNo, i.reasons]));
    expect(reasons(await staff.http.get(url, EN))).toEqual({
      3: [{ field: 'nik', code: 'duplicate_in_file', message: 'The same NIK as row 2' }],
      4: [{ field: 'nik', code: 'birth_date', message: 'the birth date in the NIK is not a valid date' }],
    });
    const indonesian = {
      3: [{ field: 'nik', code: 'duplicate_in_file', message: 'NIK sama dengan baris 2' }],
      4: [{ field: 'nik', code: 'birth_date', message: 'tanggal lahir dalam NIK tidak valid' }],
    };
    expect(reasons(await staff.http.get(url))).toEqual(indonesian);
    expect(reasons(await staff.http.get(url, ID))).toEqual(indonesian);

    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${started.body.id}/rejected.xlsx`,
      headers: { cookie: staff.cookie, ...EN },
    });
    expect(report.statusCode).toBe(200);
    const sheet = await readXlsx(report.rawPayload);
    expect(sheet.slice(1).map((row) => row[0])).toEqual([
      'NIK sama dengan baris 2',
      'tanggal lahir dalam NIK tidak valid',
    ]);
  });
});
