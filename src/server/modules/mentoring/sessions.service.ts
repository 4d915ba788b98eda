import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { SessionInput } from '../../../shared/mentoring.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { files } from '../../platform/files/files.schema.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  alreadyMerged,
  type JourneyService,
  latestToday,
  loadPersonFor,
  todayWib,
} from '../participants/journey.service.js';
import { businesses, participantStages, people } from '../participants/participants.schema.js';
import { requireCaseload } from './caseload-access.js';
import { loadMentors } from './mentor-directory.js';
import { clinicBookings, mentoringActions, mentoringSessions } from './mentoring.schema.js';
import { type ActionView, loadSessions, presentAction, type SessionView } from './session-views.js';

type Deps = { journey: JourneyService };
type Person = typeof people.$inferSelect;

const problem = (path: string, code: string, message: string, en: string): ErrorDetail => ({
  path,
  code,
  message,
  en,
});

/**
 * The session log: every mentoring contact with its date, mode, hours, topics, agreed actions, next follow-up and
 * photos, like a counseling record. The first session moves the member's Pendampingan stage.
 */
export function makeSessionsService(db: Db, deps: Deps) {
  /** Everything about the input that can be wrong, found before anything is written. */
  async function checkInput(person: Person, input: SessionInput, uploaders: string[]) {
    const problems: ErrorDetail[] = [];
    if (input.heldOn > latestToday())
      problems.push(
        problem(
          'heldOn',
          'future_date',
          'Tanggal sesi tidak boleh di masa depan',
          'The session date cannot be in the future',
        ),
      );
    if (input.nextFollowUpOn && input.nextFollowUpOn < input.heldOn)
      problems.push(
        problem(
          'nextFollowUpOn',
          'before_session',
          'Tindak lanjut tidak boleh sebelum tanggal sesi',
          'The follow-up cannot be before the session',
        ),
      );
    input.actions.forEach((a, i) => {
      if (a.dueOn && a.dueOn < input.heldOn)
        problems.push(
          problem(
            `actions.${i}.dueOn`,
            'before_session',
            'Tenggat tidak boleh sebelum tanggal sesi',
            'The due date cannot be before the session',
          ),
        );
    });
    if (input.businessId) {
      const [owned] = await db
        .select({ id: businesses.id })
        .from(businesses)
        .where(and(eq(businesses.id, input.businessId), eq(businesses.personId, person.id)));
      if (!owned)
        problems.push(
          problem(
            'businessId',
            'unknown_business',
            'Usaha ini bukan milik peserta tersebut',
            'This business does not belong to this participant',
          ),
        );
    }
    // Attachments are uploads (POST /api/files) of the same operator, made by the person logging (or the mentor
    // they log for): an id alone must not pull someone else's document into a record.
    const wanted = [...new Set(input.attachmentIds)];
    const found = wanted.length
      ? await db
          .select({ id: files.id, operatorId: files.operatorId, createdBy: files.createdBy, purpose: files.purpose })
          .from(files)
          .where(inArray(files.id, wanted))
      : [];
    input.attachmentIds.forEach((id, i) => {
      const f = found.find((x) => x.id === id);
      if (
        !f ||
        f.operatorId !== person.operatorId ||
        !uploaders.includes(f.createdBy ?? '') ||
        !['photo', 'document'].includes(f.purpose)
      )
        problems.push(
          problem(
            `attachmentIds.${i}`,
            'unknown_file',
            'Lampiran tidak ditemukan — unggah foto atau dokumen lagi',
            'Attachment not found — upload the photo or document again',
          ),
        );
    });
    if (input.clinicBookingId) {
      const [booking] = await db
        .select({ personId: clinicBookings.personId, status: clinicBookings.status })
        .from(clinicBookings)
        .where(eq(clinicBookings.id, input.clinicBookingId));
      if (!booking || booking.personId !== person.id || !['requested', 'confirmed'].includes(booking.status))
        problems.push(
          problem(
            'clinicBookingId',
            'invalid_booking',
            'Pemesanan klinik tidak ditemukan atau sudah selesai/dibatalkan',
            'Clinic booking not found, or already done or cancelled',
          ),
        );
    }
    if (problems.length) throw AppError.validation(problems);
  }

  /** Who held the session: the mentor themselves, or the mentor a program admin names. */
  async function mentorOf(actor: Actor, person: Person, wide: boolean, named?: string | null): Promise<string> {
    const self = actorId(actor);
    if (!wide) {
      if (named && named !== self)
        throw AppError.forbidden({
          id: 'Hanya admin program yang dapat mencatat sesi atas nama pendamping lain',
          en: 'Only a program admin may log a session for another mentor',
        });
      return self!;
    }
    if (!named || named === self) {
      if (self) return self;
    } else if ((await loadMentors(db, { userIds: [named], operatorIds: [person.operatorId] })).length) return named;
    throw AppError.validation([
      problem('mentorUserId', 'not_a_mentor', 'Pilih pendamping aktif', 'Choose an active mentor'),
    ]);
  }

  async function stageThreeStarted(tx: DbOrTx, personId: string): Promise<boolean> {
    const [row] = await tx
      .select({ status: participantStages.status })
      .from(participantStages)
      .where(and(eq(participantStages.personId, personId), eq(participantStages.stage, 3)));
    return row?.status === 'in_progress' || row?.status === 'done';
  }

  async function findAction(actor: Actor | undefined, id: string) {
    requireAccess(actor, 'mentoring.write');
    const [action] = await db.select().from(mentoringActions).where(eq(mentoringActions.id, id));
    if (!action) throw AppError.notFound({ id: 'Tindakan', en: 'Action' });
    const person = await loadPersonFor(db, actor, action.personId, 'mentoring.write');
    await requireCaseload(db, actor, person);
    return { action, person };
  }

  async function setDone(actor: Actor | undefined, id: string, done: boolean): Promise<ActionView> {
    const { action, person } = await findAction(actor, id);
    const doneAt = done ? (action.doneAt ?? new Date()) : null;
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(mentoringActions)
        .set({ doneAt, doneBy: done ? (action.doneBy ?? actorId(actor!)) : null })
        .where(eq(mentoringActions.id, id))
        .returning();
      await recordAudit(tx, actor!, {
        action: done ? 'action_done' : 'action_reopen',
        entity: 'mentoring_action',
        entityId: id,
        operatorId: person.operatorId,
        before: { doneAt: action.doneAt },
        after: { doneAt },
      });
      return presentAction(row, todayWib());
    });
  }

  return {
    async logSession(actor: Actor | undefined, input: SessionInput): Promise<SessionView> {
      const person = await loadPersonFor(db, actor, input.personId, 'mentoring.write');
      if (person.status === 'merged') throw alreadyMerged();
      const { wide } = await requireCaseload(db, actor, person);
      const mentorUserId = await mentorOf(actor!, person, wide, input.mentorUserId);
      await checkInput(
        person,
        input,
        [actorId(actor!), mentorUserId].filter((u): u is string => !!u),
      );
      const id = await db.transaction(async (tx) => {
        const [session] = await tx
          .insert(mentoringSessions)
          .values({
            operatorId: person.operatorId,
            personId: person.id,
            businessId: input.businessId ?? null,
            mentorUserId,
            heldOn: input.heldOn,
            mode: input.mode,
            prepHours: input.prepHours,
            contactHours: input.contactHours,
            topics: [...new Set(input.topics)],
            notes: input.notes || null,
            nextFollowUpOn: input.nextFollowUpOn ?? null,
            attachmentIds: [...new Set(input.attachmentIds)],
            clinicBookingId: input.clinicBookingId ?? null,
            createdBy: actorId(actor!),
          })
          .returning();
        if (input.actions.length)
          await tx.insert(mentoringActions).values(
            input.actions.map((a) => ({
              operatorId: person.operatorId,
              sessionId: session.id,
              personId: person.id,
              description: a.description,
              dueOn: a.dueOn ?? null,
            })),
          );
        if (input.clinicBookingId) {
          const closed = await tx
            .update(clinicBookings)
            .set({ status: 'done', updatedAt: new Date() })
            .where(
              and(
                eq(clinicBookings.id, input.clinicBookingId),
                inArray(clinicBookings.status, ['requested', 'confirmed']),
              ),
            )
            .returning({ id: clinicBookings.id });
          if (closed.length === 0)
            throw new AppError('CONFLICT', {
              id: 'Pemesanan klinik ini baru saja berubah — muat ulang',
              en: 'This clinic booking has just changed — reload',
            });
        }
        if (!(await stageThreeStarted(tx, person.id)))
          await deps.journey.recordStage(
            actor,
            person.id,
            { stage: 3, status: 'in_progress', occurredOn: input.heldOn, source: 'mentoring' },
            { tx, permission: 'mentoring.write' },
          );
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'mentoring_session',
          entityId: session.id,
          operatorId: person.operatorId,
          after: {
            personId: person.id,
            mentorUserId,
            heldOn: session.heldOn,
            mode: session.mode,
            prepHours: input.prepHours,
            contactHours: input.contactHours,
            topics: session.topics,
            actions: input.actions.length,
            attachmentIds: session.attachmentIds,
            clinicBookingId: session.clinicBookingId,
          },
        });
        return session.id;
      });
      const [view] = await loadSessions(db, eq(mentoringSessions.id, id), { limit: 1, offset: 0 }, todayWib());
      return view;
    },

    async listSessions(
      actor: Actor | undefined,
      q: { personId?: string; mentorUserId?: string; from?: string; to?: string; page: number; pageSize: number },
    ): Promise<{ items: SessionView[]; total: number }> {
      const scope = requireAccess(actor, 'mentoring.read');
      const where: SQL[] = [scopeCondition(scope, people.operatorId, people.domicileDistrictCode)];
      if (q.personId) where.push(eq(mentoringSessions.personId, q.personId));
      if (q.mentorUserId) where.push(eq(mentoringSessions.mentorUserId, q.mentorUserId));
      if (q.from) where.push(gte(mentoringSessions.heldOn, q.from));
      if (q.to) where.push(lte(mentoringSessions.heldOn, q.to));
      const condition = and(...where);
      const [items, [{ total }]] = await Promise.all([
        loadSessions(db, condition, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, todayWib()),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(mentoringSessions)
          .innerJoin(people, eq(people.id, mentoringSessions.personId))
          .where(condition),
      ]);
      return { items, total };
    },

    markActionDone: (actor: Actor | undefined, id: string) => setDone(actor, id, true),
    reopenAction: (actor: Actor | undefined, id: string) => setDone(actor, id, false),
  };
}

export type SessionsService = ReturnType<typeof makeSessionsService>;
