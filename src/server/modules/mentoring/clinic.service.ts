import { and, eq, inArray } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { BookingStatus } from '../../../shared/mentoring.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, pgErrorOf } from '../../platform/errors.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { inScope, requireAccess, scopeOf, type Target } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MembersService } from '../members/members.service.js';
import { personTarget } from '../participants/journey.service.js';
import { people } from '../participants/participants.schema.js';
import type { ClinicSlotsService } from './clinic-slots.service.js';
import { type BookingView, loadBookings, noticeToMember } from './clinic-views.js';
import { clinicBookings, clinicSlots } from './mentoring.schema.js';

type Deps = { notifications: Notifications; members: MembersService; slots: ClinicSlotsService };
type Person = typeof people.$inferSelect;

const bookingNotFound = () => AppError.notFound({ id: 'Pemesanan klinik', en: 'Clinic booking' });
const slotNotFound = () => AppError.notFound({ id: 'Slot klinik', en: 'Clinic slot' });
const slotTaken = () =>
  new AppError('SLOT_TAKEN', {
    id: 'Slot klinik ini sudah dipesan orang lain — pilih jam lain',
    en: 'This clinic slot has already been booked — choose another time',
  });
const unavailable = (code: string, id: string, en: string) =>
  new AppError('CONFLICT', { id, en }, [{ path: 'slotId', code, message: id, en }]);

/** Does the actor hold `permission` over the target (null: anywhere)? False, not an error, when they do not. */
function holdsOver(actor: Actor | undefined, permission: Permission, target: Target | null): boolean {
  try {
    const scope = scopeOf(actor, permission);
    return target === null || inScope(scope, target);
  } catch {
    return false;
  }
}

/**
 * Business clinic bookings: a member (or staff for them) books a slot, the slot's mentor confirms, the session log
 * closes it. No double-booking: the partial unique index `clinic_bookings_live_slot_uq` admits one live booking per
 * slot, so of two racing bookings one wins and the other gets SLOT_TAKEN.
 */
