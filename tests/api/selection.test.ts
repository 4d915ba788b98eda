import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SelectionStatus, selectionStatuses, selectionTransitions } from '../../src/shared/participants.js';
import {
  createOperator,
  createParticipant,
  createUser,
  KUKUSAN,
  PASIR_PUTIH,
  type ParticipantSpec,
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

async function setting(overrides: Omit<Parameters<typeof createTrack>[1], 'operatorId'> = {}) {
  const op = await createOperator(t);
  const { track, program } = await createTrack(t, { operatorId: op.id, ...overrides });
  const staff = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  return { op, track, program, staff };
}

/** An application already at `status`, as if earlier decisions had been taken. */
async function applicationAt(
  op: { id: string },
  trackId: string,
  status: SelectionStatus,
  spec: Partial<ParticipantSpec> = {},
) {
  const person = await createParticipant(t, { operatorId: op.id, sex: 'P', ...spec });
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO enrollments (operator_id, person_id, track_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [op.id, person.id, trackId, status],
  );
  return { person, enrollmentId: row.id };
}

describe('POST /api/participants/:id/enrollments', () => {
  it('applies a person to a track and stores the eligibility check', async () => {
    const { op, track, staff } = await setting({
      code: 'PP',
      sex: 'P',
      minAge: 18,
      requiredDocuments: ['recommendation_letter'],
    });
    const person = await createParticipant(t, { operatorId: op.id, sex: 'P', birthDate: '1992-03-01' });
    const res = await staff.http.post(`/api/participants/${person.id}/enrollments`, { trackId: track.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ personId: person.id, trackCode: 'PP', status: 'applicant', quotaOverride: false });
    expect(res.body.eligibility).toEqual([
      { rule: 'min_age', ok: true, message: expect.any(String), en: expect.any(String) },
      { rule: 'sex', ok: true, message: expect.any(String), en: expect.any(String) },
      { rule: 'residency', ok: true, message: expect.any(String), en: expect.any(String) },
      {
        rule: 'documents',
        ok: false,
        message: expect.stringContaining('surat rekomendasi'),
        en: expect.stringContaining('recommendation letter'),
      },
    ]);
    const again = await staff.http.post(`/api/participants/${person.id}/enrollments`, { trackId: track.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_EXISTS');
    const events = await t.database.query(
      `SELECT from_status, to_status FROM selection_events WHERE enrollment_id = $1`,
      [res.body.id],
    );
    expect(events).toEqual([{ from_status: null, to_status: 'applicant' }]);
  });

  it('refuses a track of another operator, and a person outside the caller’s kecamatan is not found', async () => {
    const { op, staff } = await setting();
    const other = await setting();
    const person = await createParticipant(t, { operatorId: op.id, domicileVillageCode: KUKUSAN });
    const foreign = await staff.http.post(`/api/participants/${person.id}/enrollments`, { trackId: other.track.id });
    expect(foreign.status).toBe(404);
    const { track } = await createTrack(t, { operatorId: op.id });
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    const res = await coordinator.http.post(`/api/participants/${person.id}/enrollments`, { trackId: track.id });
    expect(res.status).toBe(404);
  });
});

describe('POST /api/enrollments/:id/decisions', () => {
  it('allows exactly the transitions of selectionTransitions and refuses every other with INVALID_TRANSITION', async () => {
    const { op, track, staff } = await setting();
    const targets = selectionStatuses.filter((s) => s !== 'applicant');
    for (const from of selectionStatuses) {
      for (const to of targets) {
        const { enrollmentId } = await applicationAt(op, track.id, from);
        const res = await staff.http.post(`/api/enrollments/${enrollmentId}/decisions`, { status: to });
        if (selectionTransitions[from].includes(to)) {
          expect(res.status, `${from} → ${to}`).toBe(200);
          expect(res.body.status).toBe(to);
        } else {
          expect(res.status, `${from} → ${to}`).toBe(409);
          expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { from, to } });
        }
      }
    }
    const back = await applicationAt(op, track.id, 'documents_checked');
    expect(
      (await staff.http.post(`/api/enrollments/${back.enrollmentId}/decisions`, { status: 'applicant' })).status,
    ).toBe(400);
  });

  it('an acceptance makes a member: history, stage 1 done, audit entry and messages in one go', async () => {
    const { op, track, program, staff } = await setting();
    const { person, enrollmentId } = await applicationAt(op, track.id, 'interviewed', {
      fullName: 'Siti Aminah',
      email: 'siti@contoh.id',
    });
    const res = await staff.http.post(`/api/enrollments/${enrollmentId}/decisions`, {
      status: 'accepted',
      notes: 'Lulus wawancara',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', decidedAt: expect.any(String), programName: program.name });
    const [p] = await t.database.query<{ status: string }>(`SELECT status FROM people WHERE id = $1`, [person.id]);
    expect(p.status).toBe('member');
    const events = await t.database.query(
      `SELECT from_status, to_status, notes, decided_by FROM selection_events WHERE enrollment_id = $1`,
      [enrollmentId],
    );
    expect(events).toEqual([
      { from_status: 'interviewed', to_status: 'accepted', notes: 'Lulus wawancara', decided_by: staff.user.id },
    ]);
    const stages = await t.services.journey.stagesOf([person.id]);
    expect(stages.get(person.id)![0]).toMatchObject({ stage: 1, status: 'done', since: expect.any(String) });
    const messages = await t.database.query<{ channel: string; recipient: string; locale: string; body: string }>(
      `SELECT channel, recipient, locale, body FROM notifications WHERE template = 'selection.accepted' AND operator_id = $1 ORDER BY channel`,
      [op.id],
    );
    expect(messages.map((m) => [m.channel, m.recipient, m.locale])).toEqual([
      ['email', 'siti@contoh.id', 'id'],
      ['whatsapp', person.phone, 'id'],
    ]);
    expect(messages[0].body).toContain('Halo Siti Aminah');
    expect(messages[0].body).toContain(program.name);
    const audit = await staff.http.get(`/api/audit?entity=enrollment&entityId=${enrollmentId}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      reason: 'Lulus wawancara',
      changes: { status: { before: 'interviewed', after: 'accepted' } },
    });
  });

  it('writes the message in English for a person whose account is set to English, WhatsApp only without email', async () => {
    const { op, track, staff } = await setting();
    const { person, enrollmentId } = await applicationAt(op, track.id, 'documents_checked');
    const account = await createUser(t, { phone: person.phone, email: null });
    await t.database.query(`UPDATE "user" SET locale = 'en' WHERE id = $1`, [account.user.id]);
    expect((await staff.http.post(`/api/enrollments/${enrollmentId}/decisions`, { status: 'waitlisted' })).status).toBe(
      200,
    );
    const messages = await t.database.query<{ channel: string; locale: string; body: string }>(
      `SELECT channel, locale, body FROM notifications WHERE template = 'selection.waitlisted' AND operator_id = $1`,
      [op.id],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'whatsapp', locale: 'en' });
    expect(messages[0].body).toContain('waiting list');
  });

  it('refuses to accept beyond the quota (QUOTA_FULL) unless quotaOverride, which is recorded', async () => {
    const { op, track, staff } = await setting({ quota: 1 });
    const first = await applicationAt(op, track.id, 'interviewed');
    const second = await applicationAt(op, track.id, 'interviewed');
    expect(
      (await staff.http.post(`/api/enrollments/${first.enrollmentId}/decisions`, { status: 'accepted' })).status,
    ).toBe(200);
    const full = await staff.http.post(`/api/enrollments/${second.enrollmentId}/decisions`, { status: 'accepted' });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'QUOTA_FULL', details: { quota: 1, accepted: 1 } });
    const [{ status }] = await t.database.query<{ status: string }>(`SELECT status FROM enrollments WHERE id = $1`, [
      second.enrollmentId,
    ]);
    expect(status).toBe('interviewed');
    const over = await staff.http.post(`/api/enrollments/${second.enrollmentId}/decisions`, {
      status: 'accepted',
      quotaOverride: true,
    });
    expect(over.status).toBe(200);
    expect(over.body).toMatchObject({ status: 'accepted', quotaOverride: true });
  });

  it('never exceeds the quota with concurrent accepts', async () => {
    const { op, track, staff } = await setting({ quota: 3 });
    const apps = [];
    for (let i = 0; i < 8; i++) apps.push(await applicationAt(op, track.id, 'documents_checked'));
    const results = await Promise.all(
      apps.map((a) => staff.http.post(`/api/enrollments/${a.enrollmentId}/decisions`, { status: 'accepted' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(5).fill('QUOTA_FULL'));
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE track_id = $1 AND status = 'accepted'`,
      [track.id],
    );
    expect(n).toBe(3);
  });

  it('an applicant failing the eligibility check is accepted only with the override; documents are checked again', async () => {
    const { op, track, staff } = await setting({ code: 'PP', sex: 'P', requiredDocuments: ['recommendation_letter'] });
    const man = await applicationAt(op, track.id, 'interviewed', { sex: 'L' });
    const refused = await staff.http.post(`/api/enrollments/${man.enrollmentId}/decisions`, { status: 'accepted' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.error.details.failed.map((r: { rule: string }) => r.rule)).toEqual(['sex', 'documents']);
    const forced = await staff.http.post(`/api/enrollments/${man.enrollmentId}/decisions`, {
      status: 'accepted',
      quotaOverride: true,
    });
    expect(forced.body).toMatchObject({ status: 'accepted', quotaOverride: true });

    const woman = await applicationAt(op, track.id, 'interviewed');
    const [file] = await t.database.query<{ id: string }>(
      `INSERT INTO files (storage_key, original_name, content_type, size, sha256, purpose)
       VALUES ($1, 'rekomendasi.pdf', 'application/pdf', 10, 'x', 'participant_document') RETURNING id`,
      [`k-${woman.person.id}`],
    );
    await t.database.query(
      `INSERT INTO participant_files (operator_id, person_id, file_id, kind) VALUES ($1, $2, $3, 'recommendation_letter')`,
      [op.id, woman.person.id, file.id],
    );
    const ok = await staff.http.post(`/api/enrollments/${woman.enrollmentId}/decisions`, { status: 'accepted' });
    expect(ok.status).toBe(200);
    expect(ok.body.quotaOverride).toBe(false);
    expect(ok.body.eligibility.every((r: { ok: boolean }) => r.ok)).toBe(true);
  });

  it('a decision on an application outside the caller’s kecamatan answers 404', async () => {
    const { op, track } = await setting();
    const { enrollmentId } = await applicationAt(op, track.id, 'applicant', { domicileVillageCode: KUKUSAN });
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    const res = await coordinator.http.post(`/api/enrollments/${enrollmentId}/decisions`, { status: 'rejected' });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/tracks/:id/enrollments', () => {
  it('lists only applications of people in the caller’s scope, with masked NIK, filtered by status', async () => {
    const { op, track, staff } = await setting();
    const a = await applicationAt(op, track.id, 'applicant', { domicileVillageCode: PASIR_PUTIH });
    await applicationAt(op, track.id, 'accepted', { domicileVillageCode: PASIR_PUTIH });
    await applicationAt(op, track.id, 'applicant', { domicileVillageCode: KUKUSAN });
    const coordinator = await signedIn(t, {
      roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
    });
    const mine = await coordinator.http.get(`/api/tracks/${track.id}/enrollments?status=applicant`);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      id: a.enrollmentId,
      person: { id: a.person.id, districtName: 'Sawangan', nikMasked: expect.stringMatching(/^3276x{8}\d{4}$/) },
    });
    expect((await staff.http.get(`/api/tracks/${track.id}/enrollments`)).body.total).toBe(3);
    const stranger = await signedIn(t, {
      roles: [{ role: 'program_admin', operatorId: (await createOperator(t)).id }],
    });
    expect((await stranger.http.get(`/api/tracks/${track.id}/enrollments`)).status).toBe(404);
  });
});
