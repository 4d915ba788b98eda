import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { regionWithin } from '../../../shared/access.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import { roleAssignments } from '../access/access.schema.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { type JourneyService, todayWib } from './journey.service.js';
import { mentorAssignments, people } from './participants.schema.js';

/** Bulk actions on participants; each action is one variant, so new ones add a case, not an endpoint. */
export const bulkInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign_mentor'),
    ids: z.array(z.uuid()).min(1).max(1000),
    mentorUserId: z.string().trim().min(1).max(100),
  }),
]);
export type BulkInput = z.infer<typeof bulkInput>;

export function makeBulkService(db: Db, deps: { journey: JourneyService }) {
  /** The people, all inside the caller's scope, or a 404 that names none of them. */
  async function loadAll(actor: Actor | undefined, ids: string[]) {
    const scope = requireAccess(actor, 'participants.write');
    const rows = await db
      .select({ id: people.id, operatorId: people.operatorId, districtCode: people.domicileDistrictCode })
      .from(people)
      .where(
        and(
          inArray(people.id, ids),
          ne(people.status, 'merged'),
          scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
        ),
      );
    if (rows.length !== ids.length) throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
    return rows;
  }

  /** A mentor takes people only inside a region where they hold the mentor role at the person's operator. */
  async function checkMentor(mentorUserId: string, ids: string[], persons: Awaited<ReturnType<typeof loadAll>>) {
    // `ids` as sent, so that each problem points at the position the caller knows.
    const grants = await db
      .select({ operatorId: roleAssignments.operatorId, prefix: roleAssignments.regionPrefix })
      .from(roleAssignments)
      .innerJoin(user, eq(user.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.userId, mentorUserId), eq(roleAssignments.role, 'mentor'), eq(user.active, true)));
    if (grants.length === 0)
      throw AppError.validation([
        {
          path: 'mentorUserId',
          code: 'not_a_mentor',
          message: 'Pengguna ini bukan pendamping aktif',
          en: 'This user is not an active mentor',
        },
      ]);
    const byId = new Map(persons.map((p) => [p.id, p]));
    const problems: ErrorDetail[] = [];
    ids.forEach((id, i) => {
      const p = byId.get(id)!;
      if (!grants.some((g) => g.operatorId === p.operatorId && regionWithin(p.districtCode, g.prefix)))
        problems.push({
          path: `ids.${i}`,
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
  }

  async function assignMentor(actor: Actor | undefined, input: Extract<BulkInput, { action: 'assign_mentor' }>) {
    const ids = [...new Set(input.ids)];
    const persons = await loadAll(actor, ids);
    await checkMentor(input.mentorUserId, input.ids, persons);
    const today = todayWib();
    return db.transaction(async (tx) => {
      const current = await tx
        .select({ personId: mentorAssignments.personId })
        .from(mentorAssignments)
        .where(
          and(
            inArray(mentorAssignments.personId, ids),
            isNull(mentorAssignments.until),
            eq(mentorAssignments.mentorUserId, input.mentorUserId),
          ),
        );
      // People already with this mentor keep their assignment (and its start date).
      const keep = new Set(current.map((c) => c.personId));
      const byId = new Map(persons.map((p) => [p.id, p]));
      const moving = ids.filter((id) => !keep.has(id)).map((id) => byId.get(id)!);
      if (moving.length === 0) return { updated: 0 };
      const movingIds = moving.map((p) => p.id);
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
      await deps.journey.recordStageForMany(
        actor,
        movingIds,
        { stage: 3, status: 'in_progress', occurredOn: today, source: 'mentoring' },
        { tx },
      );
      for (const operatorId of new Set(moving.map((p) => p.operatorId))) {
        await recordAudit(tx, actor!, {
          action: 'assign_mentor',
          entity: 'participant',
          operatorId,
          after: {
            mentorUserId: input.mentorUserId,
            ids: moving.filter((p) => p.operatorId === operatorId).map((p) => p.id),
          },
        });
      }
      return { updated: moving.length };
    });
  }

  return {
    async run(actor: Actor | undefined, input: BulkInput): Promise<{ updated: number }> {
      switch (input.action) {
        case 'assign_mentor':
          return assignMentor(actor, input);
      }
    },
  };
}

export type BulkService = ReturnType<typeof makeBulkService>;
