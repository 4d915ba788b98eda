import type { App } from '../../platform/http/app-types.js';
import { registerAttendanceRoutes } from './attendance.routes.js';
import { registerCourseRoutes } from './courses.routes.js';
import { registerMyTrainingRoutes } from './me.routes.js';
import type { TrainingsService } from './trainings.service.js';
import { registerWaveRoutes } from './waves.routes.js';

/** Every trainings endpoint (tag `trainings` in the OpenAPI document). */
export function registerTrainingRoutes(app: App, trainings: TrainingsService) {
  registerCourseRoutes(app, trainings);
  registerWaveRoutes(app, trainings);
  registerAttendanceRoutes(app, trainings);
  registerMyTrainingRoutes(app, trainings);
}
