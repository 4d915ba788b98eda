import { systemActor } from '../../src/server/modules/access/actor.js';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { tinyPng } from '../../src/server/platform/files/test-fixtures.js';
import { addDays } from '../../src/shared/dates.js';
import { createOperator, createParticipant, PASIR_PUTIH, SAWANGAN, signedIn } from './factories.js';
import { postMultipart } from './multipart.js';
import { type TestApp, testOrigin } from './test-app.js';

const system = systemActor('test');

/** A WIB date `n` days before today (negative: after). */
export const daysAgo = (n: number) => addDays(todayWib(), -n);

/** A signed-in mentor (pendamping) of an operator within a region (Sawangan by default). */
export const signedInMentor = (t: TestApp, operatorId: string, regionPrefix: string | null = SAWANGAN, name?: string) =>
  signedIn(t, { name, roles: [{ role: 'mentor', operatorId, regionPrefix }] });

/**
 * An operator with a Sawangan coordinator, a program admin, a Sawangan mentor and `members` Pasir Putih residents
 * (registered, not yet assigned).
 */
export async function mentoringSetting(t: TestApp, members = 2) {
  const op = await createOperator(t);
  const coordinator = await signedIn(t, {
    roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
  });
  const admin = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  const mentor = await signedInMentor(t, op.id, SAWANGAN, 'Pendamping Sawangan');
  const people = [];
  for (let i = 0; i < members; i++)
    people.push(await createParticipant(t, { operatorId: op.id, domicileVillageCode: PASIR_PUTIH }));
  return { op, coordinator, admin, mentor, people };
}

/** Assigns people to a mentor through the mentoring service (as Sentra itself). */
export const assign = (t: TestApp, personIds: string[], mentorUserId: string, overrideCapacity = true) =>
  t.services.mentoring.assign(system, { personIds, mentorUserId, overrideCapacity });

/** A session log body for POST /api/mentoring/sessions: one hour's visit about finance, held today. */
export const sessionBody = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  heldOn: todayWib(),
  mode: 'visit',
  prepHours: 0.5,
  contactHours: 1,
  topics: ['finance'],
  notes: 'Membahas pembukuan harian',
  ...over,
});

/** The operator's center in a kecamatan (one per kecamatan). */
export const createCenter = (t: TestApp, operatorId: string, districtCode = SAWANGAN) =>
  t.services.operators.createCenter(system, operatorId, { districtCode, name: `Sentra ${districtCode}` });

/** A photo uploaded through POST /api/files by the session's owner; returns the file id. */
export async function uploadPhoto(t: TestApp, cookie: string, operatorId: string): Promise<string> {
  const res = await postMultipart(
    t.app,
    '/api/files',
    [
      { name: 'operatorId', value: operatorId },
      { name: 'purpose', value: 'photo' },
      { name: 'file', filename: 'produk.png', type: 'image/png', data: tinyPng() },
    ],
    cookie,
  );
  if (res.statusCode !== 201) throw new Error(`upload failed (${res.statusCode}): ${res.body}`);
  return JSON.parse(res.body).id;
}

/** Notifications queued with a template, newest last. */
export const queued = (t: TestApp, template: string, recipient?: string) =>
  t.database.query<{ recipient: string; body: string; channel: string }>(
    `SELECT recipient, body, channel FROM notifications WHERE template = $1 ${recipient ? 'AND recipient = $2' : ''} ORDER BY created_at`,
    recipient ? [template, recipient] : [template],
  );

/** PUT through the whole HTTP stack with someone's session (the shared test client has no PUT). */
export async function put(t: TestApp, who: { cookie: string }, url: string, body: unknown) {
  const res = await t.app.inject({
    method: 'PUT',
    url,
    payload: body as object,
    headers: { origin: testOrigin, cookie: who.cookie },
  });
  return { status: res.statusCode, body: res.json() };
}
