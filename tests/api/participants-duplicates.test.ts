import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../src/shared/nik.js';
import {
  createOperator,
  createParticipant,
  createUser,
  KUKUSAN,
  PASIR_PUTIH,
  SAWANGAN,
  signedIn,
} from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const nik = composeNik({ districtCode: SAWANGAN, birthDate: '1990-01-05', sex: 'P', serial: 1234 });
const oneDigit = `${nik.slice(0, 15)}5`; // serial 1235
const swapped = `${nik.slice(0, 12)}1243`;

async function setup() {
  const op = await createOperator(t);
  const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  const form = (over: Record<string, unknown>) => ({
    operatorId: op.id,
    fullName: 'Siti Nurhaliza',
    phone: '081200000001',
    domicileVillageCode: PASIR_PUTIH,
    businesses: [{ name: 'Warung Siti' }],
    ...over,
  });
  return { op, coord, pa, form };
}

describe('near-duplicates', () => {
  it('flags a NIK one digit off or with two digits swapped under the same name, and a shared phone', async () => {
    const { coord, form } = await setup();
    const first = await coord.http.post('/api/participants', form({ nik }));
    expect(first.body.possibleDuplicates).toEqual([]);
    const typo = await coord.http.post(
      '/api/participants',
      form({ nik: oneDigit, fullName: 'SITI  nurhaliza', phone: '081200000002' }),
    );
    expect(typo.status).toBe(201);
    expect(typo.body.possibleDuplicates).toEqual([
      { id: first.body.id, fullName: 'Siti Nurhaliza', reasons: ['nik_one_digit'] },
    ]);
    const swap = await coord.http.post('/api/participants', form({ nik: swapped, phone: '081200000003' }));
    expect(swap.body.possibleDuplicates.find((d: { id: string }) => d.id === first.body.id).reasons).toEqual([
      'nik_swap',
    ]);
    const sameDay = composeNik({ districtCode: SAWANGAN, birthDate: '1990-01-05', sex: 'P', serial: 7777 });
    const stranger = await coord.http.post(
      '/api/participants',
      form({ nik: sameDay, fullName: 'Budi Santoso', phone: '081299999999' }),
    );
    expect(stranger.body.possibleDuplicates).toEqual([]);
    const otherDay = composeNik({ districtCode: SAWANGAN, birthDate: '1970-02-02', sex: 'L', serial: 1 });
    const family = await coord.http.post(
      '/api/participants',
      form({ nik: otherDay, fullName: 'Ahmad', phone: '081200000001' }),
    );
    expect(family.body.possibleDuplicates).toEqual([
      { id: first.body.id, fullName: 'Siti Nurhaliza', reasons: ['same_phone'] },
    ]);

    const listed = await coord.http.get(`/api/participants/${first.body.id}/duplicates`);
    expect(listed.status).toBe(200);
    const byId = Object.fromEntries(listed.body.items.map((d: { id: string; reasons: string[] }) => [d.id, d.reasons]));
    expect(byId).toEqual({
      [typo.body.id]: ['nik_one_digit'],
      [swap.body.id]: ['nik_swap'],
      [family.body.id]: ['same_phone'],
    });
    const item = listed.body.items.find((d: { id: string }) => d.id === typo.body.id);
    expect(item).toMatchObject({
      nikMasked: `${oneDigit.slice(0, 4)}xxxxxxxx${oneDigit.slice(12)}`,
      birthDate: '1990-01-05',
    });
    expect(listed.text).not.toContain(oneDigit);
  });

  it('pairs declared distinct are no longer flagged, and the decision is audited', async () => {
    const { coord, form } = await setup();
    const a = await coord.http.post('/api/participants', form({ nik }));
    const b = await coord.http.post('/api/participants', form({ nik: oneDigit, phone: '081200000009' }));
    expect(b.body.possibleDuplicates).toHaveLength(1);
    const res = await coord.http.post(`/api/participants/${b.body.id}/distinct`, { otherId: a.body.id });
    expect(res.status).toBe(204);
    // Stored once, whichever side it is declared from.
    expect((await coord.http.post(`/api/participants/${a.body.id}/distinct`, { otherId: b.body.id })).status).toBe(204);
    expect(
      (await t.database.query('SELECT * FROM distinct_pairs WHERE operator_id = $1', [a.body.operatorId])).length,
    ).toBe(1);
    expect((await coord.http.get(`/api/participants/${a.body.id}/duplicates`)).body.items).toEqual([]);
    expect((await coord.http.get(`/api/participants/${b.body.id}/duplicates`)).body.items).toEqual([]);
    const audit = await t.database.query(
      `SELECT entity_id FROM audit_log WHERE action = 'distinct' AND entity_id = $1`,
      [b.body.id],
    );
    expect(audit).toHaveLength(1);
    expect((await coord.http.post(`/api/participants/${a.body.id}/distinct`, { otherId: a.body.id })).status).toBe(400);
  });

  it('never shows a duplicate from outside the caller’s scope', async () => {
    const { op, coord, form } = await setup();
    const beji = await createParticipant(t, {
      operatorId: op.id,
      fullName: 'Siti Nurhaliza',
      nik: oneDigit,
      phone: '081200000001',
      domicileVillageCode: KUKUSAN,
    });
    const here = await coord.http.post('/api/participants', form({ nik }));
    expect(here.body.possibleDuplicates).toEqual([]);
    expect((await coord.http.get(`/api/participants/${here.body.id}/duplicates`)).body.items).toEqual([]);
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    const all = await pa.http.get(`/api/participants/${here.body.id}/duplicates`);
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([beji.id]);
  });
});

