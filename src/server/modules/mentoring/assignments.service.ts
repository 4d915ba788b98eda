import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { findKbli } from '../../../shared/kbli.js';
import type { AssignmentInput, SuggestionReason } from '../../../shared/mentoring.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { requireAccess, type Scope, scopeCondition } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberAccounts } from '../members/members.schema.js';
import { type JourneyService, todayWib } from '../participants/journey.service.js';
import { businesses, mentorAssignments, participantStages, people } from '../participants/participants.schema.js';
import { loadMentors, type MentorEntry, mentorCounts, mentorKey, mentorMayServe } from './mentor-directory.js';

type Deps = { journey: JourneyService; notifications: Notifications };
type Target = Pick<
  typeof people.$inferSelect,
  'id' | 'operatorId' | 'domicileDistrictCode' | 'fullName' | 'phone' | 'email'
>;

const participantNotFound = () => AppError.notFound({ id: 'Peserta', en: 'Participant' });

/** The people, all inside the scope and not merged, or a 404 that names none of them. */
async function loadPeople(db: DbOrTx, scope: Scope, ids: string[]): Promise<Target[]> {
  const rows = await db
    .select({
      id: people.id,
      operatorId: people.operatorId,
      domicileDistrictCode: people.domicileDistrictCode,
      fullName: people.fullName,
      phone: people.phone,
      email: people.email,
    })
    .from(people)
    .where(
      and(
        inArray(people.id, ids),
        ne(people.status, 'merged'),
        scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
      ),
    );
  if (rows.length !== ids.length) throw participantNotFound();
  return rows;
}

const notAMentor = () =>
  AppError.validation([
    {
      path: 'mentorUserId',
      code: 'not_a_mentor',
      message: 'Pengguna ini bukan pendamping aktif',
      en: 'This user is not an active mentor',
    },
  ]);

/**
 * Assigning members to mentors — the one way to do it (the participant list's bulk action calls it too): a mentor
 * takes people only inside their role region, up to their capacity unless overridden; a reassignment closes the
 * previous assignment (`until` = today) and keeps it as history.
 */
