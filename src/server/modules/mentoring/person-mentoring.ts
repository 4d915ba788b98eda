import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { inScope, scopeOf } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import type { MembersService } from '../members/members.service.js';
import { personTarget, todayWib } from '../participants/journey.service.js';
import { mentorAssignments, people } from '../participants/participants.schema.js';
import { currentMentorOf } from './caseload-access.js';
import { mentoringSessions } from './mentoring.schema.js';
import { loadSessions, openActionsOf } from './session-views.js';

const participantNotFound = () => AppError.notFound({ id: 'Peserta', en: 'Participant' });
const assigner = alias(user, 'assigner');

/** Mentoring as seen from one person: staff see the whole record, the member a version without the mentor's notes. */
export function makePersonMentoring(db: Db, deps: { members: MembersService }) {
  async function history(personId: string) {
    return db
      .select({
        userId: mentorAssignments.mentorUserId,
        name: user.name,
        phone: user.phoneNumber,
        since: mentorAssignments.since,
        until: mentorAssignments.until,
        assignedBy: mentorAssignments.assignedBy,
        assignedByName: assigner.name,
      })
      .from(mentorAssignments)
      .innerJoin(user, eq(user.id, mentorAssignments.mentorUserId))
      .leftJoin(assigner, eq(assigner.id, mentorAssignments.assignedBy))
      .where(eq(mentorAssignments.personId, personId))
      .orderBy(
        sql`${mentorAssignments.until} desc nulls first`,
        desc(mentorAssignments.since),
        desc(mentorAssignments.id),
      );
  }

  return {
    /** A person's mentoring record: for mentoring.read in scope, or for the person's own mentor. */
    async personMentoring(actor: Actor | undefined, personId: string) {
      const scope = scopeOf(actor, 'mentoring.read');
      const [person] = await db.select().from(people).where(eq(people.id, personId));
      if (!person) throw participantNotFound();
      const ownMentor = actor?.kind === 'user' && (await currentMentorOf(db, person.id)) === actor.userId;
      if (!ownMentor && !inScope(scope, personTarget(person))) throw participantNotFound();
      const today = todayWib();
      const [assignments, sessions, openActions, [totals]] = await Promise.all([
        history(person.id),
        loadSessions(db, eq(mentoringSessions.personId, person.id), { limit: 200, offset: 0 }, today),
        openActionsOf(db, [person.id], today),
        db
          .select({
            sessions: sql<number>`count(*)::int`,
            contactHours: sql<number>`coalesce(sum(${mentoringSessions.contactHours}), 0)::float8`,
            prepHours: sql<number>`coalesce(sum(${mentoringSessions.prepHours}), 0)::float8`,
            lastContactOn: sql<string | null>`max(${mentoringSessions.heldOn})::text`,
          })
          .from(mentoringSessions)
          .where(eq(mentoringSessions.personId, person.id)),
      ]);
      const current = assignments.find((a) => a.until === null);
      return {
        current: current ? { userId: current.userId, name: current.name, since: current.since } : null,
        history: assignments.map(({ phone: _phone, ...a }) => a),
        sessions,
        openActions,
        totals: { ...totals, nextFollowUpOn: sessions[0]?.nextFollowUpOn ?? null },
      };
    },

    /** The member's own view (GET /api/me/mentoring): their mentor and how to reach them, sessions, open actions. */
    async memberMentoring(actor: Actor | undefined) {
      const person = await deps.members.personOf(actor);
      const today = todayWib();
      const [[mentor], sessions, openActions] = await Promise.all([
        db
          .select({ name: user.name, phone: user.phoneNumber })
          .from(mentorAssignments)
          .innerJoin(user, eq(user.id, mentorAssignments.mentorUserId))
          .where(and(eq(mentorAssignments.personId, person.id), isNull(mentorAssignments.until))),
        db
          .select({
            heldOn: mentoringSessions.heldOn,
            mode: mentoringSessions.mode,
            topics: mentoringSessions.topics,
            nextFollowUpOn: mentoringSessions.nextFollowUpOn,
          })
          .from(mentoringSessions)
          .where(eq(mentoringSessions.personId, person.id))
          .orderBy(desc(mentoringSessions.heldOn), desc(mentoringSessions.createdAt))
          .limit(100),
        openActionsOf(db, [person.id], today),
      ]);
      return { mentor: mentor ?? null, sessions, openActions };
    },
  };
}
