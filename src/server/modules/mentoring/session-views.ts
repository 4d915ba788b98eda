import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { user } from '../../platform/auth/auth.schema.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { files } from '../../platform/files/files.schema.js';
import { people } from '../participants/participants.schema.js';
import { mentoringActions, mentoringSessions } from './mentoring.schema.js';

export type ActionView = {
  id: string;
  sessionId: string;
  personId: string;
  description: string;
  dueOn: string | null;
  doneAt: Date | null;
  overdue: boolean;
};

export type SessionView = {
  id: string;
  personId: string;
  personName: string;
  businessId: string | null;
  mentorUserId: string;
  mentorName: string;
  heldOn: string;
  mode: string;
  prepHours: number;
  contactHours: number;
  topics: string[];
  notes: string | null;
  nextFollowUpOn: string | null;
  clinicBookingId: string | null;
  actions: ActionView[];
  attachments: Array<{ id: string; name: string; mime: string; size: number }>;
  createdAt: Date;
};

export function presentAction(a: typeof mentoringActions.$inferSelect, today: string): ActionView {
  return {
    id: a.id,
    sessionId: a.sessionId,
    personId: a.personId,
    description: a.description,
    dueOn: a.dueOn,
    doneAt: a.doneAt,
    overdue: a.doneAt === null && a.dueOn !== null && a.dueOn < today,
  };
}

/** Open actions of some people, the earliest due first (undated last). */
export async function openActionsOf(db: DbOrTx, personIds: string[], today: string): Promise<ActionView[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select()
    .from(mentoringActions)
    .where(and(inArray(mentoringActions.personId, personIds), isNull(mentoringActions.doneAt)))
    .orderBy(sql`${mentoringActions.dueOn} asc nulls last`, asc(mentoringActions.id));
  return rows.map((a) => presentAction(a, today));
}

/**
 * A page of sessions with their names, actions and attachments: one query for the page and one each for actions and
 * attachment metadata, however many sessions.
 */
export async function loadSessions(
  db: DbOrTx,
  where: SQL | undefined,
  page: { limit: number; offset: number },
  today: string,
): Promise<SessionView[]> {
  const rows = await db
    .select({ session: mentoringSessions, personName: people.fullName, mentorName: user.name })
    .from(mentoringSessions)
    .innerJoin(people, eq(people.id, mentoringSessions.personId))
    .innerJoin(user, eq(user.id, mentoringSessions.mentorUserId))
    .where(where)
    .orderBy(desc(mentoringSessions.heldOn), desc(mentoringSessions.createdAt), desc(mentoringSessions.id))
    .limit(page.limit)
    .offset(page.offset);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.session.id);
  const fileIds = [...new Set(rows.flatMap((r) => r.session.attachmentIds))];
  const [actions, metas] = await Promise.all([
    db
      .select()
      .from(mentoringActions)
      .where(inArray(mentoringActions.sessionId, ids))
      .orderBy(sql`${mentoringActions.dueOn} asc nulls last`, asc(mentoringActions.id)),
    fileIds.length
      ? db
          .select({ id: files.id, name: files.originalName, mime: files.contentType, size: files.size })
          .from(files)
          .where(inArray(files.id, fileIds))
      : Promise.resolve([]),
  ]);
  const metaOf = new Map(metas.map((m) => [m.id, m]));
  return rows.map(({ session: s, personName, mentorName }) => ({
    id: s.id,
    personId: s.personId,
    personName,
    businessId: s.businessId,
    mentorUserId: s.mentorUserId,
    mentorName,
    heldOn: s.heldOn,
    mode: s.mode,
    prepHours: Number(s.prepHours),
    contactHours: Number(s.contactHours),
    topics: s.topics,
    notes: s.notes,
    nextFollowUpOn: s.nextFollowUpOn,
    clinicBookingId: s.clinicBookingId,
    actions: actions.filter((a) => a.sessionId === s.id).map((a) => presentAction(a, today)),
    attachments: s.attachmentIds.map((id) => metaOf.get(id)).filter((m) => m !== undefined),
    createdAt: s.createdAt,
  }));
}