export function makeAssignmentsService(db: Db, deps: Deps) {
  /** Each person must lie in the mentor's region at the person's operator; problems point at the positions sent. */
  function checkMentor(mentors: MentorEntry[], sent: string[], byId: Map<string, Target>, path: string) {
    if (mentors.length === 0) throw notAMentor();
    const problems: ErrorDetail[] = [];
    sent.forEach((id, i) => {
      const p = byId.get(id)!;
      const m = mentors.find((x) => x.operatorId === p.operatorId);
      if (!m || !mentorMayServe(m, p.domicileDistrictCode))
        problems.push({
          path: `${path}.${i}`,
          code: 'outside_mentor_area',
          message: 'Peserta di luar wilayah pendamping',
          en: "Participant outside the mentor's area",
        });
    });
    if (problems.length)
      throw AppError.validation(problems, {
        id: 'Sebagian peserta di luar wilayah pendamping ini',
        en: "Some participants are outside this mentor's area",
      });
    if (mentors.some((m) => !m.active))
      throw AppError.validation([
        {
          path: 'mentorUserId',
          code: 'mentor_inactive',
          message: 'Pendamping ini sedang tidak aktif menerima peserta',
          en: 'This mentor is not taking members at the moment',
        },
      ]);
  }

  /** Tells each newly assigned member who their mentor is and how to reach them. */
  async function notifyMembers(tx: DbOrTx, moving: Target[], mentor: MentorEntry) {
    const locales = await tx
      .select({ personId: memberAccounts.personId, locale: user.locale })
      .from(memberAccounts)
      .innerJoin(user, eq(user.id, memberAccounts.userId))
      .where(
        inArray(
          memberAccounts.personId,
          moving.map((p) => p.id),
        ),
      );
    const localeOf = new Map(locales.map((l) => [l.personId, l.locale === 'en' ? ('en' as const) : ('id' as const)]));
    for (const p of moving) {
      const channel = p.phone ? 'whatsapp' : p.email ? 'email' : null;
      if (!channel) continue;
      await deps.notifications.enqueue(tx, {
        channel,
        recipient: (p.phone ?? p.email)!,
        template: 'mentoring.assigned',
        locale: localeOf.get(p.id) ?? 'id',
        params: { name: p.fullName, mentor: mentor.name, contact: mentor.phone ?? mentor.email ?? '-' },
        operatorId: p.operatorId,
      });
    }
  }

  async function assign(
    actor: Actor | undefined,
    input: AssignmentInput,
    options: { path?: string } = {},
  ): Promise<{ assigned: number; unchanged: number }> {
    const scope = requireAccess(actor, 'mentoring.manage');
    const ids = [...new Set(input.personIds)];
    const persons = await loadPeople(db, scope, ids);
    const byId = new Map(persons.map((p) => [p.id, p]));
    const mentors = await loadMentors(db, {
      userIds: [input.mentorUserId],
      operatorIds: [...new Set(persons.map((p) => p.operatorId))],
    });
    checkMentor(mentors, input.personIds, byId, options.path ?? 'personIds');
    const today = todayWib();
    return db.transaction(async (tx) => {
      // The people's rows and the mentor are locked, so that two assignments racing cannot both pass the capacity
      // check nor leave a person with two current mentors.
      await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids)).orderBy(people.id).for('update');
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mentor:${input.mentorUserId}`}))`);
      const current = await tx
        .select({ personId: mentorAssignments.personId, mentorUserId: mentorAssignments.mentorUserId })
        .from(mentorAssignments)
        .where(and(inArray(mentorAssignments.personId, ids), isNull(mentorAssignments.until)));
      // People already with this mentor keep their assignment (and its start date).
      const keep = new Set(current.filter((c) => c.mentorUserId === input.mentorUserId).map((c) => c.personId));
      const moving = ids.filter((id) => !keep.has(id)).map((id) => byId.get(id)!);
      if (moving.length === 0) return { assigned: 0, unchanged: keep.size };

      const loads = await mentorCounts(tx, mentors, today);
      for (const m of mentors) {
        const adding = moving.filter((p) => p.operatorId === m.operatorId).length;
        const caseload = loads.get(mentorKey(m.operatorId, m.userId))!.caseload;
        if (adding > 0 && caseload + adding > m.capacity && !input.overrideCapacity)
          throw new AppError(
            'MENTOR_AT_CAPACITY',
            {
              id: `Pendamping ${m.name} sudah mendampingi ${caseload} dari kapasitas ${m.capacity} peserta — pilih pendamping lain atau lewati batas kapasitas`,
              en: `${m.name} already mentors ${caseload} of a capacity of ${m.capacity} — choose another mentor or override the capacity`,
            },
            { capacity: m.capacity, caseload, adding },
          );
      }

      const movingIds = moving.map((p) => p.id);
      const replaced = current.filter((c) => c.mentorUserId !== input.mentorUserId);
      await tx
        .update(mentorAssignments)
        .set({ until: today })
        .where(and(inArray(mentorAssignments.personId, movingIds), isNull(mentorAssignments.until)));
      await tx.insert(mentorAssignments).values(
        moving.map((p) => ({
          operatorId: p.operatorId,
          personId: p.id,
          mentorUserId: input.mentorUserId,
          since: today,
          assignedBy: actorId(actor!),
        })),
      );
      // Mentoring starts with the assignment; a stage already done is not taken back.
      const done = await tx
        .select({ personId: participantStages.personId })
        .from(participantStages)
        .where(
          and(
            inArray(participantStages.personId, movingIds),
            eq(participantStages.stage, 3),
            eq(participantStages.status, 'done'),
          ),
        );
      const doneIds = new Set(done.map((d) => d.personId));
      await deps.journey.recordStageForMany(
        actor,
        movingIds.filter((id) => !doneIds.has(id)),
        { stage: 3, status: 'in_progress', occurredOn: today, source: 'mentoring' },
        { tx, permission: 'mentoring.manage' },
      );
      for (const operatorId of new Set(moving.map((p) => p.operatorId))) {
        const here = new Set(moving.filter((p) => p.operatorId === operatorId).map((p) => p.id));
        await recordAudit(tx, actor!, {
          action: 'assign_mentor',
          entity: 'participant',
          operatorId,
          after: {
            mentorUserId: input.mentorUserId,
            ids: [...here],
            replaced: replaced.filter((r) => here.has(r.personId)),
            reason: input.reason ?? null,
            overrideCapacity: input.overrideCapacity ?? false,
          },
        });
      }
      await notifyMembers(tx, moving, mentors.find((m) => m.operatorId === moving[0].operatorId)!);
      return { assigned: moving.length, unchanged: keep.size };
    });
  }

  /**
   * Up to three mentors per person, each with the reasons that make them fit: they cover the person's kecamatan,
   * know the sector of the person's business (KBLI), have room in their caseload. Only mentors allowed to take the
   * person (role region, active profile) are considered; the current mentor is left out.
   */
  async function suggest(actor: Actor | undefined, input: { personIds: string[] }) {
    const scope = requireAccess(actor, 'mentoring.manage');
    const ids = [...new Set(input.personIds)];
    const persons = await loadPeople(db, scope, ids);
    const operatorIds = [...new Set(persons.map((p) => p.operatorId))];
    const [owned, current, mentors] = await Promise.all([
      db
        .select({ personId: businesses.personId, kbli: businesses.kbli })
        .from(businesses)
        .where(inArray(businesses.personId, ids)),
      db
        .select({ personId: mentorAssignments.personId, mentorUserId: mentorAssignments.mentorUserId })
        .from(mentorAssignments)
        .where(and(inArray(mentorAssignments.personId, ids), isNull(mentorAssignments.until))),
      loadMentors(db, { operatorIds }).then((all) => all.filter((m) => m.active)),
    ]);
    const loads = await mentorCounts(db, mentors, todayWib());
    return {
      items: input.personIds.map((personId) => {
        const p = persons.find((x) => x.id === personId)!;
        const sectors = new Set(
          owned.filter((b) => b.personId === personId && b.kbli).map((b) => findKbli(b.kbli!)?.sector),
        );
        const mine = new Set(current.filter((c) => c.personId === personId).map((c) => c.mentorUserId));
        const suggestions = mentors
          .filter(
            (m) => m.operatorId === p.operatorId && !mine.has(m.userId) && mentorMayServe(m, p.domicileDistrictCode),
          )
          .map((m) => {
            const { caseload } = loads.get(mentorKey(m.operatorId, m.userId))!;
            const reasons: SuggestionReason[] = [];
            let score = 0;
            const covered = m.districtCodes.length ? m.districtCodes : m.rolePrefixes;
            if (covered.includes(p.domicileDistrictCode)) {
              reasons.push('same_district');
              score += 50;
            }
            if (m.sectors.some((s) => sectors.has(s as never))) {
              reasons.push('sector_match');
              score += 30;
            }
            if (caseload < m.capacity) {
              reasons.push('spare_capacity');
              score += Math.round((20 * (m.capacity - caseload)) / m.capacity);
            }
            return { userId: m.userId, name: m.name, score, reasons, caseload, capacity: m.capacity };
          })
          .sort((a, b) => b.score - a.score || a.caseload - b.caseload || a.name.localeCompare(b.name))
          .slice(0, 3);
        return { personId, suggestions };
      }),
    };
  }

  return { assign, suggest };
}

export type AssignmentsService = ReturnType<typeof makeAssignmentsService>;
