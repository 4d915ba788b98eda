import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { maskNik } from '../../../shared/nik.js';
import type { SelectionStatus } from '../../../shared/participants.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { type Scope, scopeCondition } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { refreshSearchText } from './businesses.service.js';
import { duplicateReasons, orderedPair } from './duplicates.js';
import { alreadyMerged, todayWib } from './journey.service.js';
import {
  businesses,
  distinctPairs,
  enrollments,
  mentorAssignments,
  participantFiles,
  participantStages,
  people,
  selectionEvents,
  stageEvents,
} from './participants.schema.js';
import { type Person, phoneFor } from './presenters.js';

/**
 * Records that may be the same person, inside the caller's scope. Candidates come from two indexed lookups — same
 * birth date, same phone — and the rules in duplicates.ts decide; pairs staff declared distinct are left out.
 */
export async function findDuplicates(db: DbOrTx, scope: Scope, writeScope: Scope | null, person: Person) {
  const [candidates, pairs] = await Promise.all([
    db
      .select()
      .from(people)
      .where(
        and(
          eq(people.operatorId, person.operatorId),
          ne(people.id, person.id),
          ne(people.status, 'merged'),
          or(eq(people.birthDate, person.birthDate), person.phone ? eq(people.phone, person.phone) : undefined),
          scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
        ),
      )
      .orderBy(asc(people.createdAt))
      .limit(200),
    db
      .select()
      .from(distinctPairs)
      .where(or(eq(distinctPairs.personA, person.id), eq(distinctPairs.personB, person.id))),
  ]);
  const declared = new Set(pairs.map((p) => (p.personA === person.id ? p.personB : p.personA)));
  return candidates
    .filter((c) => !declared.has(c.id))
    .map((c) => ({ c, reasons: duplicateReasons(person, c) }))
    .filter(({ reasons }) => reasons.length > 0)
    .map(({ c, reasons }) => ({
      id: c.id,
      fullName: c.fullName,
      nikMasked: maskNik(c.nik),
      birthDate: c.birthDate,
      phone: phoneFor(writeScope, c)(c.phone),
      reasons,
    }));
}

// How far a selection went; on a merge the kept enrollment takes the further of the two.
const selectionRank: Record<SelectionStatus, number> = {
  applicant: 0,
  documents_checked: 1,
  interviewed: 2,
  rejected: 3,
  waitlisted: 4,
  accepted: 5,
};
const stageRank: Record<string, number> = { not_started: 0, in_progress: 1, done: 2 };

/**
 * Moves everything of `other` to `kept` in one transaction and marks `other` merged. Both rows are locked (in id
 * order, so two opposite merges cannot deadlock) and re-read, so a concurrent merge of either ends in 409.
 */
