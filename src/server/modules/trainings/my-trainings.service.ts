import { and, asc, count, eq, inArray, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import { type EnrollmentStatus, inAudience, registrationOpen } from '../../../shared/trainings.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { requireAccess } from '../access/access.js';
import { type Actor, systemActor } from '../access/actor.js';
import type { MembersService } from '../members/members.service.js';
import { loadPersonFor } from '../participants/journey.service.js';
import { enrollments, type people } from '../participants/participants.schema.js';
import { tracks } from '../programs/programs.schema.js';
import { contextOf, type Seats, waitlistPositions } from './seats.js';
import { attendance, certificates, trainingEnrollments, trainingWaves } from './trainings.schema.js';
import { type Clock, loadWave, WAVE } from './trainings-common.js';
import { selectWaves, summariesOf } from './wave-views.js';

type Person = typeof people.$inferSelect;
type Audience = { districtCode: string; programIds: string[]; trackIds: string[] };

/**
 * A member's own trainings (signed in with a member account): what they are in, what is open to them, enrolling and
 * cancelling themselves. The person is always the account's own (`members.personOf`), never one named in the request.
 */
export function makeMyTrainingsService(db: Db, deps: { members: MembersService; seats: Seats; clock: Clock }) {
  /** The programs and tracks the member was accepted to, which decide the waves meant for them. */
  async function audienceOf(dbOrTx: DbOrTx, person: Person): Promise<Audience> {
    const accepted = await dbOrTx
      .select({ trackId: enrollments.trackId, programId: tracks.programId })
      .from(enrollments)
      .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
      .where(and(eq(enrollments.personId, person.id), eq(enrollments.status, 'accepted')));
    return {
      districtCode: person.domicileDistrictCode,
      programIds: accepted.map((a) => a.programId),
      trackIds: accepted.map((a) => a.trackId),
    };
  }

  function openTo(person: Person, audience: Audience, today: string) {
    return and(
      eq(trainingWaves.operatorId, person.operatorId),
      eq(trainingWaves.status, 'scheduled'),
      sql`coalesce(${trainingWaves.registrationDeadline}, ${trainingWaves.startsOn}) >= ${today}`,
      sql`(${trainingWaves.districtCodes} = '{}' or ${audience.districtCode} = any(${trainingWaves.districtCodes}))`,
      or(
        isNull(trainingWaves.programId),
        audience.programIds.length ? inArray(trainingWaves.programId, audience.programIds) : sql`false`,
      ),
      or(
        isNull(trainingWaves.trackId),
        audience.trackIds.length ? inArray(trainingWaves.trackId, audience.trackIds) : sql`false`,
      ),
      notExists(
        db
          .select({ one: sql`1` })
          .from(trainingEnrollments)
          .where(
            and(
              eq(trainingEnrollments.waveId, trainingWaves.id),
              eq(trainingEnrollments.personId, person.id),
              ne(trainingEnrollments.status, 'cancelled'),
            ),
          ),
      ),
    );
  }

  /** A person's waves (with their status, days attended and certificate) and the waves still open to them. */
  async function trainingsOf(person: Person) {
    const today = deps.clock.today();
    const audience = await audienceOf(db, person);
    const [mine, open, days, certs] = await Promise.all([
      selectWaves(db)
        .innerJoin(trainingEnrollments, eq(trainingEnrollments.waveId, trainingWaves.id))
        .where(and(eq(trainingEnrollments.personId, person.id), ne(trainingEnrollments.status, 'cancelled')))
        .orderBy(asc(trainingWaves.startsOn)),
      selectWaves(db)
        .where(openTo(person, audience, today))
        .orderBy(asc(trainingWaves.startsOn))
        .limit(100),
      db
        .select({ waveId: attendance.waveId, n: count() })
        .from(attendance)
        .where(eq(attendance.personId, person.id))
        .groupBy(attendance.waveId),
      db
        .select({ waveId: certificates.waveId, id: certificates.id, serial: certificates.serial })
        .from(certificates)
        .where(and(eq(certificates.personId, person.id), isNull(certificates.revokedAt))),
    ]);
    const statuses = await db
      .select({ waveId: trainingEnrollments.waveId, status: trainingEnrollments.status })
      .from(trainingEnrollments)
      .where(eq(trainingEnrollments.personId, person.id));
    const statusOf = new Map(statuses.map((s) => [s.waveId, s.status as EnrollmentStatus]));
    const positions = new Map<string, number | null>();
    for (const s of statuses.filter((x) => x.status === 'waitlisted'))
      positions.set(s.waveId, (await waitlistPositions(db, s.waveId)).get(person.id) ?? null);
    const daysOf = new Map(days.map((d) => [d.waveId, d.n]));
    const certOf = new Map(certs.map((c) => [c.waveId, { id: c.id, serial: c.serial }]));
    const summaries = await summariesOf(db, mine);
    return {
      enrollments: summaries.map((w) => ({
        ...w,
        enrollmentStatus: statusOf.get(w.id)!,
        waitlistPosition: positions.get(w.id) ?? null,
        daysAttended: daysOf.get(w.id) ?? 0,
        certificate: certOf.get(w.id) ?? null,
      })),
      open: await summariesOf(db, open),
    };
  }

  return {
    list: async (actor: Actor | undefined) => trainingsOf(await deps.members.personOf(actor)),

    /** The same view for staff on the member page (the person in their scope, trainings readable to them). */
    async ofPerson(actor: Actor | undefined, personId: string) {
      requireAccess(actor, 'trainings.read');
      return trainingsOf(await loadPersonFor(db, actor, personId, 'participants.read'));
    },

    /** Self-enrollment: only in a wave meant for the member and before its deadline; a full wave puts them in line. */
    async enroll(actor: Actor | undefined, waveId: string) {
      const person = await deps.members.personOf(actor);
      const audience = await audienceOf(db, person);
      return db.transaction(async (tx) => {
        const wave = await loadWave(tx, actor, waveId, null, { lock: true });
        if (wave.operatorId !== person.operatorId) throw AppError.notFound(WAVE);
        const [existing] = await tx
          .select({ status: trainingEnrollments.status })
          .from(trainingEnrollments)
          .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.personId, person.id)));
        if (existing && existing.status !== 'cancelled')
          throw new AppError(
            'ALREADY_ENROLLED',
            { id: 'Anda sudah terdaftar di gelombang ini', en: 'You are already enrolled in this wave' },
            { status: existing.status },
          );
        if (!registrationOpen(wave, deps.clock.today()) || !inAudience(wave, audience))
          throw new AppError(
            'REGISTRATION_CLOSED',
            inAudience(wave, audience)
              ? { id: 'Pendaftaran gelombang ini sudah ditutup', en: 'Registration for this wave is closed' }
              : { id: 'Gelombang ini tidak dibuka untuk Anda', en: 'This wave is not open to you' },
          );
        const placed = await deps.seats.place(tx, actor!, await contextOf(tx, wave), [person], {
          source: 'self',
          stage: { actor: systemActor('member-self') },
        });
        const status = placed.enrolled.length ? ('enrolled' as const) : ('waitlisted' as const);
        return { status, waitlistPosition: placed.positions.get(person.id) ?? null };
      });
    },

    /** The member gives up their place (or waitlist spot); `promoted` tells whether someone moved up. */
    async cancel(actor: Actor | undefined, waveId: string) {
      const person = await deps.members.personOf(actor);
      return db.transaction(async (tx) => {
        const wave = await loadWave(tx, actor, waveId, null, { lock: true });
        if (wave.operatorId !== person.operatorId) throw AppError.notFound(WAVE);
        if (wave.status !== 'scheduled')
          throw new AppError('REGISTRATION_CLOSED', {
            id: 'Gelombang ini sudah ditutup atau dibatalkan',
            en: 'This wave has been closed or cancelled',
          });
        const { promoted } = await deps.seats.release(tx, actor!, await contextOf(tx, wave), person);
        return { promoted: promoted !== null };
      });
    },
  };
}

export type MyTrainingsService = ReturnType<typeof makeMyTrainingsService>;
