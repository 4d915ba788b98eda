import { randomBytes } from 'node:crypto';
import { and, count, eq, like, sql } from 'drizzle-orm';
import { certificateSerial } from '../../../shared/trainings.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Actor, systemActor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { JourneyService } from '../participants/journey.service.js';
import type { Notices, Recipient } from './training-notices.js';
import { attendance, certificates, trainingEnrollments } from './trainings.schema.js';
import type { Clock, Wave } from './trainings-common.js';

/** One advisory lock serialises serial numbers across waves; the unique index on the serial is the backstop. */
const SERIAL_LOCK = 7_427_001;

/** Stage changes that follow from the rules (completion, promotion) are Sentra's doing, whoever triggered them. */
export const trainingsSystem = systemActor('trainings');

export type Certificate = typeof certificates.$inferSelect;

export async function daysAttended(tx: DbOrTx, waveId: string, personId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(attendance)
    .where(and(eq(attendance.waveId, waveId), eq(attendance.personId, personId)));
  return n;
}

/** Days attended per person in a wave, in one query (closing a wave decides everyone at once). */
export async function daysAttendedByPerson(tx: DbOrTx, waveId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ personId: attendance.personId, n: count() })
    .from(attendance)
    .where(eq(attendance.waveId, waveId))
    .groupBy(attendance.personId);
  return new Map(rows.map((r) => [r.personId, r.n]));
}

/**
 * Completion of a wave: the enrollment becomes `completed`, a certificate is issued (serial `SNTR-<year>-<n>`, a
 * random verification token), the Pelatihan stage is done and the member is told. Callers hold the wave's lock.
 */
export function makeCompletion(deps: { journey: JourneyService; notices: Notices; baseUrl: string; clock: Clock }) {
  const verifyUrl = (token: string) => `${deps.baseUrl}/verifikasi/${token}`;

  async function issueCertificate(
    tx: DbOrTx,
    input: { wave: Wave; personId: string; hours: number; by: string | null },
  ): Promise<Certificate> {
    const now = deps.clock.now();
    const [existing] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.waveId, input.wave.id), eq(certificates.personId, input.personId)));
    if (existing && !existing.revokedAt) return existing;
    if (existing) {
      // Completed again after an undone check-in: the same certificate (serial and QR) is valid again.
      const [restored] = await tx
        .update(certificates)
        .set({ revokedAt: null, issuedAt: now, issuedBy: input.by })
        .where(eq(certificates.id, existing.id))
        .returning();
      return restored;
    }
    await tx.execute(sql`select pg_advisory_xact_lock(${SERIAL_LOCK})`);
    const year = Number(deps.clock.today().slice(0, 4));
    const prefix = `SNTR-${year}-`;
    const [{ last }] = await tx
      .select({ last: sql<number | null>`max(split_part(${certificates.serial}, '-', 3)::int)` })
      .from(certificates)
      .where(like(certificates.serial, `${prefix}%`));
    const [created] = await tx
      .insert(certificates)
      .values({
        operatorId: input.wave.operatorId,
        waveId: input.wave.id,
        personId: input.personId,
        serial: certificateSerial(year, (last ?? 0) + 1),
        verifyToken: randomBytes(18).toString('base64url'),
        hours: input.hours,
        issuedAt: now,
        issuedBy: input.by,
      })
      .returning();
    return created;
  }

  async function complete(
    tx: DbOrTx,
    actor: Actor,
    input: { wave: Wave; course: { title: string; hours: number }; person: Recipient },
  ): Promise<Certificate> {
    const { wave, course, person } = input;
    const now = deps.clock.now();
    const [enrollment] = await tx
      .update(trainingEnrollments)
      .set({ status: 'completed', completedAt: now, updatedAt: now })
      .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.personId, person.id)))
      .returning({ id: trainingEnrollments.id });
    const certificate = await issueCertificate(tx, {
      wave,
      personId: person.id,
      hours: course.hours,
      by: actor.kind === 'user' ? actor.userId : null,
    });
    await deps.journey.recordStageForMany(
      trainingsSystem,
      [person.id],
      { stage: 2, status: 'done', source: 'trainings', occurredOn: deps.clock.today(), note: wave.name },
      { tx },
    );
    await recordAudit(tx, actor, {
      action: 'complete',
      entity: 'training_enrollment',
      entityId: enrollment.id,
      operatorId: wave.operatorId,
      after: { waveId: wave.id, personId: person.id, status: 'completed', certificate: certificate.serial },
    });
    await deps.notices.send(tx, [person], 'training.completed', () => ({
      course: course.title,
      wave: wave.name,
      serial: certificate.serial,
      url: verifyUrl(certificate.verifyToken),
    }));
    return certificate;
  }

  /** Undoes a completion whose attendance was withdrawn: back to enrolled, certificate revoked, stage in progress. */
  async function uncomplete(tx: DbOrTx, actor: Actor, input: { wave: Wave; personId: string }) {
    const now = deps.clock.now();
    const { wave, personId } = input;
    const [enrollment] = await tx
      .update(trainingEnrollments)
      .set({ status: 'enrolled', completedAt: null, updatedAt: now })
      .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.personId, personId)))
      .returning({ id: trainingEnrollments.id });
    await tx
      .update(certificates)
      .set({ revokedAt: now })
      .where(and(eq(certificates.waveId, wave.id), eq(certificates.personId, personId)));
    await deps.journey.recordStageForMany(
      trainingsSystem,
      [personId],
      { stage: 2, status: 'in_progress', source: 'trainings', occurredOn: deps.clock.today(), note: wave.name },
      { tx },
    );
    await recordAudit(tx, actor, {
      action: 'uncomplete',
      entity: 'training_enrollment',
      entityId: enrollment.id,
      operatorId: wave.operatorId,
      before: { status: 'completed' },
      after: { status: 'enrolled' },
    });
  }

  return { complete, uncomplete, issueCertificate, verifyUrl };
}

export type Completion = ReturnType<typeof makeCompletion>;
