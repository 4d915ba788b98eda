import type { z } from 'zod';
import type {
  BookingStatus,
  clinicSlotsInput,
  MentorView,
  mentorProfileInput,
  sessionInput,
  Urgency,
} from '../../../shared/mentoring.js';

export type { BookingStatus, Urgency };

/** The shapes of the mentoring API (mentors, caseloads, session log, clinic), as the web app reads them. */

export type Mentor = MentorView;

export type MentorProfileInput = z.input<typeof mentorProfileInput>;

export type CaseRow = {
  personId: string;
  fullName: string;
  phone: string | null;
  districtName: string | null;
  villageName: string | null;
  businessName: string | null;
  mentorUserId: string;
  mentorName: string;
  since: string;
  lastContactOn: string | null;
  daysSinceContact: number | null;
  nextFollowUpOn: string | null;
  followUpOverdueDays: number | null;
  openActions: number;
  overdueActions: number;
  urgency: Urgency;
  score: number;
};

export type CaseloadSummary = {
  members: number;
  overdueFollowUps: number;
  notContacted: number;
  openActions: number;
  overdueActions: number;
};

export type Caseload = { items: CaseRow[]; total: number; summary: CaseloadSummary };

export type CaseloadSearch = {
  mentorUserId?: string;
  districtCode?: string;
  urgency?: Urgency;
  page?: number;
};

export type MentorMonth = {
  userId: string;
  name: string;
  caseload: number;
  capacity: number;
  recruitmentTarget: number | null;
  recruited: number;
  sessions: number;
  contacts: number;
  contactHours: number;
  prepHours: number;
  overdueFollowUps: number;
};

export type MentorStats = {
  month: string;
  items: MentorMonth[];
  totals: Partial<Omit<MentorMonth, 'userId' | 'name'>>;
};

export type Action = {
  id: string;
  sessionId: string;
  personId: string;
  description: string;
  dueOn: string | null;
  doneAt: string | null;
  overdue: boolean;
};

export type Attachment = { id: string; name: string; mime: string; size: number };

export type Session = {
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
  actions: Action[];
  attachments: Attachment[];
  createdAt: string;
};

export type SessionInput = z.input<typeof sessionInput>;

export type PersonMentoring = {
  current: { userId: string; name: string; since: string } | null;
  history: {
    userId: string;
    name: string;
    since: string;
    until: string | null;
    assignedBy: string | null;
    assignedByName?: string | null;
  }[];
  sessions: Session[];
  openActions: Action[];
  totals: {
    sessions: number;
    contactHours: number;
    prepHours: number;
    lastContactOn: string | null;
    nextFollowUpOn: string | null;
  };
};

export type Suggestion = {
  userId: string;
  name: string;
  score: number;
  reasons: string[];
  caseload: number;
  capacity: number;
};

export type Suggestions = { items: { personId: string; suggestions: Suggestion[] }[] };

export type ClinicSlot = {
  id: string;
  centerId: string;
  centerName: string;
  mentorUserId: string | null;
  mentorName: string | null;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
  booking: {
    id: string;
    // null for a member looking at someone else's booking
    personId: string | null;
    personName: string | null;
    status: BookingStatus;
    topic: string | null;
    // members only: the booking is theirs
    mine?: boolean;
  } | null;
};

export type Booking = {
  id: string;
  slotId: string;
  personId: string;
  personName: string;
  status: BookingStatus;
  topic: string | null;
  startsAt: string;
  endsAt: string;
  centerId: string;
  centerName: string;
  mentorUserId: string | null;
  mentorName: string | null;
  createdAt: string;
};

export type SlotsInput = z.input<typeof clinicSlotsInput>;

export type MyClinic = { slots: ClinicSlot[]; bookings: Booking[] };

export type MyMentoring = {
  mentor: { name: string; phone: string | null } | null;
  sessions: { heldOn: string; mode: string; topics: string[]; nextFollowUpOn: string | null }[];
  openActions: Action[];
};
