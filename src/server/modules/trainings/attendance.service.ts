import { and, asc, eq, gt } from 'drizzle-orm';
import { type CheckInInput, type CheckInMethod, isLate, longDate } from '../../../shared/trainings.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, pgErrorOf } from '../../platform/errors.js';
import type { CodeSigner } from '../../platform/signed-codes.js';
import { requireAccess } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MembersService } from '../members/members.service.js';
import { loadPersonFor } from '../participants/journey.service.js';
import { type Completion, daysAttended } from './completion.js';
import { contextOf, notEnrolled } from './seats.js';
import type { Recipient } from './training-notices.js';
import { attendance, trainingEnrollments, trainingSessions } from './trainings.schema.js';
import { type Clock, loadWave, SESSION, type Session, type Wave, waveNotOpen } from './trainings-common.js';

/** The kind letter of a training-day code (see signed-codes.ts): parts [sessionId, date]. */
export const SESSION_CODE = 'S';

export type CheckInResult = {
  personId: string;
  fullName: string;
  sessionId: string;
  dayNo: number;
  late: boolean;
  checkedInAt: Date;
  method: CheckInMethod;
  daysAttended: number;
  completed: boolean;
};

const timeWib = (at: Date) =>
  new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(at);

const alreadyCheckedIn = (name: string, first: { checkedInAt: Date; method: string }) =>
  new AppError(
    'ALREADY_CHECKED_IN',
    {
      id: `${name} sudah tercatat hadir hari ini pukul ${timeWib(first.checkedInAt)} WIB`,
      en: `${name} was already checked in today at ${timeWib(first.checkedInAt)} WIB`,
    },
    { checkedInAt: first.checkedInAt.toISOString(), method: first.method },
  );

const invalidSessionCode = () =>
  AppError.validation(
    [
      {
        path: 'code',
        code: 'invalid_session_code',
        message: 'Kode QR bukan kode hari pelatihan Sentra yang sah',
        en: 'The QR code is not a valid Sentra training-day code',
      },
    ],
    { id: 'Kode QR tidak dikenali', en: 'QR code not recognised' },
  );

/**
 * Attendance per training day: staff scan the member's card QR (or choose the member), members scan the day's QR.
 * Each check-in holds the wave's lock, so a double scan is refused (`ALREADY_CHECKED_IN`) and a member reaching the
 * required days is completed exactly once.
 */
