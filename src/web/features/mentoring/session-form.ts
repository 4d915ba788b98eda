import type { SessionMode } from '../../../shared/mentoring.js';
import type { ActionRow } from './action-rows.js';
import type { Attachment, SessionInput } from './mentoring-types.js';

/** What the session form holds; kept as a draft on the phone until the server has it. */
export type SessionValues = {
  personId: string | null;
  businessId: string | null;
  mentorUserId: string | null;
  heldOn: string;
  mode: SessionMode;
  prepHours: number;
  contactHours: number;
  topics: string[];
  notes: string;
  actions: ActionRow[];
  nextFollowUpOn: string | null;
  attachments: Attachment[];
};

export type SessionProblem =
  | 'memberRequired'
  | 'heldOnFuture'
  | 'contactHoursMin'
  | 'topicsRequired'
  | 'actionEmpty'
  | 'followUpBefore';

export function emptySession(personId: string | null, today: string, mode: SessionMode = 'visit'): SessionValues {
  return {
    personId,
    businessId: null,
    mentorUserId: null,
    heldOn: today,
    mode,
    prepHours: 0,
    contactHours: 1,
    topics: [],
    notes: '',
    actions: [],
    nextFollowUpOn: null,
    attachments: [],
  };
}

/** The same rules the API applies, checked before sending so the mentor in the field gets them offline too. */
export function checkSession(v: SessionValues, today: string): Partial<Record<keyof SessionValues, SessionProblem>> {
  const problems: Partial<Record<keyof SessionValues, SessionProblem>> = {};
  if (!v.personId) problems.personId = 'memberRequired';
  if (v.heldOn > today) problems.heldOn = 'heldOnFuture';
  if (v.contactHours < 0.25) problems.contactHours = 'contactHoursMin';
  if (v.topics.length === 0) problems.topics = 'topicsRequired';
  if (v.actions.some((a) => a.description.trim().length < 2)) problems.actions = 'actionEmpty';
  if (v.nextFollowUpOn && v.nextFollowUpOn < v.heldOn) problems.nextFollowUpOn = 'followUpBefore';
  return problems;
}

export function sessionInputOf(v: SessionValues, clinicBookingId?: string): SessionInput {
  const notes = v.notes.trim();
  return {
    personId: v.personId ?? '',
    businessId: v.businessId,
    mentorUserId: v.mentorUserId,
    heldOn: v.heldOn,
    mode: v.mode,
    prepHours: v.prepHours,
    contactHours: v.contactHours,
    topics: v.topics as SessionInput['topics'],
    notes: notes || null,
    nextFollowUpOn: v.nextFollowUpOn,
    actions: v.actions.map((a) => ({ description: a.description.trim(), dueOn: a.dueOn })),
    attachmentIds: v.attachments.map((a) => a.id),
    clinicBookingId: clinicBookingId ?? null,
  };
}

const draftKey = (personId: string | null) => `sentra.mentoring.draft.${personId ?? 'new'}`;

/** A draft is worth keeping once something was typed or chosen beyond the defaults. */
export function isWorthKeeping(v: SessionValues): boolean {
  return v.topics.length > 0 || v.notes.trim() !== '' || v.actions.length > 0 || v.attachments.length > 0;
}

export function loadDraft(personId: string | null): SessionValues | null {
  try {
    const raw = localStorage.getItem(draftKey(personId));
    return raw ? (JSON.parse(raw) as SessionValues) : null;
  } catch {
    return null;
  }
}

export function saveDraft(v: SessionValues): void {
  try {
    if (isWorthKeeping(v)) localStorage.setItem(draftKey(v.personId), JSON.stringify(v));
  } catch {
    // storage full or private mode: the form still works, only without a draft
  }
}

export function dropDraft(personId: string | null): void {
  try {
    localStorage.removeItem(draftKey(personId));
  } catch {
    // nothing to drop
  }
}
