import { makeAuditService } from './modules/audit/audit.service.js';
import { makeOperatorsService } from './modules/operators/operators.service.js';
import { makeRegionsService } from './modules/regions/regions.service.js';
import { makeSetupService } from './modules/setup/setup.service.js';
import { makeUsersService } from './modules/users/users.service.js';
import type { Platform } from './platform/platform.js';

/** Every domain service, wired once. Routes, jobs and CLI commands call these; none of them touch tables. */
export function createServices(platform: Platform) {
  const { db } = platform;
  const regions = makeRegionsService(db);
  return {
    regions,
    operators: makeOperatorsService(db, regions),
    users: makeUsersService(db, regions),
    audit: makeAuditService(db),
    setup: makeSetupService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
