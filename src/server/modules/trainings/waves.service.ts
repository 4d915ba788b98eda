import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { englishOf } from '../../../shared/error-codes.js';
import {
  type WaveInput,
  type WaveMode,
  type WavePatch,
  type WaveQuery,
  waveProblems,
} from '../../../shared/trainings.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { requireAccess, scopeOperatorIds } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { people } from '../participants/participants.schema.js';
import { type Completion, daysAttendedByPerson } from './completion.js';
import { contextOf, recipientColumns, type Seats } from './seats.js';
import { courses, trainingEnrollments, trainingSessions, trainingWaves } from './trainings.schema.js';
import { atOperator, type Clock, loadWave, waveNotOpen } from './trainings-common.js';
import { checkWaveRefs } from './wave-refs.js';
import { selectWaves, sessionsOf, summariesOf, waveDetail } from './wave-views.js';

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** Training waves: a course run on given days at a place or online, with capacity and audience; closing decides it. */
export function makeWavesService(db: Db, deps: { seats: Seats; completion: Completion; clock: Clock }) {
  const { clock } = deps;

  return {
    async list(actor: Actor | undefined, q: WaveQuery) {
      const ops = scopeOperatorIds(requireAccess(actor, 'trainings.read'));
      const today = clock.today();
      const where = and(
        ops ? inArray(trainingWaves.operatorId, ops) : undefined,
        q.operatorId ? eq(trainingWaves.operatorId, q.operatorId) : undefined,
        q.courseId ? eq(trainingWaves.courseId, q.courseId) : undefined,
        q.status ? eq(trainingWaves.status, q.status) : undefined,
        q.when === 'upcoming' ? gte(trainingWaves.endsOn, today) : undefined,
        q.when === 'past' ? lt(trainingWaves.endsOn, today) : undefined,
        // A wave open to the whole area (no kecamatan listed) is open to every kecamatan.
        q.districtCode
          ? sql`(${trainingWaves.districtCodes} = '{}' or ${q.districtCode} = any(${trainingWaves.districtCodes}))`
          : undefined,
        q.q
          ? or(ilike(trainingWaves.name, `%${escapeLike(q.q)}%`), ilike(courses.title, `%${escapeLike(q.q)}%`))
          : undefined,
      );
      const order =
        q.when === 'upcoming'
          ? [asc(trainingWaves.startsOn), asc(trainingWaves.id)]
          : [desc(trainingWaves.startsOn), desc(trainingWaves.id)];
      const [rows, [{ total }]] = await Promise.all([
        selectWaves(db)
          .where(where)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ total: count() })
          .from(trainingWaves)
          .innerJoin(courses, eq(courses.id, trainingWaves.courseId))
          .where(where),
      ]);
      return { items: await summariesOf(db, rows), total };
    },

    async get(actor: Actor | undefined, id: string) {
      const wave = await loadWave(db, actor, id, 'trainings.read');
      return waveDetail(db, wave.id);
    },

    async create(actor: Actor | undefined, input: WaveInput) {
      requireAccess(actor, 'trainings.manage', atOperator(input.operatorId), { id: 'Operator', en: 'Operator' });
      const refs = await checkWaveRefs(db, input.operatorId, input);
      const days = [...input.sessions].sort((a, b) => a.date.localeCompare(b.date));
      return db.transaction(async (tx) => {
        const { sessions: _s, requiredDays, trainerName, programId: _p, ...fields } = input;
        const [wave] = await tx
          .insert(trainingWaves)
          .values({
            ...fields,
            programId: refs.programId ?? null,
            trainerName: trainerName ?? refs.trainerName,
            requiredDays: requiredDays ?? days.length,
            startsOn: days[0].date,
            endsOn: days[days.length - 1].date,
            createdBy: actor!.kind === 'user' ? actor!.userId : null,
          })
          .returning();
        await tx.insert(trainingSessions).values(
          days.map((d, i) => ({
            ...d,
            topic: d.topic ?? null,
            operatorId: wave.operatorId,
            waveId: wave.id,
            dayNo: i + 1,
          })),
        );
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'training_wave',
          entityId: wave.id,
          operatorId: wave.operatorId,
          after: { ...wave, sessions: days },
        });
        return waveDetail(tx, wave.id);
      });
    },

    /** Changes a scheduled wave; a larger capacity seats waitlisted members at once. */
    async update(actor: Actor | undefined, id: string, patch: WavePatch) {
      const current = await loadWave(db, actor, id, 'trainings.manage');
      const refs = await checkWaveRefs(db, current.operatorId, patch);
      const sessions = await sessionsOf(db, current.id);
      return db.transaction(async (tx) => {
        const before = await loadWave(tx, actor, id, null, { lock: true });
        if (before.status !== 'scheduled') throw waveNotOpen(before);
        const { status, requiredDays, ...rest } = patch;
        // requiredDays null: every day again.
        const fields = {
          ...rest,
          ...(requiredDays !== undefined ? { requiredDays: requiredDays ?? sessions.length } : {}),
        };
        const next = { ...before, ...fields, mode: (fields.mode ?? before.mode) as WaveMode };
        const problems: ErrorDetail[] = waveProblems({ ...next, sessions }).map((p) => ({
          path: p.path.join('.'),
          code: 'custom',
          message: p.message,
          en: englishOf(p.message),
        }));
        const taken = await deps.seats.seatsTaken(tx, before.id);
        if (next.capacity < taken)
          problems.push({
            path: 'capacity',
            code: 'below_enrolled',
            message: `Kapasitas tidak boleh kurang dari peserta yang sudah terdaftar (${taken})`,
            en: `The capacity cannot be less than the members already enrolled (${taken})`,
          });
        if (problems.length) throw AppError.validation(problems);
        const [after] = await tx
          .update(trainingWaves)
          .set({
            ...fields,
            ...(patch.trainerUserId && !patch.trainerName ? { trainerName: refs.trainerName } : {}),
            ...(status ? { status } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(trainingWaves.id, id))
          .returning();
        await recordAudit(tx, actor!, {
          action: status === 'cancelled' ? 'cancel' : 'update',
          entity: 'training_wave',
          entityId: id,
          operatorId: before.operatorId,
          before,
          after,
        });
        if (after.capacity > before.capacity) await deps.seats.promote(tx, await contextOf(tx, after));
        return waveDetail(tx, id);
      });
    },

    /**
     * Closes a wave on or after its last day: everyone still enrolled has completed (the required days attended,
     * certificate issued, Pelatihan done) or not completed.
     */
    async close(actor: Actor | undefined, id: string) {
      await loadWave(db, actor, id, 'trainings.manage');
      return db.transaction(async (tx) => {
        const wave = await loadWave(tx, actor, id, null, { lock: true });
        if (wave.status !== 'scheduled') throw waveNotOpen(wave);
        if (clock.today() < wave.endsOn)
          throw new AppError(
            'INVALID_TRANSITION',
            {
              id: 'Gelombang baru dapat ditutup mulai hari terakhir pelatihan',
              en: 'A wave can be closed from its last training day on',
            },
            { endsOn: wave.endsOn },
          );
        const ctx = await contextOf(tx, wave);
        const open = await tx
          .select(recipientColumns)
          .from(trainingEnrollments)
          .innerJoin(people, eq(people.id, trainingEnrollments.personId))
          .where(and(eq(trainingEnrollments.waveId, wave.id), eq(trainingEnrollments.status, 'enrolled')));
        const notCompleted: string[] = [];
        let completed = 0;
        const attended = await daysAttendedByPerson(tx, wave.id);
        for (const person of open) {
          if ((attended.get(person.id) ?? 0) >= wave.requiredDays) {
            await deps.completion.complete(tx, actor!, { wave, course: ctx.course, person });
            completed++;
          } else notCompleted.push(person.id);
        }
        const now = clock.now();
        if (notCompleted.length)
          await tx
            .update(trainingEnrollments)
            .set({ status: 'not_completed', updatedAt: now })
            .where(and(eq(trainingEnrollments.waveId, wave.id), inArray(trainingEnrollments.personId, notCompleted)));
        await tx.update(trainingWaves).set({ status: 'closed', updatedAt: now }).where(eq(trainingWaves.id, wave.id));
        await recordAudit(tx, actor!, {
          action: 'close',
          entity: 'training_wave',
          entityId: wave.id,
          operatorId: wave.operatorId,
          before: { status: 'scheduled' },
          after: { status: 'closed', completed, notCompleted },
        });
        return waveDetail(tx, wave.id);
      });
    },
  };
}

export type WavesService = ReturnType<typeof makeWavesService>;
