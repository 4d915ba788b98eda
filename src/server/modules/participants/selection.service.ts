import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { checkEligibility, type EligibilityResult } from '../../../shared/eligibility.js';
import { maskNik } from '../../../shared/nik.js';
import { type SelectionStatus, selectionTransitions } from '../../../shared/participants.js';
import { normalizePhone } from '../../../shared/phone.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import type { Locale } from '../../platform/notifications/templates.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { programs, tracks } from '../programs/programs.schema.js';
import type { ProgramsService, Track } from '../programs/programs.service.js';
import { regions } from '../regions/regions.schema.js';
import { alreadyMerged, type JourneyService, loadPersonFor, personTarget, todayWib } from './journey.service.js';
import { enrollments, participantFiles, people, selectionEvents } from './participants.schema.js';

export type DecisionInput = { status: SelectionStatus; notes?: string | null; quotaOverride?: boolean };

type Person = typeof people.$inferSelect;

const enrollmentView = {
  id: enrollments.id,
  personId: enrollments.personId,
  trackId: enrollments.trackId,
  trackCode: tracks.code,
  trackName: tracks.name,
  programName: programs.name,
  status: enrollments.status,
  eligibility: enrollments.eligibility,
  quotaOverride: enrollments.quotaOverride,
  createdAt: enrollments.createdAt,
  decidedAt: enrollments.decidedAt,
};

export type EnrollmentView = {
  id: string;
  personId: string;
  trackId: string;
  trackCode: string;
  trackName: string;
  programName: string;
  status: SelectionStatus;
  eligibility: EligibilityResult[];
  quotaOverride: boolean;
  createdAt: Date;
  decidedAt: Date | null;
};

/** The track's rules applied to the person, with the kinds of documents on file for them. */
async function eligibilityOf(dbOrTx: DbOrTx, track: Track, person: Person): Promise<EligibilityResult[]> {
  const files = await dbOrTx
    .selectDistinct({ kind: participantFiles.kind })
    .from(participantFiles)
    .where(eq(participantFiles.personId, person.id));
  return checkEligibility(track, person, { today: todayWib(), documents: files.map((f) => f.kind) });
}

const selected = (db: DbOrTx) =>
  db
    .select(enrollmentView)
    .from(enrollments)
    .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
    .innerJoin(programs, eq(programs.id, tracks.programId));

const messageFor = {
  documents_checked: 'selection.documents_checked',
  interviewed: 'selection.interviewed',
  accepted: 'selection.accepted',
  waitlisted: 'selection.waitlisted',
  rejected: 'selection.rejected',
} as const;

