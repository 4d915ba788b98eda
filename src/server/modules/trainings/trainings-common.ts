import { eq } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Files } from '../../platform/files/files.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import type { CodeSigner } from '../../platform/signed-codes.js';
import { requireAccess, type Scope, scopeOf, type Target } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import type { MembersService } from '../members/members.service.js';
import type { JourneyService } from '../participants/journey.service.js';
import { todayWib } from '../participants/journey.service.js';
import { courses, type trainingSessions, trainingWaves } from './trainings.schema.js';

export type TrainingsDeps = {
  journey: JourneyService;
  notifications: Notifications;
  files: Files;
  codes: CodeSigner;
  members: MembersService;
  /** The public address of this installation: certificate QR codes and session QR links point here. */
  baseUrl: string;
  /** The clock; tests pin it to decide "today" and lateness. */
  now?: () => Date;
};

export type Clock = { now: () => Date; today: () => string };

export const clockOf = (deps: Pick<TrainingsDeps, 'now'>): Clock => {
  const now = deps.now ?? (() => new Date());
  return { now, today: () => todayWib(now()) };
};

export type Wave = typeof trainingWaves.$inferSelect;
export type Session = typeof trainingSessions.$inferSelect;
export type Course = typeof courses.$inferSelect;

export const WAVE = { id: 'Gelombang pelatihan', en: 'Training wave' };
export const COURSE = { id: 'Pelatihan', en: 'Course' };
export const SESSION = { id: 'Hari pelatihan', en: 'Training day' };
export const PERSON = { id: 'Peserta', en: 'Participant' };

/** Courses and waves belong to an operator, not to a kecamatan: any grant at the operator reaches them. */
export const atOperator = (operatorId: string): Target => ({ operatorId, anyRegion: true });

/** The scope of a permission, or null when the actor does not hold it anywhere (for "staff or the member" checks). */
export function optionalScope(actor: Actor | undefined, permission: Permission): Scope | null {
  if (!actor) return null;
  try {
    return scopeOf(actor, permission);
  } catch (err) {
    if (err instanceof AppError && err.code === 'FORBIDDEN') return null;
    throw err;
  }
}

/**
 * Loads a wave the actor may use with `permission`; missing and out of scope both answer 404. With `lock` the row is
 * taken FOR UPDATE: every change to a wave's enrollments or attendance holds it, so capacity and completion counts
 * are read and written by one transaction at a time.
 */
export async function loadWave(
  dbOrTx: DbOrTx,
  actor: Actor | undefined,
  id: string,
  permission: Permission | null,
  options: { lock?: boolean } = {},
): Promise<Wave> {
  if (permission) requireAccess(actor, permission);
  const query = dbOrTx.select().from(trainingWaves).where(eq(trainingWaves.id, id));
  const [wave] = options.lock ? await query.for('update') : await query;
  if (permission) requireAccess(actor, permission, wave ? atOperator(wave.operatorId) : undefined, WAVE);
  if (!wave) throw AppError.notFound(WAVE);
  return wave;
}

export async function loadCourse(dbOrTx: DbOrTx, id: string): Promise<Course | undefined> {
  const [course] = await dbOrTx.select().from(courses).where(eq(courses.id, id));
  return course;
}

/** 409 for a change to a wave that is no longer running. */
export function waveNotOpen(wave: Pick<Wave, 'status'>) {
  return wave.status === 'cancelled'
    ? new AppError('CONFLICT', { id: 'Gelombang pelatihan ini dibatalkan', en: 'This training wave was cancelled' })
    : new AppError('CONFLICT', {
        id: 'Gelombang pelatihan ini sudah ditutup',
        en: 'This training wave has been closed',
      });
}

/** Where a wave happens, as one line for messages: the venue (or center) and address, or the online link. */
export function placeOf(
  wave: Pick<Wave, 'mode' | 'venueName' | 'venueAddress' | 'onlineUrl'> & { centerName?: string | null },
  locale: 'id' | 'en' = 'id',
): string {
  if (wave.mode === 'online') return `${locale === 'id' ? 'daring' : 'online'}: ${wave.onlineUrl ?? '-'}`;
  const name = wave.venueName ?? wave.centerName ?? (locale === 'id' ? 'tempat pelatihan' : 'the training venue');
  return wave.venueAddress ? `${name}, ${wave.venueAddress}` : name;
}
