import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import { activeStatuses, dateRange, type EnrollmentStatus, seatStatuses } from '../../../shared/trainings.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { centers } from '../operators/operators.schema.js';
import type { JourneyService } from '../participants/journey.service.js';
import { people } from '../participants/participants.schema.js';
import { trainingsSystem } from './completion.js';
import type { Notices, Recipient } from './training-notices.js';
import { courses, trainingEnrollments } from './trainings.schema.js';
import { type Clock, placeOf, type Wave } from './trainings-common.js';

/** A locked wave with what messages about it say: the course and the center. */
export type WaveContext = { wave: Wave; course: { title: string; hours: number }; centerName: string | null };

export const recipientColumns = {
  id: people.id,
  operatorId: people.operatorId,
  fullName: people.fullName,
  phone: people.phone,
  email: people.email,
};

export async function contextOf(tx: DbOrTx, wave: Wave): Promise<WaveContext> {
  const [course] = await tx
    .select({ title: courses.title, hours: courses.hours })
    .from(courses)
    .where(eq(courses.id, wave.courseId));
  const [center] = wave.centerId
    ? await tx.select({ name: centers.name }).from(centers).where(eq(centers.id, wave.centerId))
    : [];
  return { wave, course, centerName: center?.name ?? null };
}

/** Positions on the waitlist (1 = next to move up), first come first served. */
export async function waitlistPositions(tx: DbOrTx, waveId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ personId: trainingEnrollments.personId })
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.waveId, waveId), eq(trainingEnrollments.status, 'waitlisted')))
    .orderBy(asc(trainingEnrollments.createdAt), asc(trainingEnrollments.id));
  return new Map(rows.map((r, i) => [r.personId, i + 1]));
}

export const notEnrolled = (name: string, status?: string) =>
  new AppError(
    'NOT_ENROLLED',
    status === 'waitlisted'
      ? {
          id: `${name} masih di daftar tunggu gelombang ini, belum terdaftar`,
          en: `${name} is still on the waiting list of this wave, not enrolled`,
        }
      : { id: `${name} tidak terdaftar di gelombang ini`, en: `${name} is not enrolled in this wave` },
    { status: status ?? null },
  );

/**
 * Places in a wave: seating people up to the capacity and the rest on the waitlist, releasing a place and moving the
 * first waitlisted member up. Every function runs in the caller's transaction, which holds the wave's row lock
 * (`loadWave(..., { lock: true })`), so the count of taken seats cannot change between reading and writing it.
 */
