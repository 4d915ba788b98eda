import { systemActor } from '../../src/server/modules/access/actor.js';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { addDays } from '../../src/shared/dates.js';
import type { CourseInput, WaveInput } from '../../src/shared/trainings.js';
import { createOperator, createParticipant, type ParticipantSpec, SAWANGAN, signedIn } from './factories.js';
import { signedInMember } from './member-factories.js';
import type { TestApp } from './test-app.js';

const system = systemActor('test');
let seq = 0;

/** A calendar day relative to today in WIB (0 = today). */
export const day = (offset: number) => addDays(todayWib(), offset);

/** A course in the operator's catalog, made through the service. */
export async function createCourse(t: TestApp, operatorId: string, over: Partial<CourseInput> = {}) {
  return t.services.trainings.courses.create(system, {
    operatorId,
    title: `Manajemen Keuangan Usaha ${seq++}`,
    topics: ['keuangan'],
    level: 'dasar',
    hours: 12,
    materials: [],
    ...over,
  });
}

export type WaveSpec = Partial<Omit<WaveInput, 'sessions'>> & {
  operatorId: string;
  /** Day offsets from today (WIB); one session per day, 08:00–16:00. */
  days?: number[];
  sessions?: WaveInput['sessions'];
};

/** A scheduled offline wave (today and the next two days by default) of a new course unless one is given. */
export async function createWave(t: TestApp, spec: WaveSpec) {
  const { days = [0, 1, 2], sessions, ...rest } = spec;
  const courseId = rest.courseId ?? (await createCourse(t, spec.operatorId)).id;
  return t.services.trainings.waves.create(system, {
    name: `Gelombang ${seq++}`,
    mode: 'offline',
    venueName: 'Aula Kecamatan Sawangan',
    venueAddress: 'Jl. Raya Sawangan No. 1',
    capacity: 30,
    districtCodes: [],
    ...rest,
    courseId,
    sessions: sessions ?? days.map((d) => ({ date: day(d), startsAt: '08:00', endsAt: '16:00' })),
  });
}

/** An operator with a signed-in trainer (whole area), a Sawangan coordinator and a program admin. */
export async function trainingSetting(t: TestApp) {
  const op = await createOperator(t);
  const trainer = await signedIn(t, { roles: [{ role: 'trainer', operatorId: op.id }] });
  const coordinator = await signedIn(t, {
    roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }],
  });
  const admin = await signedIn(t, { roles: [{ role: 'program_admin', operatorId: op.id }] });
  return { op, trainer, coordinator, admin };
}

/** Registered people of the operator (Sawangan by default). */
export async function createPeople(t: TestApp, operatorId: string, n: number, spec: Partial<ParticipantSpec> = {}) {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await createParticipant(t, { operatorId, ...spec }));
  return people;
}

/** A member account for a person, signed in with their phone number: their HTTP client. */
export async function memberClient(t: TestApp, person: { id: string; phone: string | null }) {
  return (await signedInMember(t, person)).http;
}

/** Notifications queued for a template to a recipient. */
export async function outbox(t: TestApp, template: string, recipient?: string) {
  return t.database.query<{ recipient: string; channel: string; body: string; subject: string | null }>(
    `SELECT recipient, channel, body, subject FROM notifications WHERE template = $1 ${recipient ? 'AND recipient = $2' : ''} ORDER BY created_at`,
    recipient ? [template, recipient] : [template],
  );
}

/** Enrollment rows of a wave: person and status. */
export async function enrollmentsOf(t: TestApp, waveId: string) {
  return t.database.query<{ person_id: string; status: string }>(
    `SELECT person_id, status FROM training_enrollments WHERE wave_id = $1 ORDER BY created_at, id`,
    [waveId],
  );
}

/** Counts of rows in the tables a check-in or enrollment writes, to assert that a refused request wrote nothing. */
export async function trainingCounts(t: TestApp) {
  const [row] = await t.database.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM attendance) AS attendance,
            (SELECT count(*)::int FROM training_enrollments) AS enrollments,
            (SELECT count(*)::int FROM certificates) AS certificates,
            (SELECT count(*)::int FROM notifications) AS notifications,
            (SELECT count(*)::int FROM stage_events) AS stage_events,
            (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return row;
}
