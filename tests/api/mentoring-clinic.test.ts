import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/server/modules/participants/journey.service.js';
import { addDays } from '../../src/shared/dates.js';
import { BEJI } from '../support/factories.js';
import { signedInMember } from '../support/member-factories.js';
import {
  assign,
  createCenter,
  mentoringSetting,
  queued,
  sessionBody,
  signedInMentor,
} from '../support/mentoring-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tomorrow = () => addDays(todayWib(), 1);

/** A Sawangan center with four 30-minute slots tomorrow 09:00–11:00 for the Sawangan mentor. */
async function clinic(members = 2) {
  const s = await mentoringSetting(t, members);
  const center = await createCenter(t, s.op.id);
  const created = await s.coordinator.http.post('/api/clinic/slots', {
    centerId: center.id,
    mentorUserId: s.mentor.user.id,
    date: tomorrow(),
    from: '09:00',
    to: '11:00',
    minutes: 30,
  });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({ created: 4 });
  const list = await s.coordinator.http.get(`/api/clinic/slots?centerId=${center.id}`);
  return { ...s, center, slots: list.body.items as Array<{ id: string; startsAt: string; booking: unknown }> };
}

describe('clinic slots', () => {
  it('splits a window into slots in WIB and refuses overlapping ones', async () => {
    const s = await clinic();
    expect(s.slots.map((x) => x.startsAt)).toEqual(
      ['02:00', '02:30', '03:00', '03:30'].map((h) => `${tomorrow()}T${h}:00.000Z`),
    );
    expect(s.slots[0]).toMatchObject({ centerName: s.center.name, mentorName: 'Pendamping Sawangan', booking: null });
    const overlap = await s.coordinator.http.post('/api/clinic/slots', {
      centerId: s.center.id,
      mentorUserId: s.mentor.user.id,
      date: tomorrow(),
      from: '10:45',
      to: '12:00',
      minutes: 15,
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.details[0]).toMatchObject({ code: 'slot_overlap' });
    // Another mentor's desk at the same hours is fine.
    const other = await signedInMentor(t, s.op.id);
    const parallel = await s.coordinator.http.post('/api/clinic/slots', {
      centerId: s.center.id,
      mentorUserId: other.user.id,
      date: tomorrow(),
      from: '09:00',
      to: '10:00',
      minutes: 60,
    });
    expect(parallel.body).toEqual({ created: 1 });
    const past = await s.coordinator.http.post('/api/clinic/slots', {
      centerId: s.center.id,
      date: addDays(todayWib(), -1),
      from: '09:00',
      to: '10:00',
      minutes: 60,
    });
    expect(past.body.error.details[0]).toMatchObject({ code: 'in_the_past' });
    const short = await s.coordinator.http.post('/api/clinic/slots', {
      centerId: s.center.id,
      date: tomorrow(),
      from: '13:00',
      to: '13:10',
      minutes: 15,
    });
    expect(short.body.error.details[0]).toMatchObject({ code: 'window_too_short' });
    // A center of another kecamatan is out of the Sawangan coordinator's reach; mentors do not open slots.
    const beji = await createCenter(t, s.op.id, BEJI);
    const body = { centerId: beji.id, date: tomorrow(), from: '09:00', to: '10:00', minutes: 30 };
    expect((await s.coordinator.http.post('/api/clinic/slots', body)).status).toBe(404);
    expect((await s.mentor.http.post('/api/clinic/slots', { ...body, centerId: s.center.id })).status).toBe(403);
  });
});

describe('clinic bookings', () => {
  it('books, confirms and cancels, telling the member each time', async () => {
    const s = await clinic();
    const [person] = s.people;
    const booked = await s.coordinator.http.post('/api/clinic/bookings', {
      slotId: s.slots[0].id,
      personId: person.id,
      topic: 'Harga jual',
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'requested', personName: person.fullName, topic: 'Harga jual' });
    const confirmed = await s.mentor.http.post(`/api/clinic/bookings/${booked.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect((await s.mentor.http.post(`/api/clinic/bookings/${booked.body.id}/confirm`)).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const cancelled = await s.coordinator.http.post(`/api/clinic/bookings/${booked.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    const phone = (await t.database.query<{ phone: string }>('SELECT phone FROM people WHERE id = $1', [person.id]))[0]
      .phone;
    const recipient = `+62${phone.replace(/^\+?62|^0/, '')}`;
    for (const template of ['clinic.booked', 'clinic.confirmed', 'clinic.cancelled'])
      expect(await queued(t, template, recipient)).toHaveLength(1);
    // The slot is free again.
    const again = await s.coordinator.http.post('/api/clinic/bookings', {
      slotId: s.slots[0].id,
      personId: s.people[1].id,
    });
    expect(again.status).toBe(201);
    // Another mentor may not confirm a booking in this mentor's slot.
    const other = await signedInMentor(t, s.op.id);
    expect((await other.http.post(`/api/clinic/bookings/${again.body.id}/confirm`)).status).toBe(403);
  });

  it('refuses a taken, a cancelled and a past slot with a clear error', async () => {
    const s = await clinic();
    const [p, q] = s.people;
    await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[0].id, personId: p.id });
    const taken = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[0].id, personId: q.id });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('SLOT_TAKEN');
    expect((await s.coordinator.http.delete(`/api/clinic/slots/${s.slots[1].id}`)).body.cancelled).toBe(true);
    const cancelled = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[1].id, personId: q.id });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.details[0].code).toBe('slot_cancelled');
    await t.database.query(`UPDATE clinic_slots SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      s.slots[2].id,
    ]);
    const past = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[2].id, personId: q.id });
    expect(past.status).toBe(409);
    expect(past.body.error.details[0].code).toBe('slot_past');
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM clinic_bookings WHERE person_id = $1`,
      [q.id],
    );
    expect(n).toBe(0);
  });

  it('lets exactly one of five concurrent bookings of a slot win', async () => {
    const s = await clinic(5);
    const results = await Promise.all(
      s.people.map((p) => s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[3].id, personId: p.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_TAKEN')).toBe(true);
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM clinic_bookings WHERE slot_id = $1`,
      [s.slots[3].id],
    );
    expect(n).toBe(1);
  });

  it('cancelling a slot cancels its booking and tells the member; a session log closes a booking', async () => {
    const s = await clinic();
    const [p, q] = s.people;
    const b1 = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[0].id, personId: p.id });
    const slot = await s.coordinator.http.delete(`/api/clinic/slots/${s.slots[0].id}`);
    expect(slot.status).toBe(200);
    expect(slot.body).toMatchObject({ cancelled: true, booking: null });
    const [row] = await t.database.query<{ status: string }>('SELECT status FROM clinic_bookings WHERE id = $1', [
      b1.body.id,
    ]);
    expect(row.status).toBe('cancelled');
    expect((await queued(t, 'clinic.cancelled')).some((m) => m.body.includes(p.fullName))).toBe(true);

    await assign(t, [q.id], s.mentor.user.id);
    const b2 = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[1].id, personId: q.id });
    const logged = await s.mentor.http.post(
      '/api/mentoring/sessions',
      sessionBody(q.id, { mode: 'clinic', clinicBookingId: b2.body.id }),
    );
    expect(logged.status).toBe(201);
    const list = await s.mentor.http.get(`/api/clinic/slots?centerId=${s.center.id}`);
    expect(list.body.items.find((x: { id: string }) => x.id === s.slots[1].id).booking).toMatchObject({
      status: 'done',
    });
    // A done booking keeps its slot.
    const taken = await s.coordinator.http.post('/api/clinic/bookings', { slotId: s.slots[1].id, personId: p.id });
    expect(taken.body.error.code).toBe('SLOT_TAKEN');
  });
});

describe('member clinic endpoints', () => {
  it('shows open slots (own kecamatan first), books, hides other bookers, and cancels only their own', async () => {
    const s = await clinic(2);
    const [p, q] = s.people;
    const beji = await createCenter(t, s.op.id, BEJI);
    await s.admin.http.post('/api/clinic/slots', {
      centerId: beji.id,
      date: tomorrow(),
      from: '08:00',
      to: '08:30',
      minutes: 30,
    });
    const member = await signedInMember(t, p);
    const other = await signedInMember(t, q);
    const mine = await member.http.get('/api/me/clinic');
    expect(mine.status).toBe(200);
    expect(mine.body.slots).toHaveLength(5);
    // Sawangan first although the Beji slot is earlier.
    expect(mine.body.slots[0].centerId).toBe(s.center.id);
    expect(mine.body.slots.at(-1).centerId).toBe(beji.id);

    const booked = await member.http.post('/api/me/clinic/bookings', { slotId: s.slots[0].id, topic: 'Kemasan' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ personId: p.id, status: 'requested', topic: 'Kemasan' });
    const taken = await other.http.post('/api/me/clinic/bookings', { slotId: s.slots[0].id });
    expect(taken.body.error.code).toBe('SLOT_TAKEN');
    const seen = await other.http.get(`/api/clinic/slots?centerId=${s.center.id}`);
    expect(seen.body.items[0].booking).toEqual({
      id: booked.body.id,
      personId: null,
      personName: null,
      status: 'requested',
      topic: null,
      mine: false,
    });
    expect((await other.http.get('/api/me/clinic')).body.slots).toHaveLength(4);
    expect((await other.http.post(`/api/me/clinic/bookings/${booked.body.id}/cancel`)).status).toBe(404);
    const cancelled = await member.http.post(`/api/me/clinic/bookings/${booked.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await member.http.get('/api/me/clinic')).body.bookings).toEqual([
      expect.objectContaining({ id: booked.body.id, status: 'cancelled' }),
    ]);
    // Staff endpoints stay closed to members; a member of another operator sees none of these slots.
    expect((await member.http.post('/api/clinic/bookings', { slotId: s.slots[1].id, personId: q.id })).status).toBe(
      403,
    );
    const elsewhere = await mentoringSetting(t, 1);
    const stranger = await signedInMember(t, elsewhere.people[0]);
    expect((await stranger.http.post('/api/me/clinic/bookings', { slotId: s.slots[1].id })).status).toBe(404);
    expect((await stranger.http.get('/api/me/clinic')).body.slots).toEqual([]);
  });
});