export function makeAttendanceService(
  db: Db,
  deps: { codes: CodeSigner; members: MembersService; completion: Completion; clock: Clock; baseUrl: string },
) {
  const { clock } = deps;

  async function noSessionToday(dbOrTx: DbOrTx, wave: Wave) {
    const today = clock.today();
    const [next] = await dbOrTx
      .select({ date: trainingSessions.date })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.waveId, wave.id), gt(trainingSessions.date, today)))
      .orderBy(asc(trainingSessions.date))
      .limit(1);
    return new AppError(
      'NO_SESSION_TODAY',
      {
        id: `Gelombang ini tidak ada sesi hari ini (${longDate(today)})${next ? `; sesi berikutnya ${longDate(next.date)}` : ''}`,
        en: `This wave has no session today (${longDate(today, 'en')})${next ? `; the next one is on ${longDate(next.date, 'en')}` : ''}`,
      },
      { today, nextDate: next?.date ?? null },
    );
  }

  /** The chosen day of the wave, or today's; a check-in cannot be for a day still to come. */
  async function sessionFor(
    dbOrTx: DbOrTx,
    wave: Wave,
    sessionId: string | undefined,
    options: { allowFuture: boolean },
  ): Promise<Session> {
    if (!sessionId) {
      const [today] = await dbOrTx
        .select()
        .from(trainingSessions)
        .where(and(eq(trainingSessions.waveId, wave.id), eq(trainingSessions.date, clock.today())));
      if (!today) throw await noSessionToday(dbOrTx, wave);
      return today;
    }
    const [session] = await dbOrTx
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.waveId, wave.id)));
    if (!session) throw AppError.notFound(SESSION);
    if (!options.allowFuture && session.date > clock.today()) throw await noSessionToday(dbOrTx, wave);
    return session;
  }

  /** The check-in itself, in a transaction holding the wave's lock. */
  async function record(
    tx: DbOrTx,
    actor: Actor,
    input: { wave: Wave; session: Session; person: Recipient; method: CheckInMethod },
  ): Promise<CheckInResult> {
    const { wave, session, person } = input;
    if (wave.status !== 'scheduled') throw waveNotOpen(wave);
    const [enrollment] = await tx
      .select()
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.personId, person.id)));
    if (!enrollment || (enrollment.status !== 'enrolled' && enrollment.status !== 'completed'))
      throw notEnrolled(person.fullName, enrollment?.status);
    const [first] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, session.id), eq(attendance.personId, person.id)));
    if (first) throw alreadyCheckedIn(person.fullName, first);
    const now = clock.now();
    // A day recorded afterwards (manual, for a past day) is not a late arrival.
    const late = session.date === clock.today() && isLate(now, session);
    try {
      await tx.insert(attendance).values({
        operatorId: wave.operatorId,
        sessionId: session.id,
        waveId: wave.id,
        personId: person.id,
        method: input.method,
        late,
        checkedInAt: now,
        recordedBy: actor.kind === 'user' ? actor.userId : null,
      });
    } catch (err) {
      // The unique key (session, person) is the backstop should two check-ins ever pass the lock.
      const pg = pgErrorOf(err);
      if (pg?.code === '23505' && pg.constraint === 'attendance_session_person_uq')
        throw alreadyCheckedIn(person.fullName, { checkedInAt: now, method: input.method });
      throw err;
    }
    const days = await daysAttended(tx, wave.id, person.id);
    let completed = enrollment.status === 'completed';
    if (!completed && days >= wave.requiredDays) {
      const { course } = await contextOf(tx, wave);
      await deps.completion.complete(tx, actor, { wave, course, person });
      completed = true;
    }
    await recordAudit(tx, actor, {
      action: 'check_in',
      entity: 'training_wave',
      entityId: wave.id,
      operatorId: wave.operatorId,
      after: { personId: person.id, sessionId: session.id, dayNo: session.dayNo, method: input.method, late },
    });
    return {
      personId: person.id,
      fullName: person.fullName,
      sessionId: session.id,
      dayNo: session.dayNo,
      late,
      checkedInAt: now,
      method: input.method,
      daysAttended: days,
      completed,
    };
  }

  return {
    /** Staff check a member in: by the code on their card (member_qr) or by choosing them (manual). */
    async checkIn(actor: Actor | undefined, waveId: string, input: CheckInInput): Promise<CheckInResult> {
      requireAccess(actor, 'trainings.attend');
      const byCard = 'memberCode' in input;
      // A forged or altered card is refused before anything else is looked at.
      const personId = byCard ? deps.members.personIdOfCode(input.memberCode) : input.personId;
      const wave = await loadWave(db, actor, waveId, 'trainings.attend');
      const session = await sessionFor(db, wave, input.sessionId, { allowFuture: false });
      const person = await loadPersonFor(db, actor, personId, 'trainings.attend');
      if (person.operatorId !== wave.operatorId) throw notEnrolled(person.fullName);
      return db.transaction(async (tx) => {
        const locked = await loadWave(tx, actor, waveId, null, { lock: true });
        return record(tx, actor!, { wave: locked, session, person, method: byCard ? 'member_qr' : 'manual' });
      });
    },

    /** A member checks themself in by scanning the day's QR; the code is valid on its day only. */
    async selfCheckIn(actor: Actor | undefined, input: { code: string }): Promise<CheckInResult> {
      const person = await deps.members.personOf(actor);
      const parts = deps.codes.verify(SESSION_CODE, input.code);
      if (parts?.length !== 2) throw invalidSessionCode();
      const [sessionId, date] = parts;
      if (date !== clock.today())
        throw AppError.validation([
          {
            path: 'code',
            code: 'expired_session_code',
            message: `Kode QR ini untuk hari pelatihan ${longDate(date)}, bukan hari ini`,
            en: `This QR code is for the training day of ${longDate(date, 'en')}, not today`,
          },
        ]);
      const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      if (!session || session.date !== date) throw invalidSessionCode();
      return db.transaction(async (tx) => {
        const wave = await loadWave(tx, actor, session.waveId, null, { lock: true });
        if (wave.operatorId !== person.operatorId) throw notEnrolled(person.fullName);
        return record(tx, actor!, { wave, session, person, method: 'session_qr' });
      });
    },

    /** Withdraws a wrong check-in (audited); a completion that rested on it is undone. */
    async undo(actor: Actor | undefined, waveId: string, sessionId: string, personId: string): Promise<void> {
      const wave = await loadWave(db, actor, waveId, 'trainings.attend');
      const person = await loadPersonFor(db, actor, personId, 'trainings.attend');
      await db.transaction(async (tx) => {
        const locked = await loadWave(tx, actor, wave.id, null, { lock: true });
        if (locked.status !== 'scheduled') throw waveNotOpen(locked);
        const [removed] = await tx
          .delete(attendance)
          .where(
            and(
              eq(attendance.waveId, wave.id),
              eq(attendance.sessionId, sessionId),
              eq(attendance.personId, person.id),
            ),
          )
          .returning();
        if (!removed) throw AppError.notFound({ id: 'Kehadiran', en: 'Check-in' });
        const [enrollment] = await tx
          .select({ status: trainingEnrollments.status })
          .from(trainingEnrollments)
          .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.personId, person.id)));
        if (enrollment?.status === 'completed' && (await daysAttended(tx, wave.id, person.id)) < locked.requiredDays)
          await deps.completion.uncomplete(tx, actor!, { wave: locked, personId: person.id });
        await recordAudit(tx, actor!, {
          action: 'undo_check_in',
          entity: 'training_wave',
          entityId: wave.id,
          operatorId: wave.operatorId,
          before: { personId: person.id, sessionId, method: removed.method, checkedInAt: removed.checkedInAt },
        });
      });
    },

    /** What the day's QR shows: a signed code for that session and date, as a link members open after scanning. */
    async sessionCode(actor: Actor | undefined, waveId: string, sessionId?: string) {
      const wave = await loadWave(db, actor, waveId, 'trainings.attend');
      const session = await sessionFor(db, wave, sessionId, { allowFuture: true });
      const code = deps.codes.sign(SESSION_CODE, [session.id, session.date]);
      return {
        sessionId: session.id,
        dayNo: session.dayNo,
        date: session.date,
        code,
        url: `${deps.baseUrl}/me/check-in?code=${encodeURIComponent(code)}`,
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof makeAttendanceService>;
