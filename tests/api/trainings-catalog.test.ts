import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEJI, createOperator, SAWANGAN, signedIn } from '../support/factories.js';
import { postMultipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  createCourse,
  createPeople,
  createWave,
  day,
  memberClient,
  trainingSetting,
} from '../support/training-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tinyPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

const courseBody = (operatorId: string, over: Record<string, unknown> = {}) => ({
  operatorId,
  title: 'Desain Logo untuk UMKM',
  description: 'Membuat logo sendiri dengan Canva',
  topics: ['desain', 'pemasaran'],
  level: 'dasar',
  hours: 8,
  materials: [{ kind: 'link', title: 'Modul Canva', url: 'https://contoh.id/modul' }],
  ...over,
});

describe('course catalog', () => {
  it('creates, lists, changes and retires courses; materials as links and uploaded files', async () => {
    const { op, trainer, coordinator } = await trainingSetting(t);
    const created = await trainer.http.post('/api/courses', courseBody(op.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Desain Logo untuk UMKM', level: 'dasar', hours: 8, waves: 0 });
    const id = created.body.id;

    const upload = await postMultipart(
      t.app,
      `/api/courses/${id}/materials`,
      [
        { name: 'title', value: 'Slide hari 1' },
        { name: 'file', filename: 'slide.pdf', type: 'application/pdf', data: tinyPdf() },
      ],
      trainer.cookie,
    );
    expect(upload.statusCode).toBe(201);
    const materials = upload.json().materials;
    expect(materials).toEqual([
      { kind: 'link', title: 'Modul Canva', url: 'https://contoh.id/modul' },
      {
        kind: 'file',
        title: 'Slide hari 1',
        fileId: expect.any(String),
        fileName: 'slide.pdf',
        size: tinyPdf().length,
      },
    ]);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/courses/${id}/materials/${materials[1].fileId}`,
      headers: { cookie: coordinator.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(tinyPdf());

    // New links replace the old ones; the file stays.
    const patched = await trainer.http.patch(`/api/courses/${id}`, {
      hours: 10.5,
      materials: [{ kind: 'link', title: 'Video', url: 'https://contoh.id/video' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.hours).toBe(10.5);
    expect(patched.body.materials.map((m: { title: string }) => m.title)).toEqual(['Slide hari 1', 'Video']);
    const removed = await trainer.http.delete(`/api/courses/${id}/materials/1`);
    expect(removed.body.materials.map((m: { title: string }) => m.title)).toEqual(['Slide hari 1']);
    expect((await trainer.http.delete(`/api/courses/${id}/materials/5`)).status).toBe(404);

    const retired = await trainer.http.patch(`/api/courses/${id}`, { active: false });
    expect(retired.body.active).toBe(false);
    const list = await coordinator.http.get(`/api/courses?operatorId=${op.id}&active=false`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const search = await coordinator.http.get(`/api/courses?q=logo`);
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    // An inactive course takes no new waves.
    const wave = await trainer.http.post('/api/training-waves', {
      operatorId: op.id,
      courseId: id,
      name: 'Gelombang 1',
      mode: 'online',
      onlineUrl: 'https://meet.contoh.id/abc',
      capacity: 20,
      sessions: [{ date: day(7), startsAt: '09:00', endsAt: '12:00' }],
    });
    expect(wave.status).toBe(400);
    expect(wave.body.error.details[0]).toMatchObject({ path: 'courseId', code: 'inactive_course' });
  });

  it('validates courses and keeps them to the operator and the roles that manage them', async () => {
    const { op, trainer, coordinator } = await trainingSetting(t);
    const bad = await trainer.http.post('/api/courses', courseBody(op.id, { topics: [], hours: 0, level: 'ahli' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['hours', 'level', 'topics']);
    const link = await trainer.http.post(
      '/api/courses',
      courseBody(op.id, { materials: [{ kind: 'link', title: 'x', url: 'ftp://a' }] }),
    );
    expect(link.body.error.details[0].path).toBe('materials.0.url');
    // Coordinators read the catalog; they do not write it.
    expect((await coordinator.http.post('/api/courses', courseBody(op.id))).status).toBe(403);
    const other = await createOperator(t);
    expect((await trainer.http.post('/api/courses', courseBody(other.id))).status).toBe(404);
    const foreign = await createCourse(t, other.id);
    expect((await trainer.http.patch(`/api/courses/${foreign.id}`, { title: 'Diubah' })).status).toBe(404);
    expect((await trainer.http.get('/api/courses')).body.items.some((c: { id: string }) => c.id === foreign.id)).toBe(
      false,
    );
  });

  it('serves a material file to a member enrolled in a wave of the course, and to no other member', async () => {
    const { op, trainer } = await trainingSetting(t);
    const course = await createCourse(t, op.id);
    const upload = await postMultipart(
      t.app,
      `/api/courses/${course.id}/materials`,
      [{ name: 'file', filename: 'modul.pdf', type: 'application/pdf', data: tinyPdf() }],
      trainer.cookie,
    );
    const fileId = upload.json().materials[0].fileId;
    expect(upload.json().materials[0].title).toBe('modul.pdf');
    const wave = await createWave(t, { operatorId: op.id, courseId: course.id });
    // The catalog counts the course's waves (it once counted the waves whose own id matched the course's).
    expect((await trainer.http.get(`/api/courses/${course.id}`)).body.waves).toBe(1);
    const listed = await trainer.http.get(`/api/courses?operatorId=${op.id}`);
    expect(listed.body.items.find((c: { id: string }) => c.id === course.id).waves).toBe(1);
    const [inWave, outside] = await createPeople(t, op.id, 2);
    await trainer.http.post(`/api/training-waves/${wave.id}/enrollments`, { personIds: [inWave.id] });
    const member = await memberClient(t, inWave);
    expect((await member.get(`/api/courses/${course.id}/materials/${fileId}`)).status).toBe(200);
    const stranger = await memberClient(t, outside);
    expect((await stranger.get(`/api/courses/${course.id}/materials/${fileId}`)).status).toBe(404);
  });
});

describe('training waves', () => {
  it('schedules a wave with its days and reads it back; requiredDays defaults to the number of days', async () => {
    const { op, trainer } = await trainingSetting(t);
    const course = await createCourse(t, op.id, { hours: 18 });
    const trainerUser = trainer.user;
    const res = await trainer.http.post('/api/training-waves', {
      operatorId: op.id,
      courseId: course.id,
      name: 'Gelombang Maret',
      mode: 'offline',
      venueName: 'Aula Kelurahan Pasir Putih',
      venueAddress: 'Jl. Pasir Putih 1',
      trainerUserId: trainerUser.id,
      capacity: 25,
      registrationDeadline: day(5),
      districtCodes: [SAWANGAN],
      sessions: [
        { date: day(7), startsAt: '08:30', endsAt: '15:00', topic: 'Pembukuan' },
        { date: day(6), startsAt: '08:30', endsAt: '15:00' },
        { date: day(8), startsAt: '08:30', endsAt: '12:00' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Gelombang Maret',
      course: { id: course.id, hours: 18 },
      trainerName: trainerUser.name,
      requiredDays: 3,
      startsOn: day(6),
      endsOn: day(8),
      status: 'scheduled',
      enrolled: 0,
      completionRate: null,
    });
    expect(res.body.sessions.map((s: { dayNo: number; date: string }) => [s.dayNo, s.date])).toEqual([
      [1, day(6)],
      [2, day(7)],
      [3, day(8)],
    ]);
    expect(res.body.sessions[1].topic).toBe('Pembukuan');

    const upcoming = await trainer.http.get(`/api/training-waves?operatorId=${op.id}&when=upcoming`);
    expect(upcoming.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
    expect((await trainer.http.get(`/api/training-waves?operatorId=${op.id}&when=past`)).body.total).toBe(0);
    expect((await trainer.http.get(`/api/training-waves?operatorId=${op.id}&districtCode=${BEJI}`)).body.total).toBe(0);
    expect((await trainer.http.get(`/api/training-waves?operatorId=${op.id}&q=maret`)).body.total).toBe(1);
  });

  it('refuses a wave with bad days, place, deadline or references, writing nothing', async () => {
    const { op, trainer } = await trainingSetting(t);
    const course = await createCourse(t, op.id);
    const other = await createOperator(t);
    const foreignCourse = await createCourse(t, other.id);
    const count = async () =>
      (
        await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM training_waves WHERE operator_id = $1`, [
          op.id,
        ])
      )[0].n;
    const base = {
      operatorId: op.id,
      courseId: course.id,
      name: 'Gelombang',
      mode: 'offline',
      venueName: 'Aula',
      capacity: 10,
      sessions: [{ date: day(3), startsAt: '08:00', endsAt: '12:00' }],
    };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ sessions: [] }, ['sessions']],
      [
        {
          sessions: [
            { date: day(3), startsAt: '08:00', endsAt: '07:00' },
            { date: day(3), startsAt: '08:00', endsAt: '12:00' },
          ],
          requiredDays: 3,
        },
        ['requiredDays', 'sessions.0.endsAt', 'sessions.1.date'],
      ],
      [{ mode: 'online', venueName: null }, ['onlineUrl']],
      [{ venueName: null }, ['venueName']],
      [{ registrationDeadline: day(4) }, ['registrationDeadline']],
      [{ sessions: [{ date: day(3), startsAt: '8:00', endsAt: '12:00' }] }, ['sessions.0.startsAt']],
      [{ capacity: 0 }, ['capacity']],
      [{ courseId: foreignCourse.id, districtCodes: ['35.01.01'] }, ['courseId', 'districtCodes.0']],
    ];
    for (const [over, paths] of cases) {
      const res = await trainer.http.post('/api/training-waves', { ...base, ...over });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(paths);
    }
    expect(await count()).toBe(0);
  });

  it('changes a scheduled wave and refuses changes to a cancelled one', async () => {
    const { op, trainer, coordinator } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id, days: [3, 4] });
    expect((await coordinator.http.patch(`/api/training-waves/${wave.id}`, { name: 'X' })).status).toBe(403);
    const res = await trainer.http.patch(`/api/training-waves/${wave.id}`, { name: 'Gelombang Baru', requiredDays: 1 });
    expect(res.body).toMatchObject({ name: 'Gelombang Baru', requiredDays: 1 });
    const tooMany = await trainer.http.patch(`/api/training-waves/${wave.id}`, { requiredDays: 3 });
    expect(tooMany.body.error.details[0].path).toBe('requiredDays');
    const online = await trainer.http.patch(`/api/training-waves/${wave.id}`, { mode: 'online' });
    expect(online.body.error.details[0].path).toBe('onlineUrl');
    await trainer.http.patch(`/api/training-waves/${wave.id}`, { status: 'cancelled' });
    const late = await trainer.http.patch(`/api/training-waves/${wave.id}`, { name: 'Lagi' });
    expect(late.status).toBe(409);
    const closing = await trainer.http.post(`/api/training-waves/${wave.id}/close`);
    expect(closing.status).toBe(409);
  });

  it('appears in the OpenAPI document under the trainings tag', async () => {
    const doc = (await t.http.get('/api/openapi.json')).body;
    const paths = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>);
    const ours = paths.filter(([, ops]) => Object.values(ops).some((o) => o.tags?.includes('trainings')));
    const names = ours.map(([p]) => p);
    for (const p of [
      '/api/courses',
      '/api/training-waves',
      '/api/training-waves/{id}/check-ins',
      '/api/training-waves/{id}/attendance.xlsx',
      '/api/public/certificates/{token}',
      '/api/me/trainings',
      '/api/me/check-in',
    ])
      expect(names).toContain(p);
    for (const [, ops] of ours) for (const o of Object.values(ops)) expect(o.summary).toBeTruthy();
  });

  it('is read by staff of the operator only', async () => {
    const { op } = await trainingSetting(t);
    const wave = await createWave(t, { operatorId: op.id });
    const outsider = await signedIn(t, { roles: [{ role: 'trainer', operatorId: (await createOperator(t)).id }] });
    expect((await outsider.http.get(`/api/training-waves/${wave.id}`)).status).toBe(404);
    expect((await outsider.http.get(`/api/training-waves?operatorId=${op.id}`)).body.total).toBe(0);
    expect((await t.http.get(`/api/training-waves/${wave.id}`)).status).toBe(401);
  });
});
