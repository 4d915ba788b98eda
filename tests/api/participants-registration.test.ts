import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BEJI,
  createOperator,
  createParticipant,
  KUKUSAN,
  nikOf,
  registrationBody,
  SAWANGAN,
  sawanganCoordinator,
  signedIn,
} from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/participants', () => {
  it('registers a person: sex and birth date from the NIK, stage 1 in progress, audit without the full NIK', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const nik = nikOf('1990-01-05', 'P');
    const res = await coord.http.post(
      '/api/participants',
      registrationBody(op.id, { nik: `${nik.slice(0, 6)} ${nik.slice(6)}` }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      operatorId: op.id,
      nikMasked: `${nik.slice(0, 4)}xxxxxxxx${nik.slice(12)}`,
      fullName: 'Siti Nurhaliza',
      sex: 'P',
      birthDate: '1990-01-05',
      phone: '+6281234567890',
      status: 'applicant',
      source: 'staff',
      districtCode: SAWANGAN,
      districtName: 'Sawangan',
      villageName: 'Pasir Putih',
      stages: { '1': 'in_progress', '2': 'not_started', '7': 'not_started' },
      possibleDuplicates: [],
    });
    expect(res.body.businesses[0]).toMatchObject({
      name: 'Warung Sembako Berkah',
      districtCode: SAWANGAN,
      status: 'active',
    });
    expect(res.body.stageList).toEqual([{ stage: 1, status: 'in_progress', since: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain(nik);
    const [row] = await t.database.query<{ nik: string; search_text: string; registered_by: string }>(
      'SELECT nik, search_text, registered_by FROM people WHERE id = $1',
      [res.body.id],
    );
    expect(row).toEqual({ nik, search_text: 'siti nurhaliza warung sembako berkah', registered_by: coord.user.id });
    const events = await t.database.query('SELECT stage, status, source FROM stage_events WHERE person_id = $1', [
      res.body.id,
    ]);
    expect(events).toEqual([{ stage: 1, status: 'in_progress', source: 'registration' }]);
    const audit = await t.database.query<{ action: string; changes: unknown }>(
      `SELECT action, changes FROM audit_log WHERE entity = 'participant' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('create');
    expect(JSON.stringify(audit[0].changes)).toContain(res.body.nikMasked);
    const trail = await t.database.query('SELECT changes FROM audit_log');
    expect(JSON.stringify(trail)).not.toContain(nik);
  });

  it('answers INVALID_NIK with the reason for every NIK problem', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const cases: Array<[string | undefined, string, string]> = [
      ['12345', 'format', 'NIK harus 16 digit angka — periksa kembali KTP'],
      ['32760345019O0001', 'format', 'NIK harus 16 digit angka — periksa kembali KTP'],
      [undefined, 'format', 'NIK harus 16 digit angka — periksa kembali KTP'],
      ['9999994501900001', 'region', 'kode wilayah dalam NIK tidak dikenal'],
      ['0076034501900001', 'region', 'kode wilayah dalam NIK tidak dikenal'],
      ['3276037201900001', 'birth_date', 'tanggal lahir dalam NIK tidak valid'],
      ['3276033102900001', 'birth_date', 'tanggal lahir dalam NIK tidak valid'],
      ['3276034501900000', 'serial', 'nomor urut dalam NIK tidak boleh 0000'],
    ];
    for (const [nik, code, message] of cases) {
      const res = await coord.http.post('/api/participants', registrationBody(op.id, { nik }));
      expect(res.status, `${nik}`).toBe(400);
      expect(res.body.error.code).toBe('INVALID_NIK');
      expect(res.body.error.details).toEqual([{ path: 'nik', code, message }]);
    }
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE operator_id = $1',
      [op.id],
    );
    expect(n).toBe(0);
  });

  it('refuses a sex or birth date that disagrees with the NIK', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const res = await coord.http.post(
      '/api/participants',
      registrationBody(op.id, { nik: nikOf('1990-01-05', 'P'), sex: 'L', birthDate: '1990-01-06' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['sex', 'birthDate']);
    const ok = await coord.http.post(
      '/api/participants',
      registrationBody(op.id, { nik: nikOf('1985-07-17', 'L'), sex: 'L' }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ sex: 'L', birthDate: '1985-07-17' });
  });

  it('a known NIK answers 409, naming the record only to someone who may see it', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const beji = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: BEJI }] });
    const nik = nikOf();
    const first = await coord.http.post('/api/participants', registrationBody(op.id, { nik }));
    expect(first.status).toBe(201);
    const again = await coord.http.post('/api/participants', registrationBody(op.id, { nik, fullName: 'Siti N' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PARTICIPANT_EXISTS', details: { existingId: first.body.id } });
    const hidden = await beji.http.post(
      '/api/participants',
      registrationBody(op.id, { nik, domicileVillageCode: KUKUSAN }),
    );
    expect(hidden.status).toBe(409);
    expect(hidden.body.error).toMatchObject({ code: 'PARTICIPANT_EXISTS', details: {} });
    // The same NIK at another operator is another program's member: allowed.
    const other = await createOperator(t);
    expect((await createParticipant(t, { operatorId: other.id, nik })).id).not.toBe(first.body.id);
  });

  it('simultaneous registrations of one NIK leave one record and clean 409s', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const nik = nikOf();
    const results = await Promise.all(
      ['Siti Nurhaliza', 'Siti Nurhalisa', 'Siti Nurhaliza', 'Siti Nur Haliza'].map((fullName) =>
        coord.http.post('/api/participants', registrationBody(op.id, { nik, fullName })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const winner = results.find((r) => r.status === 201)!.body.id;
    for (const lost of results.filter((r) => r.status === 409))
      expect(lost.body.error).toMatchObject({ code: 'PARTICIPANT_EXISTS', details: { existingId: winner } });
    const rows = await t.database.query('SELECT id FROM people WHERE nik = $1', [nik]);
    expect(rows).toEqual([{ id: winner }]);
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM businesses WHERE operator_id = $1',
      [op.id],
    );
    expect(n).toBe(1);
  });

  it('a coordinator registers only inside their kecamatan; another operator is not found', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const outside = await coord.http.post(
      '/api/participants',
      registrationBody(op.id, { domicileVillageCode: KUKUSAN }),
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe('Desa/kelurahan domisili di luar wilayah tugas Anda');
    const foreign = await createOperator(t);
    expect((await coord.http.post('/api/participants', registrationBody(foreign.id))).status).toBe(404);
    const reader = await signedIn(t, { roles: [{ role: 'curator', operatorId: op.id }] });
    expect((await reader.http.post('/api/participants', registrationBody(op.id))).status).toBe(403);
    expect((await t.http.post('/api/participants', registrationBody(op.id))).status).toBe(401);
  });

  it('checks villages: unknown, outside the service area, or a business village that does not exist', async () => {
    const op = await createOperator(t, { serviceArea: [SAWANGAN] });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const outside = await pa.http.post('/api/participants', registrationBody(op.id, { domicileVillageCode: KUKUSAN }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0]).toMatchObject({ path: 'domicileVillageCode', code: 'outside_service_area' });
    const unknown = await pa.http.post(
      '/api/participants',
      registrationBody(op.id, { domicileVillageCode: '32.76.03.9999' }),
    );
    expect(unknown.body.error.details[0]).toMatchObject({ path: 'domicileVillageCode', code: 'unknown_region' });
    const nik = nikOf();
    const badBusiness = await pa.http.post(
      '/api/participants',
      registrationBody(op.id, {
        nik,
        businesses: [{ name: 'Usaha A' }, { name: 'Usaha B', villageCode: '32.76.03.9999' }],
      }),
    );
    expect(badBusiness.status).toBe(400);
    expect(badBusiness.body.error.details).toEqual([
      { path: 'businesses.1.villageCode', code: 'unknown_region', message: 'Pilih desa/kelurahan yang terdaftar' },
    ]);
    expect(await t.database.query('SELECT id FROM people WHERE nik = $1', [nik])).toEqual([]);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const op = await createOperator(t);
    const nik = nikOf();
    // A fractional rupiah amount passes no route but reaches the service from a caller that skipped validation.
    await expect(
      createParticipant(t, {
        operatorId: op.id,
        nik,
        businesses: [{ name: 'Usaha Pecahan', monthlyRevenue: 1.5 } as never],
      }),
    ).rejects.toBeTruthy();
    expect(await t.database.query('SELECT id FROM people WHERE nik = $1', [nik])).toEqual([]);
    expect(await t.database.query('SELECT id FROM businesses WHERE operator_id = $1', [op.id])).toEqual([]);
  });

  it('applies to a track when one is chosen, with the eligibility check stored', async () => {
    const { op, coord } = await sawanganCoordinator(t);
    const { track } = await createTrack(t, { operatorId: op.id, code: 'PP', sex: 'P', minAge: 18 });
    const res = await coord.http.post(
      '/api/participants',
      registrationBody(op.id, { nik: nikOf('1980-03-10', 'L'), trackId: track.id }),
    );
    expect(res.status).toBe(201);
    expect(res.body.enrollments).toHaveLength(1);
    expect(res.body.enrollments[0]).toMatchObject({ trackId: track.id, trackCode: 'PP', status: 'applicant' });
    const rules = Object.fromEntries(
      res.body.enrollments[0].eligibility.map((r: { rule: string; ok: boolean }) => [r.rule, r.ok]),
    );
    expect(rules).toMatchObject({ min_age: true, sex: false, residency: true });
    const other = await createOperator(t);
    const foreign = await createTrack(t, { operatorId: other.id });
    const bad = await coord.http.post('/api/participants', registrationBody(op.id, { trackId: foreign.track.id }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'trackId', code: 'unknown_track' });
  });
});
