import { makeAuditService } from './modules/audit/audit.service.js';
import { makeExportsService } from './modules/exports/exports.service.js';
import { makeImportsService } from './modules/imports/imports.service.js';
import { makeMembersService } from './modules/members/members.service.js';
import { makeMentoringService } from './modules/mentoring/mentoring.service.js';
import { makeOperatorsService } from './modules/operators/operators.service.js';
import { makeBulkService } from './modules/participants/bulk.js';
import { makeBusinessesService } from './modules/participants/businesses.service.js';
import { makeDocumentsService } from './modules/participants/documents.js';
import { makeJourneyService } from './modules/participants/journey.service.js';
import { makeParticipantsService } from './modules/participants/participants.service.js';
import { makeSelectionService } from './modules/participants/selection.service.js';
import { makeProgramsService } from './modules/programs/programs.service.js';
import { makeRegionsService } from './modules/regions/regions.service.js';
import { makeReminders } from './modules/reminders/reminders.service.js';
import { makeSetupService } from './modules/setup/setup.service.js';
import { makeTrainingsService } from './modules/trainings/trainings.service.js';
import { makeUsersService } from './modules/users/users.service.js';
import type { Platform } from './platform/platform.js';

/** Every domain service, wired once. Routes, jobs and CLI commands call these; none of them touch tables. */
export function createServices(platform: Platform) {
  const { db } = platform;
  const regions = makeRegionsService(db);
  const journey = makeJourneyService(db);
  const programs = makeProgramsService(db, regions);
  const members = makeMembersService(db, platform.codes, { journey });
  // trainings: catalog, waves, enrollment, attendance, certificates (the bulk action add_to_training uses it)
  const trainings = makeTrainingsService(db, {
    journey,
    notifications: platform.notifications,
    files: platform.files,
    codes: platform.codes,
    members,
    baseUrl: platform.config.baseUrl,
  });
  // mentoring: mentor profiles, assignments (the bulk action assign_mentor uses it), sessions, caseloads, clinic
  const mentoring = makeMentoringService(db, {
    regions,
    journey,
    notifications: platform.notifications,
    members,
    baseUrl: platform.config.baseUrl,
  });
  // the daily job: tomorrow's training reminders and the mentors' digests
  const reminders = makeReminders({
    db,
    jobs: platform.jobs,
    log: platform.log,
    senders: { trainings: trainings.sendReminders, mentoring: mentoring.sendDigests },
  });
  return {
    regions,
    operators: makeOperatorsService(db, regions),
    programs,
    users: makeUsersService(db, regions),
    audit: makeAuditService(db),
    setup: makeSetupService(db),
    participants: makeParticipantsService(db),
    // participants: selection, the 7 PAS journey, businesses, bulk actions
    journey,
    selection: makeSelectionService(db, { journey, programs, notifications: platform.notifications }),
    businesses: makeBusinessesService(db),
    participantsBulk: makeBulkService(db, { journey, trainings: trainings.enrollment, mentoring }),
    participantDocuments: makeDocumentsService(db, platform.files),
    trainings,
    mentoring,
    reminders,
    // members as users: their account and member card
    members,
    // spreadsheets in and out
    imports: makeImportsService(platform.database, { files: platform.files, jobs: platform.jobs }),
    exports: makeExportsService(platform),
  };
}

export type Services = ReturnType<typeof createServices>;
