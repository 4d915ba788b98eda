import type { App } from '../../platform/http/app-types.js';
import { registerAssignmentRoutes } from './assignments.routes.js';
import { registerCaseloadRoutes } from './caseload.routes.js';
import { registerClinicRoutes } from './clinic.routes.js';
import type { MentoringService } from './mentoring.service.js';
import { registerMentorRoutes } from './mentors.routes.js';
import { registerSessionRoutes } from './sessions.routes.js';

/** Every mentoring and business-clinic endpoint (OpenAPI tags `mentoring` and `clinic`). */
export function registerMentoringRoutes(app: App, mentoring: MentoringService) {
  registerMentorRoutes(app, mentoring);
  registerAssignmentRoutes(app, mentoring);
  registerSessionRoutes(app, mentoring);
  registerCaseloadRoutes(app, mentoring);
  registerClinicRoutes(app, mentoring);
}
