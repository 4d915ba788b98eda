// Every table of Sentra, gathered for Drizzle (queries) and drizzle-kit (migrations). Modules own their tables.
export * from '../../modules/access/access.schema.js';
export * from '../../modules/audit/audit.schema.js';
export * from '../../modules/imports/imports.schema.js';
export * from '../../modules/members/members.schema.js';
export * from '../../modules/mentoring/mentoring.schema.js';
export * from '../../modules/operators/operators.schema.js';
export * from '../../modules/participants/participants.schema.js';
export * from '../../modules/programs/programs.schema.js';
export * from '../../modules/regions/regions.schema.js';
export * from '../../modules/reminders/reminders.schema.js';
export * from '../../modules/system/system.schema.js';
export * from '../../modules/trainings/trainings.schema.js';
export * from '../auth/auth.schema.js';
export * from '../files/files.schema.js';
export * from '../jobs/jobs.schema.js';
export * from '../notifications/notifications.schema.js';
