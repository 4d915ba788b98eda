import { z } from 'zod';
import { bookingStatuses, urgencyKinds } from '../../../shared/mentoring.js';

/** What the mentoring endpoints answer, as zod schemas (response validation and OpenAPI). */

export const mentorView = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  operatorId: z.uuid(),
  regionPrefixes: z.array(z.string()),
  expertise: z.array(z.string()),
  sectors: z.array(z.string()),
  districtCodes: z.array(z.string()),
  districtNames: z.array(z.string()),
  capacity: z.number().int(),
  recruitmentTarget: z.number().int().nullable(),
  contactEveryDays: z.number().int(),
  active: z.boolean(),
  caseload: z.number().int().describe('members currently assigned'),
  recruited: z.number().int().describe('people registered by this mentor'),
  overdue: z.number().int().describe('caseload members whose follow-up date has passed'),
});

export const actionView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  personId: z.uuid(),
  description: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.date().nullable(),
  overdue: z.boolean(),
});

export const sessionView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  businessId: z.uuid().nullable(),
  mentorUserId: z.string(),
  mentorName: z.string(),
  heldOn: z.string(),
  mode: z.string(),
  prepHours: z.number(),
  contactHours: z.number(),
  topics: z.array(z.string()),
  notes: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  clinicBookingId: z.uuid().nullable(),
  actions: z.array(actionView),
  attachments: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() })),
  createdAt: z.date(),
});

export const personMentoringView = z.object({
  current: z.object({ userId: z.string(), name: z.string(), since: z.string() }).nullable(),
  history: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      since: z.string(),
      until: z.string().nullable(),
      assignedBy: z.string().nullable(),
      assignedByName: z.string().nullable(),
    }),
  ),
  sessions: z.array(sessionView),
  openActions: z.array(actionView),
  totals: z.object({
    sessions: z.number().int(),
    contactHours: z.number(),
    prepHours: z.number(),
    lastContactOn: z.string().nullable(),
    nextFollowUpOn: z.string().nullable(),
  }),
});

export const memberMentoringView = z.object({
  mentor: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  sessions: z.array(
    z.object({
      heldOn: z.string(),
      mode: z.string(),
      topics: z.array(z.string()),
      nextFollowUpOn: z.string().nullable(),
    }),
  ),
  openActions: z.array(actionView),
});

export const caseRow = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  phone: z.string().nullable(),
  districtName: z.string().nullable(),
  villageName: z.string().nullable(),
  businessName: z.string().nullable(),
  mentorUserId: z.string(),
  mentorName: z.string(),
  since: z.string(),
  lastContactOn: z.string().nullable(),
  daysSinceContact: z.number().int().nullable().describe('null: never contacted'),
  nextFollowUpOn: z.string().nullable(),
  followUpOverdueDays: z.number().int().nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  urgency: z.enum(urgencyKinds),
  score: z.number().describe('within one urgency, higher is more urgent'),
});

export const caseloadView = z.object({
  items: z.array(caseRow),
  total: z.number().int(),
  summary: z.object({
    members: z.number().int(),
    overdueFollowUps: z.number().int().describe('members'),
    notContacted: z.number().int().describe('members'),
    openActions: z.number().int().describe('actions'),
    overdueActions: z.number().int().describe('actions'),
  }),
});

const statsFigures = {
  caseload: z.number().int(),
  recruited: z.number().int(),
  sessions: z.number().int(),
  contacts: z.number().int().describe('distinct members contacted'),
  contactHours: z.number(),
  prepHours: z.number(),
  overdueFollowUps: z.number().int(),
};

export const statsView = z.object({
  month: z.string(),
  items: z.array(
    z.object({
      userId: z.string(),
      operatorId: z.uuid(),
      name: z.string(),
      capacity: z.number().int(),
      recruitmentTarget: z.number().int().nullable(),
      ...statsFigures,
    }),
  ),
  totals: z.object({ mentors: z.number().int(), ...statsFigures }),
});

export const slotView = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  centerDistrictCode: z.string(),
  mentorUserId: z.string().nullable(),
  mentorName: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  cancelled: z.boolean(),
  booking: z
    .object({
      id: z.uuid(),
      personId: z.uuid().nullable().describe('null for a member looking at someone else’s booking'),
      personName: z.string().nullable().describe('staff only'),
      status: z.enum(bookingStatuses),
      topic: z.string().nullable(),
      mine: z.boolean().optional().describe('members only: the booking is theirs'),
    })
    .nullable(),
});

export const bookingView = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  status: z.enum(bookingStatuses),
  topic: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  centerId: z.uuid(),
  centerName: z.string(),
  mentorUserId: z.string().nullable(),
  mentorName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
