import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { loadPersonFor } from '../participants/journey.service.js';
import { people } from '../participants/participants.schema.js';
import { rosterOf } from './roster.js';
import { contextOf, recipientColumns, type Seats } from './seats.js';
import { loadWave, PERSON, type Wave } from './trainings-common.js';

export type EnrollResult = {
  enrolled: number;
  waitlisted: number;
  already: number;
  results: Array<{ personId: string; status: 'enrolled' | 'waitlisted' | 'already'; waitlistPosition: number | null }>;
};

/** 409 for an enrollment into a wave that no longer takes people. */
export function registrationClosed(wave: Pick<Wave, 'status'>) {
  return new AppError(
    'REGISTRATION_CLOSED',
    wave.status === 'cancelled'
      ? { id: 'Gelombang pelatihan ini dibatalkan', en: 'This training wave was cancelled' }
      : { id: 'Pendaftaran gelombang ini sudah ditutup', en: 'Registration for this wave is closed' },
    { waveStatus: wave.status },
  );
}

/**
 * Staff enrolling members (one, a selection, or a bulk action from the participant list) and cancelling; the roster.
 * Every person must lie inside the caller's `trainings.enroll` scope and belong to the wave's operator.
 */
export function makeEnrollmentService(db: Db, deps: { seats: Seats }) {
  async function enroll(
    actor: Actor | undefined,
    waveId: string,
    input: { personIds: string[] },
  ): Promise<EnrollResult> {
    const scope = requireAccess(actor, 'trainings.enroll');
    const wave = await loadWave(db, actor, waveId, 'trainings.enroll');
    const ids = [...new Set(input.personIds)];
    const persons = await db
      .select({ ...recipientColumns, status: people.status })
      .from(people)
      .where(
        and(
          inArray(people.id, ids),
          eq(people.operatorId, wave.operatorId),
          scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
        ),
      );
    // Missing, out of scope, another operator's: one 404 naming none of them.
    if (persons.length !== ids.length) throw AppError.notFound(PERSON);
    const byId = new Map(persons.map((p) => [p.id, p]));
    const merged: ErrorDetail[] = [];
    input.personIds.forEach((id, i) => {
      if (byId.get(id)!.status === 'merged')
        merged.push({
          path: `personIds.${i}`,
          code: 'merged',
          message: 'Data peserta ini sudah digabung ke data lain',
          en: 'This participant record has been merged into another one',
        });
    });
    if (merged.length)
      throw new AppError(
        'UNPROCESSABLE',
        { id: 'Sebagian peserta sudah digabung ke data lain', en: 'Some participants have been merged into others' },
        merged,
      );
    return db.transaction(async (tx) => {
      const locked = await loadWave(tx, actor, waveId, null, { lock: true });
      if (locked.status !== 'scheduled') throw registrationClosed(locked);
      const placed = await deps.seats.place(
        tx,
        actor!,
        await contextOf(tx, locked),
        ids.map((id) => byId.get(id)!),
        { source: 'staff', stage: { actor: actor!, permission: 'trainings.enroll' } },
      );
      const statusOf = (id: string) =>
        placed.enrolled.includes(id) ? 'enrolled' : placed.waitlisted.includes(id) ? 'waitlisted' : 'already';
      return {
        enrolled: placed.enrolled.length,
        waitlisted: placed.waitlisted.length,
        already: placed.already.length,
        results: ids.map((id) => ({
          personId: id,
          status: statusOf(id),
          waitlistPosition: placed.positions.get(id) ?? null,
        })),
      };
    });
  }

  return {
    enroll,

    /** Cancels a member's place (or waitlist spot); the first waitlisted member moves up and is told. */
    async cancel(actor: Actor | undefined, waveId: string, personId: string): Promise<{ promoted: string | null }> {
      const wave = await loadWave(db, actor, waveId, 'trainings.enroll');
      const person = await loadPersonFor(db, actor, personId, 'trainings.enroll');
      if (person.operatorId !== wave.operatorId) throw AppError.notFound(PERSON);
      return db.transaction(async (tx) => {
        const locked = await loadWave(tx, actor, waveId, null, { lock: true });
        if (locked.status !== 'scheduled') throw registrationClosed(locked);
        return deps.seats.release(tx, actor!, await contextOf(tx, locked), person);
      });
    },

    roster: (actor: Actor | undefined, waveId: string) => rosterOf(db, actor, waveId),
  };
}

export type EnrollmentService = ReturnType<typeof makeEnrollmentService>;