export function makeSeats(deps: { journey: JourneyService; notices: Notices; clock: Clock }) {
  async function seatsTaken(tx: DbOrTx, waveId: string): Promise<number> {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.waveId, waveId), inArray(trainingEnrollments.status, [...seatStatuses])));
    return n;
  }

  /** Pelatihan moves to in progress for people who had not started it (never back from done). */
  async function startStage(tx: DbOrTx, ids: string[], stage: { actor: Actor; permission?: Permission }) {
    if (ids.length === 0) return;
    const current = await deps.journey.stagesOf(ids, tx);
    const fresh = ids.filter((id) => current.get(id)![1].status === 'not_started');
    if (fresh.length === 0) return;
    await deps.journey.recordStageForMany(
      stage.actor,
      fresh,
      { stage: 2, status: 'in_progress', source: 'trainings', occurredOn: deps.clock.today() },
      { tx, permission: stage.permission },
    );
  }

  const messageValues = (ctx: WaveContext, locale: 'id' | 'en') => ({
    course: ctx.course.title,
    wave: ctx.wave.name,
    dates: dateRange(ctx.wave.startsOn, ctx.wave.endsOn, locale),
  });

  /** Moves waitlisted members into free seats, in waitlist order, and tells them. */
  async function promote(tx: DbOrTx, ctx: WaveContext): Promise<string[]> {
    if (ctx.wave.status !== 'scheduled') return [];
    const free = ctx.wave.capacity - (await seatsTaken(tx, ctx.wave.id));
    if (free <= 0) return [];
    const next = await tx
      .select({ enrollmentId: trainingEnrollments.id, person: recipientColumns })
      .from(trainingEnrollments)
      .innerJoin(people, eq(people.id, trainingEnrollments.personId))
      .where(and(eq(trainingEnrollments.waveId, ctx.wave.id), eq(trainingEnrollments.status, 'waitlisted')))
      .orderBy(asc(trainingEnrollments.createdAt), asc(trainingEnrollments.id))
      .limit(free);
    if (next.length === 0) return [];
    const ids = next.map((n) => n.person.id);
    await tx
      .update(trainingEnrollments)
      .set({ status: 'enrolled', updatedAt: deps.clock.now() })
      .where(
        inArray(
          trainingEnrollments.id,
          next.map((n) => n.enrollmentId),
        ),
      );
    await startStage(tx, ids, { actor: trainingsSystem });
    await recordAudit(tx, trainingsSystem, {
      action: 'promote',
      entity: 'training_wave',
      entityId: ctx.wave.id,
      operatorId: ctx.wave.operatorId,
      after: { promoted: ids },
    });
    await deps.notices.send(
      tx,
      next.map((n) => n.person),
      'training.promoted',
      (_p, locale) => ({
        ...messageValues(ctx, locale),
        place: placeOf({ ...ctx.wave, centerName: ctx.centerName }, locale),
      }),
    );
    return ids;
  }

  /**
   * Seats people (in the order given) while places last and puts the rest on the waitlist; people already in the
   * wave are left as they are. A person who cancelled before comes back at the end of the line.
   */
  async function place(
    tx: DbOrTx,
    actor: Actor,
    ctx: WaveContext,
    persons: Recipient[],
    options: { source: 'staff' | 'self'; stage: { actor: Actor; permission?: Permission } },
  ) {
    const { wave } = ctx;
    const existing = await tx
      .select({ personId: trainingEnrollments.personId, status: trainingEnrollments.status })
      .from(trainingEnrollments)
      .where(
        and(
          eq(trainingEnrollments.waveId, wave.id),
          inArray(
            trainingEnrollments.personId,
            persons.map((p) => p.id),
          ),
        ),
      );
    const inWave = new Set(
      existing.filter((e) => activeStatuses.includes(e.status as EnrollmentStatus)).map((e) => e.personId),
    );
    const fresh = persons.filter((p) => !inWave.has(p.id));
    // A seat freed without a promotion (none so far) goes to those already waiting before any newcomer.
    await promote(tx, ctx);
    const free = Math.max(0, wave.capacity - (await seatsTaken(tx, wave.id)));
    const seated = fresh.slice(0, free);
    const waiting = fresh.slice(free);
    if (fresh.length) {
      const by = actor.kind === 'user' ? actor.userId : null;
      await tx
        .insert(trainingEnrollments)
        .values(
          fresh.map((p, i) => ({
            operatorId: wave.operatorId,
            waveId: wave.id,
            personId: p.id,
            status: i < free ? 'enrolled' : 'waitlisted',
            source: options.source,
            enrolledBy: by,
            // Distinct, increasing times keep the waitlist in the order people were given.
            createdAt: sql`clock_timestamp() + (${i}::int * interval '1 microsecond')`,
          })),
        )
        .onConflictDoUpdate({
          target: [trainingEnrollments.waveId, trainingEnrollments.personId],
          set: {
            status: sql`excluded.status`,
            source: sql`excluded.source`,
            enrolledBy: sql`excluded.enrolled_by`,
            createdAt: sql`excluded.created_at`,
            completedAt: null,
            updatedAt: sql`now()`,
          },
          setWhere: sql`${trainingEnrollments.status} = 'cancelled'`,
        });
      await startStage(
        tx,
        seated.map((p) => p.id),
        options.stage,
      );
      await recordAudit(tx, actor, {
        action: 'enroll',
        entity: 'training_wave',
        entityId: wave.id,
        operatorId: wave.operatorId,
        after: { source: options.source, enrolled: seated.map((p) => p.id), waitlisted: waiting.map((p) => p.id) },
      });
    }
    const positions = await waitlistPositions(tx, wave.id);
    await deps.notices.send(tx, seated, 'training.enrolled', (_p, locale) => ({
      ...messageValues(ctx, locale),
      place: placeOf({ ...wave, centerName: ctx.centerName }, locale),
    }));
    await deps.notices.send(tx, waiting, 'training.waitlisted', (p, locale) => ({
      ...messageValues(ctx, locale),
      position: positions.get(p.id)!,
    }));
    return {
      enrolled: seated.map((p) => p.id),
      waitlisted: waiting.map((p) => p.id),
      already: persons.filter((p) => inWave.has(p.id)).map((p) => p.id),
      positions,
    };
  }

  /** Cancels an enrollment (seated or waiting); a freed seat goes to the first waitlisted member. */
  async function release(tx: DbOrTx, actor: Actor, ctx: WaveContext, person: { id: string; fullName: string }) {
    const [row] = await tx
      .select()
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.waveId, ctx.wave.id), eq(trainingEnrollments.personId, person.id)));
    if (!row || (row.status !== 'enrolled' && row.status !== 'waitlisted')) {
      if (row?.status === 'completed' || row?.status === 'not_completed')
        throw new AppError('INVALID_TRANSITION', {
          id: `Hasil pelatihan ${person.fullName} sudah diputuskan; pendaftarannya tidak dapat dibatalkan`,
          en: `The training result of ${person.fullName} has been decided; the enrollment cannot be cancelled`,
        });
      throw notEnrolled(person.fullName);
    }
    await tx
      .update(trainingEnrollments)
      .set({ status: 'cancelled', updatedAt: deps.clock.now() })
      .where(eq(trainingEnrollments.id, row.id));
    await recordAudit(tx, actor, {
      action: 'cancel',
      entity: 'training_enrollment',
      entityId: row.id,
      operatorId: ctx.wave.operatorId,
      before: { status: row.status },
      after: { status: 'cancelled' },
    });
    const promoted = row.status === 'enrolled' ? await promote(tx, ctx) : [];
    return { promoted: promoted[0] ?? null };
  }

  return { place, release, promote, seatsTaken };
}

export type Seats = ReturnType<typeof makeSeats>;