describe('POST /api/participants/:id/merge', () => {
  it('moves businesses, enrollments, stages, files and mentors to the kept record and marks the other merged', async () => {
    const { op, pa, coord } = await setup();
    const { track } = await createTrack(t, { operatorId: op.id });
    const second = await createTrack(t, { operatorId: op.id, code: 'PP' });
    const kept = await createParticipant(t, { operatorId: op.id, fullName: 'Siti Nurhaliza', nik, trackId: track.id });
    const other = await createParticipant(t, {
      operatorId: op.id,
      fullName: 'Siti Nurhaliza',
      nik: oneDigit,
      trackId: track.id,
    });
    await t.services.selection.enroll({ kind: 'system', label: 'test' }, other.id, { trackId: second.track.id });
    // The other record got further: accepted on the shared track, trained (stage 2 done).
    await t.database.query(`UPDATE enrollments SET status = 'accepted' WHERE person_id = $1 AND track_id = $2`, [
      other.id,
      track.id,
    ]);
    await t.database.query(
      `INSERT INTO participant_stages (operator_id, person_id, stage, status, since) VALUES ($1, $2, 2, 'done', '2025-02-01')`,
      [op.id, other.id],
    );
    const mentor = await createUser(t, { roles: [{ role: 'mentor', operatorId: op.id }] });
    await t.database.query(
      `INSERT INTO mentor_assignments (operator_id, person_id, mentor_user_id, since) VALUES ($1, $2, $3, '2025-01-01')`,
      [op.id, other.id, mentor.user.id],
    );
    const [file] = await t.database.query<{ id: string }>(
      `INSERT INTO files (operator_id, storage_key, original_name, content_type, size, sha256, purpose)
       VALUES ($1, $2, 'ktp.jpg', 'image/jpeg', 10, 'x', 'participant_document') RETURNING id`,
      [op.id, `test/${other.id}`],
    );
    await t.database.query(
      `INSERT INTO participant_files (operator_id, person_id, file_id, kind) VALUES ($1, $2, $3, 'ktp')`,
      [op.id, other.id, file.id],
    );

    expect((await coord.http.post(`/api/participants/${kept.id}/merge`, { otherId: other.id })).status).toBe(403);
    const res = await pa.http.post(`/api/participants/${kept.id}/merge`, {
      otherId: other.id,
      reason: 'NIK salah ketik',
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(kept.id);
    expect(res.body.businesses.map((b: { id: string }) => b.id).sort()).toEqual(
      [...kept.businesses, ...other.businesses].map((b) => b.id).sort(),
    );
    expect(
      res.body.enrollments.map((e: { trackCode: string; status: string }) => [e.trackCode, e.status]).sort(),
    ).toEqual([
      ['PP', 'applicant'],
      ['WUB', 'accepted'],
    ]);
    expect(res.body.stages).toMatchObject({ '1': 'in_progress', '2': 'done' });
    expect(res.body.mentor).toMatchObject({ userId: mentor.user.id });
    expect(res.body.searchText).toBeUndefined();

    const gone = await pa.http.get(`/api/participants/${other.id}`);
    expect(gone.body).toMatchObject({ status: 'merged', mergedInto: kept.id, businesses: [], enrollments: [] });
    const events = await t.database.query('SELECT person_id FROM stage_events WHERE person_id = $1', [other.id]);
    expect(events).toEqual([]);
    const kEvents = await t.database.query('SELECT id FROM stage_events WHERE person_id = $1', [kept.id]);
    expect(kEvents).toHaveLength(2);
    const history = await t.database.query(
      'SELECT count(*)::int AS n FROM selection_events se JOIN enrollments e ON e.id = se.enrollment_id WHERE e.person_id = $1',
      [kept.id],
    );
    expect(history).toEqual([{ n: 3 }]);
    const files = await t.database.query('SELECT person_id FROM participant_files WHERE file_id = $1', [file.id]);
    expect(files).toEqual([{ person_id: kept.id }]);
    const audits = await t.database.query<{ entity_id: string; reason: string }>(
      `SELECT entity_id, reason FROM audit_log WHERE action = 'merge' AND entity_id IN ($1, $2) ORDER BY id`,
      [kept.id, other.id],
    );
    expect(audits).toEqual([
      { entity_id: kept.id, reason: 'NIK salah ketik' },
      { entity_id: other.id, reason: 'NIK salah ketik' },
    ]);
    const timeline = await pa.http.get(`/api/participants/${kept.id}/timeline`);
    expect(timeline.body.items.map((i: { title: string }) => i.title)).toContain('Data peserta digabung');

    const list = await pa.http.get(`/api/participants?operatorId=${op.id}`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([kept.id]);
    const again = await pa.http.post(`/api/participants/${kept.id}/merge`, { otherId: other.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('refuses records outside the caller’s scope or of another operator', async () => {
    const { op } = await setup();
    const other = await createOperator(t);
    const a = await createParticipant(t, { operatorId: op.id });
    const b = await createParticipant(t, { operatorId: other.id });
    const pa = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
    expect((await pa.http.post(`/api/participants/${a.id}/merge`, { otherId: b.id })).status).toBe(404);
    const admin = await signedIn(t, { roles: [{ role: 'admin' }] });
    const res = await admin.http.post(`/api/participants/${a.id}/merge`, { otherId: b.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'otherId', code: 'other_operator' });
    expect((await admin.http.post(`/api/participants/${a.id}/merge`, { otherId: a.id })).status).toBe(400);
  });
});