export async function mergeInto(db: Db, actor: Actor, kept: Person, other: Person, reason: string | null) {
  return db.transaction(async (tx) => {
    const locked = await tx
      .select()
      .from(people)
      .where(inArray(people.id, [kept.id, other.id]))
      .orderBy(asc(people.id))
      .for('update');
    if (locked.length !== 2 || locked.some((p) => p.status === 'merged')) throw alreadyMerged();
    const movedBusinesses = await tx
      .update(businesses)
      .set({ personId: kept.id, updatedAt: new Date() })
      .where(eq(businesses.personId, other.id))
      .returning({ id: businesses.id });

    const all = await tx
      .select()
      .from(enrollments)
      .where(inArray(enrollments.personId, [kept.id, other.id]));
    const mine = new Map(all.filter((e) => e.personId === kept.id).map((e) => [e.trackId, e]));
    const folded: string[] = [];
    for (const e of all.filter((x) => x.personId === other.id)) {
      const same = mine.get(e.trackId);
      if (!same) {
        await tx.update(enrollments).set({ personId: kept.id }).where(eq(enrollments.id, e.id));
        continue;
      }
      // One application per person and track: the history joins the kept one, the further status wins.
      if (selectionRank[e.status as SelectionStatus] > selectionRank[same.status as SelectionStatus])
        await tx
          .update(enrollments)
          .set({
            status: e.status,
            eligibility: e.eligibility,
            quotaOverride: e.quotaOverride,
            decidedAt: e.decidedAt,
            updatedAt: new Date(),
          })
          .where(eq(enrollments.id, same.id));
      await tx.update(selectionEvents).set({ enrollmentId: same.id }).where(eq(selectionEvents.enrollmentId, e.id));
      await tx.delete(enrollments).where(eq(enrollments.id, e.id));
      folded.push(e.id);
    }

    await tx.update(stageEvents).set({ personId: kept.id }).where(eq(stageEvents.personId, other.id));
    await tx.update(participantFiles).set({ personId: kept.id }).where(eq(participantFiles.personId, other.id));
    await tx.update(mentorAssignments).set({ personId: kept.id }).where(eq(mentorAssignments.personId, other.id));
    await endDoubleMentors(tx, kept.id);
    await recomputeStages(tx, kept, other.id);

    const now = new Date();
    const keptStatus = kept.status === 'applicant' && other.status === 'member' ? 'member' : kept.status;
    await tx.update(people).set({ status: keptStatus, updatedAt: now }).where(eq(people.id, kept.id));
    await tx
      .update(people)
      .set({ status: 'merged', mergedInto: kept.id, updatedAt: now })
      .where(eq(people.id, other.id));
    await refreshSearchText(tx, kept.id);

    const moved = {
      businesses: movedBusinesses.map((b) => b.id),
      enrollmentsFolded: folded,
    };
    await recordAudit(tx, actor, {
      action: 'merge',
      entity: 'participant',
      entityId: kept.id,
      operatorId: kept.operatorId,
      before: { status: kept.status, mergedFrom: null },
      after: { status: keptStatus, mergedFrom: other.id, ...moved },
      reason,
    });
    await recordAudit(tx, actor, {
      action: 'merge',
      entity: 'participant',
      entityId: other.id,
      operatorId: other.operatorId,
      before: { status: other.status, mergedInto: null },
      after: { status: 'merged', mergedInto: kept.id },
      reason,
    });
  });
}

/** Per stage the further status of the two records, dated from when that status began. */
async function recomputeStages(tx: DbOrTx, kept: Person, otherId: string) {
  const rows = await tx
    .select()
    .from(participantStages)
    .where(inArray(participantStages.personId, [kept.id, otherId]));
  const best = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const cur = best.get(r.stage);
    const better =
      !cur ||
      stageRank[r.status] > stageRank[cur.status] ||
      (stageRank[r.status] === stageRank[cur.status] && r.since < cur.since);
    if (better) best.set(r.stage, r);
  }
  await tx.delete(participantStages).where(inArray(participantStages.personId, [kept.id, otherId]));
  if (best.size)
    await tx
      .insert(participantStages)
      .values([...best.values()].map((r) => ({ ...r, personId: kept.id, operatorId: kept.operatorId })));
}

/** Both records mentored by the same pendamping would count the person twice in the caseload: keep the earlier. */
async function endDoubleMentors(tx: DbOrTx, personId: string) {
  const active = await tx
    .select()
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.personId, personId), isNull(mentorAssignments.until)))
    .orderBy(asc(mentorAssignments.since), asc(mentorAssignments.id));
  const first = new Map<string, string>();
  for (const a of active) if (!first.has(a.mentorUserId)) first.set(a.mentorUserId, a.id);
  const extra = active.filter((a) => first.get(a.mentorUserId) !== a.id);
  if (extra.length)
    await tx
      .update(mentorAssignments)
      .set({ until: todayWib() })
      .where(
        inArray(
          mentorAssignments.id,
          extra.map((a) => a.id),
        ),
      );
}

/** Staff say two flagged records are two people: the pair is stored once and no longer flagged. */
export async function markDistinct(db: Db, actor: Actor, a: Person, b: Person) {
  const [personA, personB] = orderedPair(a.id, b.id);
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(distinctPairs)
      .values({ operatorId: a.operatorId, personA, personB, decidedBy: actorId(actor) })
      .onConflictDoNothing()
      .returning();
    if (!created) return;
    await recordAudit(tx, actor, {
      action: 'distinct',
      entity: 'participant',
      entityId: a.id,
      operatorId: a.operatorId,
      after: { distinctFrom: b.id },
    });
  });
}
