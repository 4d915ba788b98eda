import { and, eq, gt, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import type { ClinicSlotsInput } from '../../../shared/mentoring.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { requireAccess, type Scope, scopeCondition, scopeOf } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MembersService } from '../members/members.service.js';
import { centers } from '../operators/operators.schema.js';
import { todayWib } from '../participants/journey.service.js';
import { loadBookings, loadSlots, noticeToMember, type SlotView } from './clinic-views.js';
import { loadMentors, mentorMayServe } from './mentor-directory.js';
import { clinicBookings, clinicSlots } from './mentoring.schema.js';

type Deps = { notifications: Notifications; members: MembersService };

/** A WIB wall-clock time on a WIB day as an instant. */
export const wibInstant = (date: string, clock: string) => new Date(`${date}T${clock}:00+07:00`);
const MINUTE = 60_000;
const MAX_SLOTS = 48;

const slotNotFound = () => AppError.notFound({ id: 'Slot klinik', en: 'Clinic slot' });
const centerNotFound = () => AppError.notFound({ id: 'Sentra', en: 'Center' });

function staffScope(actor: Actor | undefined): Scope | null {
  try {
    return scopeOf(actor, 'mentoring.read');
  } catch {
    return null;
  }
}

/** Business clinic time slots per center: created in a window split into equal slots, listed, cancelled. */
export function makeClinicSlotsService(db: Db, deps: Deps) {
  async function loadCenter(actor: Actor | undefined, centerId: string) {
    requireAccess(actor, 'mentoring.manage');
    const [center] = await db.select().from(centers).where(eq(centers.id, centerId));
    requireAccess(
      actor,
      'mentoring.manage',
      center && { operatorId: center.operatorId, regionCode: center.districtCode },
    );
    if (!center) throw centerNotFound();
    return center;
  }

  function window(input: ClinicSlotsInput) {
    const start = wibInstant(input.date, input.from).getTime();
    const end = wibInstant(input.date, input.to).getTime();
    const slots: Array<{ startsAt: Date; endsAt: Date }> = [];
    for (let t = start; t + input.minutes * MINUTE <= end && slots.length < MAX_SLOTS; t += input.minutes * MINUTE)
      slots.push({ startsAt: new Date(t), endsAt: new Date(t + input.minutes * MINUTE) });
    if (slots.length === 0)
      throw AppError.validation([
        {
          path: 'to',
          code: 'window_too_short',
          message: 'Jam selesai harus setelah jam mulai, cukup untuk satu slot',
          en: 'The end time must come after the start, with room for one slot',
        },
      ]);
    if (slots[0].startsAt.getTime() <= Date.now())
      throw AppError.validation([
        {
          path: 'date',
          code: 'in_the_past',
          message: 'Slot klinik harus di masa depan',
          en: 'Clinic slots must lie in the future',
        },
      ]);
    return slots;
  }

  return {
    /** Staff see the slots of the centers in their area; a member sees those of their operator. */
    async listSlots(
      actor: Actor | undefined,
      q: { centerId?: string; operatorId?: string; from?: string; to?: string },
    ): Promise<{ items: SlotView[] }> {
      const scope = staffScope(actor);
      const person = scope ? null : await deps.members.personOf(actor);
      const from = q.from ?? todayWib();
      const to = q.to ?? addDays(from, 30);
      const where: SQL[] = [
        gte(clinicSlots.startsAt, wibInstant(from, '00:00')),
        lt(clinicSlots.startsAt, wibInstant(addDays(to, 1), '00:00')),
        scope
          ? scopeCondition(scope, centers.operatorId, centers.districtCode)
          : eq(centers.operatorId, person!.operatorId),
      ];
      if (q.centerId) where.push(eq(clinicSlots.centerId, q.centerId));
      if (q.operatorId) where.push(eq(clinicSlots.operatorId, q.operatorId));
      return { items: await loadSlots(db, and(...where), { staff: !!scope, personId: person?.id }) };
    },

    /** Open slots of the member's operator for the next 30 days, the member's own kecamatan first. */
    async openSlotsFor(person: { id: string; operatorId: string; domicileDistrictCode: string }) {
      const now = new Date();
      const slots = await loadSlots(
        db,
        and(
          eq(clinicSlots.operatorId, person.operatorId),
          isNull(clinicSlots.cancelledAt),
          gt(clinicSlots.startsAt, now),
          lt(clinicSlots.startsAt, new Date(now.getTime() + 30 * 86_400_000)),
        ),
        { staff: false, personId: person.id },
      );
      const near = (s: SlotView) => (s.centerDistrictCode === person.domicileDistrictCode ? 0 : 1);
      return slots.filter((s) => !s.booking).sort((a, b) => near(a) - near(b));
    },

    async createSlots(actor: Actor | undefined, input: ClinicSlotsInput): Promise<{ created: number }> {
      const center = await loadCenter(actor, input.centerId);
      const mentorUserId = input.mentorUserId ?? null;
      if (mentorUserId) {
        const [mentor] = await loadMentors(db, { userIds: [mentorUserId], operatorIds: [center.operatorId] });
        if (!mentor || !mentorMayServe(mentor, center.districtCode))
          throw AppError.validation([
            {
              path: 'mentorUserId',
              code: 'not_a_mentor',
              message: 'Pilih pendamping yang bertugas di kecamatan sentra ini',
              en: "Choose a mentor working in this center's kecamatan",
            },
          ]);
      }
      const slots = window(input);
      const first = slots[0].startsAt;
      const last = slots[slots.length - 1].endsAt;
      return db.transaction(async (tx) => {
        // Two people opening slots for the same center at once must not both pass the overlap check.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`clinic:${center.id}`}))`);
        const clash = await tx
          .select({ startsAt: clinicSlots.startsAt, endsAt: clinicSlots.endsAt })
          .from(clinicSlots)
          .where(
            and(
              eq(clinicSlots.centerId, center.id),
              isNull(clinicSlots.cancelledAt),
              sql`${clinicSlots.mentorUserId} is not distinct from ${mentorUserId}`,
              lt(clinicSlots.startsAt, last),
              gt(clinicSlots.endsAt, first),
            ),
          )
          .limit(1);
        if (clash.length)
          throw new AppError(
            'CONFLICT',
            {
              id: 'Sudah ada slot klinik pada jam itu di sentra ini untuk pendamping yang sama — pilih jam lain',
              en: 'This center already has a clinic slot at that time for the same mentor — choose another time',
            },
            [
              {
                path: 'from',
                code: 'slot_overlap',
                message: 'Bertabrakan dengan slot yang sudah ada',
                en: 'Overlaps an existing slot',
              },
            ],
          );
        const created = await tx
          .insert(clinicSlots)
          .values(
            slots.map((s) => ({
              operatorId: center.operatorId,
              centerId: center.id,
              mentorUserId,
              ...s,
              createdBy: actorId(actor!),
            })),
          )
          .returning({ id: clinicSlots.id });
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'clinic_slot',
          entityId: created[0].id,
          operatorId: center.operatorId,
          after: {
            centerId: center.id,
            mentorUserId,
            date: input.date,
            from: input.from,
            to: input.to,
            slots: created.length,
          },
        });
        return { created: created.length };
      });
    },

    /** Cancels a slot and the booking holding it; the member is told. */
    async cancelSlot(actor: Actor | undefined, id: string): Promise<SlotView> {
      requireAccess(actor, 'mentoring.manage');
      const [slot] = await db.select().from(clinicSlots).where(eq(clinicSlots.id, id));
      if (!slot) throw slotNotFound();
      await loadCenter(actor, slot.centerId).catch(() => {
        throw slotNotFound();
      });
      await db.transaction(async (tx) => {
        if (!slot.cancelledAt)
          await tx.update(clinicSlots).set({ cancelledAt: new Date() }).where(eq(clinicSlots.id, id));
        const cancelled = await tx
          .update(clinicBookings)
          .set({ status: 'cancelled', updatedAt: new Date() })
          .where(and(eq(clinicBookings.slotId, id), inArray(clinicBookings.status, ['requested', 'confirmed'])))
          .returning({ id: clinicBookings.id });
        const told = cancelled.length
          ? await loadBookings(
              tx,
              inArray(
                clinicBookings.id,
                cancelled.map((c) => c.id),
              ),
            )
          : [];
        for (const b of told) await noticeToMember(tx, deps.notifications, 'clinic.cancelled', b);
        await recordAudit(tx, actor!, {
          action: 'cancel',
          entity: 'clinic_slot',
          entityId: id,
          operatorId: slot.operatorId,
          after: { cancelledBookings: cancelled.map((c) => c.id) },
        });
      });
      const [view] = await loadSlots(db, eq(clinicSlots.id, id), { staff: true });
      return view;
    },
  };
}

export type ClinicSlotsService = ReturnType<typeof makeClinicSlotsService>;