export function makeSelectionService(
  db: Db,
  deps: { journey: JourneyService; programs: ProgramsService; notifications: Notifications },
) {
  async function one(dbOrTx: DbOrTx, id: string): Promise<EnrollmentView> {
    const [row] = await selected(dbOrTx).where(eq(enrollments.id, id));
    return row as EnrollmentView;
  }

  /** Tells the person by WhatsApp and, when they have one, by email, in their account's language if they have one. */
  async function notify(
    tx: DbOrTx,
    person: Person,
    names: { program: string; track: string },
    status: SelectionStatus,
  ) {
    if (status === 'applicant') return;
    const phone = person.phone ? normalizePhone(person.phone) : undefined;
    const [account] = phone
      ? await tx.select({ locale: user.locale }).from(user).where(eq(user.phoneNumber, phone))
      : [];
    const locale: Locale = account?.locale === 'en' ? 'en' : 'id';
    const message = {
      template: messageFor[status],
      locale,
      params: { name: person.fullName, ...names },
      operatorId: person.operatorId,
    };
    if (phone) await deps.notifications.enqueue(tx, { ...message, channel: 'whatsapp', recipient: phone });
    if (person.email) await deps.notifications.enqueue(tx, { ...message, channel: 'email', recipient: person.email });
  }

  return {
    /** Applies a person to a track, with the automatic eligibility check stored beside the application. */
    async enroll(actor: Actor | undefined, personId: string, input: { trackId: string }): Promise<EnrollmentView> {
      const person = await loadPersonFor(db, actor, personId, 'participants.write');
      if (person.status === 'merged') throw alreadyMerged();
      const { track } = await deps.programs.getTrackForEnrollment(input.trackId);
      // Another operator's track is as unknown to this person as a missing one.
      if (track.operatorId !== person.operatorId) throw AppError.notFound({ id: 'Jalur', en: 'Track' });
      const eligibility = await eligibilityOf(db, track, person);
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(enrollments)
          .values({ operatorId: person.operatorId, personId, trackId: track.id, eligibility })
          .onConflictDoNothing()
          .returning();
        if (!created) {
          throw AppError.duplicate('trackId', {
            id: 'Peserta sudah terdaftar di jalur ini',
            en: 'The participant is already enrolled in this track',
          });
        }
        await tx.insert(selectionEvents).values({
          operatorId: person.operatorId,
          enrollmentId: created.id,
          fromStatus: null,
          toStatus: 'applicant',
          decidedBy: actorId(actor!),
        });
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'enrollment',
          entityId: created.id,
          operatorId: person.operatorId,
          after: created,
        });
        return one(tx, created.id);
      });
    },

    /** Applications to a track, only those of people inside the caller's scope (filtered in SQL). */
    async listByTrack(
      actor: Actor | undefined,
      trackId: string,
      q: { status?: SelectionStatus; page: number; pageSize: number },
    ) {
      const scope = requireAccess(actor, 'participants.read');
      const { track } = await deps.programs.getTrackForEnrollment(trackId);
      requireAccess(
        actor,
        'participants.read',
        { operatorId: track.operatorId, anyRegion: true },
        { id: 'Jalur', en: 'Track' },
      );
      const where = and(
        eq(enrollments.trackId, trackId),
        q.status ? eq(enrollments.status, q.status) : undefined,
        sql`${people.status} <> 'merged'`,
        scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
      );
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({
            ...enrollmentView,
            person: { id: people.id, fullName: people.fullName, nik: people.nik, districtName: regions.name },
          })
          .from(enrollments)
          .innerJoin(people, eq(people.id, enrollments.personId))
          .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
          .innerJoin(programs, eq(programs.id, tracks.programId))
          .leftJoin(regions, eq(regions.code, people.domicileDistrictCode))
          .where(where)
          // First come, first reviewed.
          .orderBy(asc(enrollments.createdAt), asc(enrollments.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(enrollments)
          .innerJoin(people, eq(people.id, enrollments.personId))
          .where(where),
      ]);
      const items = rows.map(({ person: { nik, ...person }, ...e }) => ({
        ...(e as EnrollmentView),
        person: { ...person, nikMasked: maskNik(nik), districtName: person.districtName ?? '' },
      }));
      return { items, total };
    },

    /**
     * A selection decision. Decisions on one track are serialised by a lock on the track row, so that two accepts
     * can never both take the last place of the quota. Accepting over the quota, or an applicant who fails the
     * eligibility check, needs `quotaOverride: true` (recorded on the enrollment).
     */
    async decide(actor: Actor | undefined, enrollmentId: string, input: DecisionInput): Promise<EnrollmentView> {
      requireAccess(actor, 'participants.write');
      const [found] = await db
        .select({ enrollment: enrollments, person: people })
        .from(enrollments)
        .innerJoin(people, eq(people.id, enrollments.personId))
        .where(eq(enrollments.id, enrollmentId));
      requireAccess(actor, 'participants.write', found ? personTarget(found.person) : undefined, {
        id: 'Pendaftaran',
        en: 'Enrollment',
      });
      if (!found) throw AppError.notFound({ id: 'Pendaftaran', en: 'Enrollment' });
      const { person } = found;
      if (person.status === 'merged') throw alreadyMerged();

      return db.transaction(async (tx) => {
        const { track, program } = await deps.programs.getTrackForEnrollment(found.enrollment.trackId, {
          tx,
          lock: true,
        });
        // Read after taking the lock: a decision that committed meanwhile is seen.
        const [before] = await tx.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
        const from = before.status as SelectionStatus;
        if (!selectionTransitions[from].includes(input.status))
          throw new AppError(
            'INVALID_TRANSITION',
            {
              id: `Status seleksi tidak dapat berubah dari ${from} ke ${input.status}`,
              en: `The selection status cannot change from ${from} to ${input.status}`,
            },
            {
              from,
              to: input.status,
              allowed: selectionTransitions[from],
            },
          );
        // Documents may have arrived since the application: the check is run again for every decision.
        const eligibility = await eligibilityOf(tx, track, person);
        let overrideUsed = before.quotaOverride;
        if (input.status === 'accepted') {
          const failed = eligibility.filter((r) => !r.ok);
          const [{ accepted }] = await tx
            .select({ accepted: sql<number>`count(*)::int` })
            .from(enrollments)
            .where(and(eq(enrollments.trackId, track.id), eq(enrollments.status, 'accepted')));
          const full = track.quota !== null && accepted >= track.quota;
          if (failed.length && !input.quotaOverride)
            throw new AppError(
              'NOT_ELIGIBLE',
              {
                id: 'Pendaftar tidak memenuhi syarat jalur ini — centang pengecualian untuk tetap menerima',
                en: 'The applicant does not meet the rules of this track — tick the exception to accept anyway',
              },
              {
                failed,
              },
            );
          if (full && !input.quotaOverride)
            throw new AppError(
              'QUOTA_FULL',
              { id: 'Kuota jalur ini sudah penuh', en: 'The quota of this track is full' },
              { quota: track.quota, accepted },
            );
          overrideUsed = failed.length > 0 || full;
        }
        const now = new Date();
        await tx
          .update(enrollments)
          .set({ status: input.status, eligibility, quotaOverride: overrideUsed, decidedAt: now, updatedAt: now })
          .where(eq(enrollments.id, enrollmentId));
        await tx.insert(selectionEvents).values({
          operatorId: before.operatorId,
          enrollmentId,
          fromStatus: from,
          toStatus: input.status,
          notes: input.notes ?? null,
          decidedBy: actorId(actor!),
          decidedAt: now,
        });
        if (input.status === 'accepted') {
          await tx
            .update(people)
            .set({ status: 'member', updatedAt: now })
            .where(and(eq(people.id, person.id), inArray(people.status, ['applicant', 'inactive'])));
          await deps.journey.recordStage(actor, person.id, { stage: 1, status: 'done', source: 'selection' }, { tx });
        }
        const after = await one(tx, enrollmentId);
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'enrollment',
          entityId: enrollmentId,
          operatorId: before.operatorId,
          before: { status: from, quotaOverride: before.quotaOverride },
          after: { status: input.status, quotaOverride: overrideUsed },
          reason: input.notes ?? null,
        });
        await notify(tx, person, { program: program.name, track: track.name }, input.status);
        return after;
      });
    },
  };
}

export type SelectionService = ReturnType<typeof makeSelectionService>;
