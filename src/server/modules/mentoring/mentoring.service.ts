import type { Db } from '../../platform/db/client.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import type { MembersService } from '../members/members.service.js';
import type { JourneyService } from '../participants/journey.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { makeAssignmentsService } from './assignments.service.js';
import { makeCaseloadService } from './caseload.service.js';
import { sendMentorDigests } from './caseload-reminders.js';
import { makeClinicService } from './clinic.service.js';
import { makeClinicSlotsService } from './clinic-slots.service.js';
import { makeMentorsService } from './mentors.service.js';
import { makePersonMentoring } from './person-mentoring.js';
import { makeSessionsService } from './sessions.service.js';

export type MentoringDeps = {
  regions: RegionsService;
  journey: JourneyService;
  notifications: Notifications;
  members: MembersService;
  /** The web app's address, for links in messages. */
  baseUrl: string;
};

/**
 * Mentoring (Pendampingan, stage 3) and the business clinic, one service made of its parts: mentor profiles,
 * assignments, the session log, caseloads and stats, clinic slots and bookings, and the mentors' daily digest.
 */
export function makeMentoringService(db: Db, deps: MentoringDeps) {
  const slots = makeClinicSlotsService(db, deps);
  return {
    ...makeMentorsService(db, deps),
    ...makeAssignmentsService(db, deps),
    ...makeSessionsService(db, deps),
    ...makePersonMentoring(db, deps),
    ...makeCaseloadService(db, deps),
    ...slots,
    ...makeClinicService(db, { ...deps, slots }),
    /** The daily job's work (wired by the jobs schedule): one digest per active mentor with anything urgent. */
    sendDigests: (today?: string) => sendMentorDigests(db, deps, today),
  };
}

export type MentoringService = ReturnType<typeof makeMentoringService>;