export function makeClinicService(db: Db, deps: Deps) {
  async function loadBooking(id: string) {
    const [row] = await db
      .select({ booking: clinicBookings, slot: clinicSlots, person: people })
      .from(clinicBookings)
      .innerJoin(clinicSlots, eq(clinicSlots.id, clinicBookings.slotId))
      .innerJoin(people, eq(people.id, clinicBookings.personId))
      .where(eq(clinicBookings.id, id));
    if (!row) throw bookingNotFound();
    return row;
  }

  const viewOf = async (tx: DbOrTx, id: string) => (await loadBookings(tx, eq(clinicBookings.id, id)))[0];

  /** Staff acting on a person: mentoring.write or mentoring.manage over them; 404 when out of scope. */
  async function staffPerson(actor: Actor | undefined, personId: string): Promise<Person> {
    // 401/403 for someone holding neither permission anywhere.
    if (!holdsOver(actor, 'mentoring.manage', null)) requireAccess(actor, 'mentoring.write');
    const [person] = await db.select().from(people).where(eq(people.id, personId));
    const target = person && personTarget(person);
    if (!person || !(holdsOver(actor, 'mentoring.write', target) || holdsOver(actor, 'mentoring.manage', target)))
      throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
    return person;
  }

  async function place(actor: Actor | undefined, person: Person, slotId: string, topic?: string | null) {
    if (person.status === 'merged') throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
    const [slot] = await db.select().from(clinicSlots).where(eq(clinicSlots.id, slotId));
    if (!slot || slot.operatorId !== person.operatorId) throw slotNotFound();
    if (slot.cancelledAt)
      throw unavailable('slot_cancelled', 'Slot klinik ini sudah dibatalkan', 'This clinic slot has been cancelled');
    if (slot.startsAt.getTime() <= Date.now())
      throw unavailable(
        'slot_past',
        'Slot klinik ini sudah lewat — pilih jam lain',
        'This clinic slot is over — choose another time',
      );
    try {
      const id = await db.transaction(async (tx) => {
        const [held] = await tx
          .select({ id: clinicBookings.id })
          .from(clinicBookings)
          .where(
            and(eq(clinicBookings.slotId, slot.id), inArray(clinicBookings.status, ['requested', 'confirmed', 'done'])),
          )
          .limit(1);
        if (held) throw slotTaken();
        const [created] = await tx
          .insert(clinicBookings)
          .values({
            operatorId: slot.operatorId,
            slotId: slot.id,
            personId: person.id,
            topic: topic || null,
            bookedBy: actorId(actor!),
          })
          .returning({ id: clinicBookings.id });
        await noticeToMember(tx, deps.notifications, 'clinic.booked', await viewOf(tx, created.id));
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'clinic_booking',
          entityId: created.id,
          operatorId: slot.operatorId,
          after: { slotId: slot.id, personId: person.id, topic: topic || null },
        });
        return created.id;
      });
      return viewOf(db, id);
    } catch (err) {
      // The racer that lost at the unique index.
      if (pgErrorOf(err)?.code === '23505') throw slotTaken();
      throw err;
    }
  }

  /** Moves a booking on, only from the statuses given (checked in the UPDATE, so a concurrent change is caught). */
  async function move(
    actor: Actor,
    row: Awaited<ReturnType<typeof loadBooking>>,
    to: BookingStatus,
    options: { byMember?: boolean } = {},
  ) {
    const from = to === 'confirmed' ? ['requested'] : ['requested', 'confirmed'];
    return db.transaction(async (tx) => {
      const [moved] = await tx
        .update(clinicBookings)
        .set({ status: to, updatedAt: new Date(), ...(to === 'confirmed' ? { confirmedBy: actorId(actor) } : {}) })
        .where(and(eq(clinicBookings.id, row.booking.id), inArray(clinicBookings.status, from)))
        .returning({ id: clinicBookings.id });
      if (!moved)
        throw new AppError(
          'INVALID_TRANSITION',
          {
            id: `Pemesanan berstatus "${row.booking.status}" tidak dapat diubah menjadi "${to}"`,
            en: `A booking that is "${row.booking.status}" cannot become "${to}"`,
          },
          { from: row.booking.status, to },
        );
      // A mentor confirming a slot opened without a named mentor takes it.
      if (to === 'confirmed' && !row.slot.mentorUserId && holdsOver(actor, 'mentoring.write', personTarget(row.person)))
        await tx
          .update(clinicSlots)
          .set({ mentorUserId: actorId(actor) })
          .where(eq(clinicSlots.id, row.slot.id));
      const view = await viewOf(tx, row.booking.id);
      // The member hears of a confirmation, and of a cancellation they did not make themselves.
      if (to === 'confirmed' || (to === 'cancelled' && !options.byMember))
        await noticeToMember(
          tx,
          deps.notifications,
          to === 'confirmed' ? 'clinic.confirmed' : 'clinic.cancelled',
          view,
        );
      await recordAudit(tx, actor, {
        action: to === 'confirmed' ? 'confirm' : to === 'done' ? 'complete' : 'cancel',
        entity: 'clinic_booking',
        entityId: row.booking.id,
        operatorId: row.booking.operatorId,
        before: { status: row.booking.status },
        after: { status: to },
      });
      return view;
    });
  }

  /** The slot's mentor, or staff with mentoring.write/manage over the member (write alone confirms only open slots). */
  async function staffMove(actor: Actor | undefined, id: string, to: BookingStatus): Promise<BookingView> {
    requireAccess(actor, 'mentoring.read');
    const row = await loadBooking(id);
    const target = personTarget(row.person);
    const slotMentor = actor?.kind === 'user' && row.slot.mentorUserId === actor.userId;
    const manage = holdsOver(actor, 'mentoring.manage', target);
    const write = holdsOver(actor, 'mentoring.write', target);
    const allowed = slotMentor || manage || (write && (to !== 'confirmed' || !row.slot.mentorUserId));
    if (!allowed) {
      if (write || holdsOver(actor, 'mentoring.read', target))
        throw AppError.forbidden({
          id: 'Hanya pendamping slot ini atau koordinator yang dapat mengubah pemesanan ini',
          en: "Only this slot's mentor or a coordinator can change this booking",
        });
      throw bookingNotFound();
    }
    return move(actor!, row, to);
  }

  return {
    async book(actor: Actor | undefined, input: { slotId: string; personId: string; topic?: string | null }) {
      const person = await staffPerson(actor, input.personId);
      return place(actor, person, input.slotId, input.topic);
    },
    confirmBooking: (actor: Actor | undefined, id: string) => staffMove(actor, id, 'confirmed'),
    cancelBooking: (actor: Actor | undefined, id: string) => staffMove(actor, id, 'cancelled'),
    completeBooking: (actor: Actor | undefined, id: string) => staffMove(actor, id, 'done'),

    /** The member's clinic page: open slots (their kecamatan first) and their own bookings. */
    async memberClinic(actor: Actor | undefined) {
      const person = await deps.members.personOf(actor);
      const [slots, bookings] = await Promise.all([
        deps.slots.openSlotsFor(person),
        loadBookings(db, eq(clinicBookings.personId, person.id)),
      ]);
      return { slots, bookings };
    },

    async memberBook(actor: Actor | undefined, input: { slotId: string; topic?: string | null }) {
      const person = await deps.members.personOf(actor);
      return place(actor, person, input.slotId, input.topic);
    },

    async memberCancel(actor: Actor | undefined, id: string): Promise<BookingView> {
      const person = await deps.members.personOf(actor);
      const row = await loadBooking(id);
      if (row.booking.personId !== person.id) throw bookingNotFound();
      return move(actor!, row, 'cancelled', { byMember: true });
    },
  };
}

export type ClinicService = ReturnType<typeof makeClinicService>;
