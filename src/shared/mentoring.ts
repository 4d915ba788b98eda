import { z } from 'zod';
import { daysBetween } from './dates.js';
import { zodText } from './error-codes.js';
import { kbliSectors } from './kbli.js';

/**
 * The mentoring (Pendampingan) vocabulary and request contract, shared by the API (validation, OpenAPI) and the web
 * forms, and the one urgency rule of a caseload (`urgencyOf`), which the server applies and the web may explain.
 */

type Label = { id: string; en: string };
const labelled = <K extends string>(labels: Record<K, Label>) => Object.keys(labels) as K[];

export const sessionModeLabels = {
  visit: { id: 'Kunjungan', en: 'Visit' },
  phone: { id: 'Telepon', en: 'Phone call' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  clinic: { id: 'Klinik bisnis', en: 'Business clinic' },
} as const satisfies Record<string, Label>;
export const sessionModes = ['visit', 'phone', 'whatsapp', 'clinic'] as const;
export type SessionMode = (typeof sessionModes)[number];

export const topicLabels = {
  finance: { id: 'Keuangan', en: 'Finance' },
  packaging: { id: 'Kemasan', en: 'Packaging' },
  permits: { id: 'Perizinan', en: 'Permits' },
  marketing: { id: 'Pemasaran', en: 'Marketing' },
  digital: { id: 'Digital', en: 'Digital' },
  production: { id: 'Produksi', en: 'Production' },
  legal: { id: 'Hukum', en: 'Legal' },
  hr: { id: 'SDM', en: 'Staff (HR)' },
  other: { id: 'Lainnya', en: 'Other' },
} as const satisfies Record<string, Label>;
export const mentoringTopics = [
  'finance',
  'packaging',
  'permits',
  'marketing',
  'digital',
  'production',
  'legal',
  'hr',
  'other',
] as const;
export type MentoringTopic = (typeof mentoringTopics)[number];

/** Most urgent first: the caseload is sorted in this order, then by `score`. */
export const urgencyLabels = {
  overdue_follow_up: { id: 'Tindak lanjut terlambat', en: 'Follow-up overdue' },
  not_contacted: { id: 'Belum dihubungi', en: 'Not contacted' },
  overdue_actions: { id: 'Tindakan lewat tenggat', en: 'Actions overdue' },
  open_actions: { id: 'Tindakan terbuka', en: 'Open actions' },
  ok: { id: 'Terpantau', en: 'On track' },
} as const satisfies Record<string, Label>;
export const urgencyKinds = ['overdue_follow_up', 'not_contacted', 'overdue_actions', 'open_actions', 'ok'] as const;
export type Urgency = (typeof urgencyKinds)[number];

export const bookingStatusLabels = {
  requested: { id: 'Diminta', en: 'Requested' },
  confirmed: { id: 'Dikonfirmasi', en: 'Confirmed' },
  done: { id: 'Selesai', en: 'Done' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
} as const satisfies Record<string, Label>;
export const bookingStatuses = ['requested', 'confirmed', 'done', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** A booking holds its slot while it is requested or confirmed (the partial unique index says the same). */
export const liveBookingStatuses = ['requested', 'confirmed'] as const;

/** Why a mentor is suggested for a person (assignment suggestions explain themselves). */
export const suggestionReasonLabels = {
  same_district: { id: 'Meliput kecamatan peserta', en: "Covers the participant's kecamatan" },
  sector_match: { id: 'Menguasai sektor usaha peserta', en: "Knows the participant's business sector" },
  spare_capacity: { id: 'Masih ada kapasitas', en: 'Has spare capacity' },
} as const satisfies Record<string, Label>;
export const suggestionReasons = labelled(suggestionReasonLabels);
export type SuggestionReason = keyof typeof suggestionReasonLabels;

/** A mentor as the API shows them: profile (or defaults), load and recruitment. */
export type MentorView = {
  userId: string;
  name: string;
  phone: string | null;
  email: string | null;
  operatorId: string;
  regionPrefixes: string[];
  expertise: string[];
  sectors: string[];
  districtCodes: string[];
  districtNames: string[];
  capacity: number;
  recruitmentTarget: number | null;
  contactEveryDays: number;
  active: boolean;
  caseload: number;
  recruited: number;
  overdue: number;
};

/** Defaults of a mentor without a stored profile. */
export const mentorDefaults = { capacity: 50, contactEveryDays: 30 } as const;

// --- the urgency rule ---

export type UrgencyFacts = {
  /** Today (WIB). */
  today: string;
  /** The day the member was assigned to the mentor: a member never contacted waits since then. */
  since: string;
  /** The last session with the member, by any mentor; null: never. */
  lastContactOn: string | null;
  /** The follow-up date agreed in the last session. */
  nextFollowUpOn: string | null;
  openActions: number;
  overdueActions: number;
  /** The due date of the oldest overdue action. */
  oldestOverdueDueOn?: string | null;
  /** A member counts as not contacted after this many days without a session. */
  contactEveryDays: number;
};

export type UrgencyResult = {
  urgency: Urgency;
  /** Within one urgency, higher is more urgent: days overdue, days without contact, days an action is late. */
  score: number;
  daysSinceContact: number | null;
  followUpOverdueDays: number | null;
  notContacted: boolean;
};

/**
 * How urgently a member of a caseload needs their mentor: an overdue follow-up first (the longer overdue, the more
 * urgent), then a member never contacted or not contacted within `contactEveryDays` (the longer the silence, counted
 * from the assignment when there was never a session, the more urgent), then overdue actions, then open actions.
 */
export function urgencyOf(f: UrgencyFacts): UrgencyResult {
  const daysSinceContact = f.lastContactOn ? daysBetween(f.lastContactOn, f.today) : null;
  const overdueBy = f.nextFollowUpOn ? daysBetween(f.nextFollowUpOn, f.today) : 0;
  const followUpOverdueDays = overdueBy > 0 ? overdueBy : null;
  const notContacted = daysSinceContact === null || daysSinceContact > f.contactEveryDays;
  const base = { daysSinceContact, followUpOverdueDays, notContacted };
  if (followUpOverdueDays !== null) return { ...base, urgency: 'overdue_follow_up', score: followUpOverdueDays };
  if (notContacted)
    return { ...base, urgency: 'not_contacted', score: daysSinceContact ?? Math.max(0, daysBetween(f.since, f.today)) };
  if (f.overdueActions > 0) {
    const late = f.oldestOverdueDueOn ? daysBetween(f.oldestOverdueDueOn, f.today) : 0;
    return { ...base, urgency: 'overdue_actions', score: Math.max(late, 1) };
  }
  if (f.openActions > 0) return { ...base, urgency: 'open_actions', score: f.openActions };
  return { ...base, urgency: 'ok', score: daysSinceContact ?? 0 };
}

/** Caseload order: urgency kind first, then score (higher first). */
export function compareUrgency(a: { urgency: Urgency; score: number }, b: { urgency: Urgency; score: number }) {
  return urgencyKinds.indexOf(a.urgency) - urgencyKinds.indexOf(b.urgency) || b.score - a.score;
}

// --- request schemas ---

const isoDate = z.iso.date(zodText('tanggal harus berformat YYYY-MM-DD', 'a date looks like YYYY-MM-DD'));
const hours = (min: number) =>
  z
    .number()
    .min(min, zodText(`minimal ${min} jam`, `at least ${min} hours`))
    .max(24, zodText('maksimal 24 jam', 'at most 24 hours'));
const districtCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, zodText('pilih kecamatan', 'choose a kecamatan'));

export const mentorProfileInput = z.object({
  operatorId: z.uuid(),
  expertise: z.array(z.enum(mentoringTopics)).max(mentoringTopics.length).default([]),
  sectors: z.array(z.enum(kbliSectors)).max(kbliSectors.length).default([]),
  districtCodes: z.array(districtCode).max(100).default([]),
  capacity: z.number().int().min(0).max(1000).default(mentorDefaults.capacity),
  recruitmentTarget: z.number().int().min(0).max(100_000).nullish(),
  contactEveryDays: z.number().int().min(1).max(365).default(mentorDefaults.contactEveryDays),
  active: z.boolean().default(true),
});
export type MentorProfileInput = z.infer<typeof mentorProfileInput>;

export const assignmentInput = z.object({
  personIds: z.array(z.uuid()).min(1).max(1000),
  mentorUserId: z.string().trim().min(1).max(100),
  overrideCapacity: z.boolean().optional(),
  reason: z.string().trim().max(500).nullish(),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const suggestInput = z.object({ personIds: z.array(z.uuid()).min(1).max(200) });

export const actionInput = z.object({
  description: z.string().trim().min(2, zodText('tuliskan tindakannya', 'describe the action')).max(500),
  dueOn: isoDate.nullish(),
});

export const sessionInput = z.object({
  personId: z.uuid(),
  businessId: z.uuid().nullish(),
  /** Only a program admin (mentoring.write over the operator) may log for another mentor. */
  mentorUserId: z.string().trim().min(1).max(100).nullish(),
  heldOn: isoDate,
  mode: z.enum(sessionModes),
  prepHours: hours(0).default(0),
  contactHours: hours(0.25),
  topics: z
    .array(z.enum(mentoringTopics))
    .min(1, zodText('pilih minimal satu topik', 'choose at least one topic'))
    .max(mentoringTopics.length),
  notes: z.string().trim().max(5000).nullish(),
  nextFollowUpOn: isoDate.nullish(),
  actions: z.array(actionInput).max(20).default([]),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
  clinicBookingId: z.uuid().nullish(),
});
export type SessionInput = z.infer<typeof sessionInput>;

const clock = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d$/,
    zodText('jam berformat HH:MM, mis. 09:00', 'a time looks like HH:MM, e.g. 09:00'),
  );

export const clinicSlotsInput = z.object({
  centerId: z.uuid(),
  mentorUserId: z.string().trim().min(1).max(100).nullish(),
  date: isoDate,
  from: clock,
  to: clock,
  minutes: z.number().int().min(15).max(240),
});
export type ClinicSlotsInput = z.infer<typeof clinicSlotsInput>;

const bookingTopic = z.string().trim().max(200).nullish();
export const bookingInput = z.object({ slotId: z.uuid(), personId: z.uuid(), topic: bookingTopic });
export const memberBookingInput = z.object({ slotId: z.uuid(), topic: bookingTopic });
