import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng, zip } from '../../src/server/platform/files/test-fixtures.js';
import { BEJI, createOperator, createParticipant, PASIR_PUTIH, SAWANGAN, signedIn } from '../support/factories.js';
import { type Part, postMultipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTrack } from '../support/tracks.js';

let t: TestApp;
beforeAll(async () => {
  // 0.01 MB: room for the test files, and a cheap way past the limit.
  t = await createTestApp({ SENTRA_UPLOAD_MAX_MB: '0.01' });
});
afterAll(() => t?.close());

const tinyPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

const upload = (cookie: string, personId: string, parts: Part[]) =>
  postMultipart(t.app, `/api/participants/${personId}/documents`, parts, cookie);

const download = (cookie: string, personId: string, docId: string) =>
  t.app.inject({ method: 'GET', url: `/api/participants/${personId}/documents/${docId}/file`, headers: { cookie } });

async function setting() {
  const op = await createOperator(t);
  const person = await createParticipant(t, { operatorId: op.id, domicileVillageCode: PASIR_PUTIH });
  const staff = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  return { op, person, business: person.businesses[0], staff };
}

const linksOf = async (personId: string) =>
  (
    await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant_files WHERE person_id = $1`, [
      personId,
    ])
  )[0].n;

describe('participant documents', () => {
  it('uploads a business photo and a KTP, lists them and gives the same bytes back', async () => {
    const { person, business, staff } = await setting();
    const png = tinyPng();
    const photo = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'business_photo' },
      { name: 'businessId', value: business.id },
      { name: 'file', filename: 'warung depan.jpg', type: 'image/jpeg', data: png },
    ]);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'business_photo',
      businessId: business.id,
      originalName: 'warung depan.png',
      contentType: 'image/png',
      size: png.length,
    });

    const pdf = tinyPdf();
    const ktp = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'ktp' },
      { name: 'file', filename: 'ktp.pdf', type: 'application/pdf', data: pdf },
    ]);
    expect(ktp.statusCode, ktp.body).toBe(201);
    expect(ktp.json()).toMatchObject({ kind: 'ktp', businessId: null, contentType: 'application/pdf' });

    const list = await staff.http.get(`/api/participants/${person.id}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((d: { kind: string }) => d.kind).sort()).toEqual(['business_photo', 'ktp']);

    const got = await download(staff.cookie, person.id, photo.json().id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload).toEqual(png);
    expect(got.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await download(staff.cookie, person.id, ktp.json().id)).rawPayload).toEqual(pdf);

    const [{ n: views }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_document' AND entity_id = $1`,
      [photo.json().id],
    );
    expect(views).toBe(1);

    const removed = await staff.http.delete(`/api/participants/${person.id}/documents/${ktp.json().id}`);
    expect(removed.status).toBe(204);
    expect(await linksOf(person.id)).toBe(1);
    const [{ n: kept }] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM files WHERE id = $1`, [
      ktp.json().fileId,
    ]);
    expect(kept).toBe(1);
  });

  it('refuses a disguised file, a photo that is a PDF, a file too big and a stranger’s business, linking nothing', async () => {
    const { op, person, staff } = await setting();
    const disguised = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'ktp' },
      { name: 'file', filename: 'ktp.pdf', type: 'application/pdf', data: zip({ 'a.txt': 'bukan pdf' }) },
    ]);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const pdfAsPhoto = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'business_photo' },
      { name: 'file', filename: 'foto.pdf', type: 'application/pdf', data: tinyPdf() },
    ]);
    expect(pdfAsPhoto.statusCode).toBe(415);

    const big = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'other' },
      {
        name: 'file',
        filename: 'besar.png',
        type: 'image/png',
        data: Buffer.concat([tinyPng(), Buffer.alloc(20_000)]),
      },
    ]);
    expect(big.statusCode).toBe(413);

    const other = await createParticipant(t, { operatorId: op.id, domicileVillageCode: PASIR_PUTIH });
    const foreign = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'business_photo' },
      { name: 'businessId', value: other.businesses[0].id },
      { name: 'file', filename: 'foto.png', type: 'image/png', data: tinyPng() },
    ]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ path: 'businessId' });

    const badKind = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'paspor' },
      { name: 'file', filename: 'foto.png', type: 'image/png', data: tinyPng() },
    ]);
    expect(badKind.statusCode).toBe(400);
    expect(await linksOf(person.id)).toBe(0);
  });

  it('a coordinator of Beji gets 404 for a Sawangan person’s documents, even with the ids', async () => {
    const { op, person, staff } = await setting();
    const doc = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'kk' },
      { name: 'file', filename: 'kk.png', type: 'image/png', data: tinyPng() },
    ]);
    expect(doc.statusCode).toBe(201);
    const beji = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: BEJI }] });
    expect((await beji.http.get(`/api/participants/${person.id}/documents`)).status).toBe(404);
    expect((await download(beji.cookie, person.id, doc.json().id)).statusCode).toBe(404);
    expect((await beji.http.delete(`/api/participants/${person.id}/documents/${doc.json().id}`)).status).toBe(404);
    const sneaky = await upload(beji.cookie, person.id, [
      { name: 'kind', value: 'kk' },
      { name: 'file', filename: 'kk.png', type: 'image/png', data: tinyPng() },
    ]);
    expect(sneaky.statusCode).toBe(404);
    expect(await linksOf(person.id)).toBe(1);
  });

  it('an uploaded recommendation letter satisfies the track’s documents rule', async () => {
    const { op, person, staff } = await setting();
    const { track } = await createTrack(t, { operatorId: op.id, requiredDocuments: ['recommendation_letter'] });
    const enrolled = await staff.http.post(`/api/participants/${person.id}/enrollments`, { trackId: track.id });
    expect(enrolled.status).toBe(201);
    const rule = (body: { eligibility: Array<{ rule: string; ok: boolean }> }) =>
      body.eligibility.find((r) => r.rule === 'documents');
    expect(rule(enrolled.body)?.ok).toBe(false);

    const letter = await upload(staff.cookie, person.id, [
      { name: 'kind', value: 'recommendation_letter' },
      { name: 'file', filename: 'rekomendasi.pdf', type: 'application/pdf', data: tinyPdf() },
    ]);
    expect(letter.statusCode).toBe(201);
    const checked = await staff.http.post(`/api/enrollments/${enrolled.body.id}/decisions`, {
      status: 'documents_checked',
    });
    expect(checked.status).toBe(200);
    expect(rule(checked.body)?.ok).toBe(true);
  });
});
