import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatDateTime } from '../../../shared/format.js';
import type { BookingStatus } from '../../../shared/mentoring.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { memberAccounts } from '../members/members.schema.js';
import { centers } from '../operators/operators.schema.js';
import { people } from '../participants/participants.schema.js';
import { clinicBookings, clinicSlots } from './mentoring.schema.js';

/** Clinic slots and bookings as the API shows them, and the notices a booking's member gets. */

export type SlotBooking = {
  id: string;
  personId: string | null;
  personName: string | null;
  status: BookingStatus;
  topic: string | null;
  mine?: boolean;
};

export type SlotView = {
  id: string;
  operatorId: string;
  centerId: string;
  centerName: string;
  centerDistrictCode: string;
  mentorUserId: string | null;
  mentorName: string | null;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  booking: SlotBooking | null;
};

export type BookingView = {
  id: string;
  slotId: string;
  personId: string;
  personName: string;
  status: BookingStatus;
  topic: string | null;
  startsAt: Date;
  endsAt: Date;
  centerId: string;
  centerName: string;
  mentorUserId: string | null;
  mentorName: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const slotMentor = alias(user, 'slot_mentor');

/** Slots matching `where`, each with the booking that holds it (live or done), in two queries. */
export async function loadSlots(
  db: DbOrTx,
  where: SQL | undefined,
  viewer: { staff: boolean; personId?: string },
): Promise<SlotView[]> {
  const rows = await db
    .select({
      slot: clinicSlots,
      centerName: centers.name,
      centerDistrictCode: centers.districtCode,
      mentorName: slotMentor.name,
    })
    .from(clinicSlots)
    .innerJoin(centers, eq(centers.id, clinicSlots.centerId))
    .leftJoin(slotMentor, eq(slotMentor.id, clinicSlots.mentorUserId))
    .where(where)
    .orderBy(clinicSlots.startsAt, centers.name, clinicSlots.id)
    .limit(2000);
  const ids = rows.map((r) => r.slot.id);
  const held = ids.length
    ? await db
        .select({ booking: clinicBookings, personName: people.fullName })
        .from(clinicBookings)
        .innerJoin(people, eq(people.id, clinicBookings.personId))
        .where(and(inArray(clinicBookings.slotId, ids), ne(clinicBookings.status, 'cancelled')))
    : [];
  return rows.map(({ slot, centerName, centerDistrictCode, mentorName }) => {
    const b = held.find((h) => h.booking.slotId === slot.id);
    const mine = !!b && b.booking.personId === viewer.personId;
    // Members see that a slot is taken, never by whom.
    const visible = viewer.staff || mine;
    return {
      id: slot.id,
      operatorId: slot.operatorId,
      centerId: slot.centerId,
      centerName,
      centerDistrictCode,
      mentorUserId: slot.mentorUserId,
      mentorName,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      cancelled: slot.cancelledAt !== null,
      booking: b
        ? {
            id: b.booking.id,
            personId: visible ? b.booking.personId : null,
            personName: viewer.staff ? b.personName : null,
            status: b.booking.status as BookingStatus,
            topic: visible ? b.booking.topic : null,
            ...(viewer.staff ? {} : { mine }),
          }
        : null,
    };
  });
}

export async function loadBookings(db: DbOrTx, where: SQL | undefined): Promise<BookingView[]> {
  const rows = await db
    .select({
      id: clinicBookings.id,
      slotId: clinicBookings.slotId,
      personId: clinicBookings.personId,
      personName: people.fullName,
      status: clinicBookings.status,
      topic: clinicBookings.topic,
      startsAt: clinicSlots.startsAt,
      endsAt: clinicSlots.endsAt,
      centerId: clinicSlots.centerId,
      centerName: centers.name,
      mentorUserId: clinicSlots.mentorUserId,
      mentorName: slotMentor.name,
      createdAt: clinicBookings.createdAt,
      updatedAt: clinicBookings.updatedAt,
    })
    .from(clinicBookings)
    .innerJoin(clinicSlots, eq(clinicSlots.id, clinicBookings.slotId))
    .innerJoin(centers, eq(centers.id, clinicSlots.centerId))
    .innerJoin(people, eq(people.id, clinicBookings.personId))
    .leftJoin(slotMentor, eq(slotMentor.id, clinicSlots.mentorUserId))
    .where(where)
    .orderBy(sql`${clinicSlots.startsAt} desc`, clinicBookings.id)
    .limit(500);
  return rows.map((r) => ({ ...r, status: r.status as BookingStatus }));
}

type Notice = 'clinic.booked' | 'clinic.confirmed' | 'clinic.cancelled';

/** Tells the member about their booking by WhatsApp (or email without a phone), in their account's language. */
export async function noticeToMember(tx: DbOrTx, notifications: Notifications, template: Notice, booking: BookingView) {
  const [person] = await tx
    .select({ phone: people.phone, email: people.email, operatorId: people.operatorId, locale: user.locale })
    .from(people)
    .leftJoin(memberAccounts, eq(memberAccounts.personId, people.id))
    .leftJoin(user, eq(user.id, memberAccounts.userId))
    .where(eq(people.id, booking.personId));
  const recipient = person?.phone ?? person?.email;
  if (!recipient) return;
  const locale = person.locale === 'en' ? 'en' : 'id';
  await notifications.enqueue(tx, {
    channel: person.phone ? 'whatsapp' : 'email',
    recipient,
    template,
    locale,
    params: {
      name: booking.personName,
      center: booking.centerName,
      when: `${formatDateTime(booking.startsAt, locale)} WIB`,
      mentor: booking.mentorName ?? (locale === 'en' ? 'a mentor' : 'pendamping'),
    },
    operatorId: person.operatorId,
  });
}
