import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../access/actor.js';
import type { AssignmentsService } from '../mentoring/assignments.service.js';
import type { EnrollmentService } from '../trainings/enrollment.service.js';
import type { JourneyService } from './journey.service.js';

/** Bulk actions on participants; each action is one variant, so new ones add a case, not an endpoint. */
export const bulkInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign_mentor'),
    ids: z.array(z.uuid()).min(1).max(1000),
    mentorUserId: z.string().trim().min(1).max(100),
    overrideCapacity: z.boolean().optional(),
  }),
  // Enroll in a training wave; the trainings module decides seats and waitlist.
  z.object({
    action: z.literal('add_to_training'),
    ids: z.array(z.uuid()).min(1).max(1000),
    waveId: z.uuid(),
  }),
]);
export type BulkInput = z.infer<typeof bulkInput>;

/** What a bulk action answers: how many people changed, and for add_to_training where they landed. */
export type BulkResult = { updated: number; enrolled?: number; waitlisted?: number; already?: number };

// Each action delegates to the module that owns it, so the database handle is not needed here (kept for the wiring).
export function makeBulkService(
  _db: Db,
  deps: {
    journey: JourneyService;
    trainings: Pick<EnrollmentService, 'enroll'>;
    mentoring: Pick<AssignmentsService, 'assign'>;
  },
) {
  return {
    async run(actor: Actor | undefined, input: BulkInput): Promise<BulkResult> {
      switch (input.action) {
        case 'assign_mentor': {
          // The mentoring module owns assignment (area, capacity, history, stage 3): one way to assign.
          const { assigned } = await deps.mentoring.assign(
            actor,
            { personIds: input.ids, mentorUserId: input.mentorUserId, overrideCapacity: input.overrideCapacity },
            { path: 'ids' },
          );
          return { updated: assigned };
        }
        case 'add_to_training': {
          const { enrolled, waitlisted, already } = await deps.trainings.enroll(actor, input.waveId, {
            personIds: input.ids,
          });
          return { updated: enrolled + waitlisted, enrolled, waitlisted, already };
        }
      }
    },
  };
}

export type BulkService = ReturnType<typeof makeBulkService>;
