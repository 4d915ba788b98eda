import { and, asc, eq, isNull } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import { composeNik } from '../../../shared/nik.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import type { Services } from '../../services.js';
import { systemActor } from '../access/actor.js';
import { memberAccounts } from '../members/members.schema.js';
import { mentoringSessions } from '../mentoring/mentoring.schema.js';
import { centers } from '../operators/operators.schema.js';
import { mentorAssignments } from '../participants/participants.schema.js';
import { prng } from './demo-generator.js';

const actor = systemActor('seed-demo');
const SAWANGAN = '32.76.03';

const TOPIC_NOTES = [
  {
    topics: ['finance'] as const,
    note: 'Mulai mencatat kas harian di buku; omzet belum dipisah dari uang belanja rumah.',
  },
  { topics: ['packaging'] as const, note: 'Kemasan plastik polos; disarankan stiker label dengan komposisi dan PIRT.' },
  { topics: ['permits'] as const, note: 'Belum punya NIB. Didampingi daftar OSS dari ponsel.' },
  { topics: ['marketing', 'digital'] as const, note: 'Foto produk ulang dengan cahaya siang; buka WhatsApp Business.' },
  { topics: ['production'] as const, note: 'Produksi 3x seminggu; bahan baku sering telat dari pemasok.' },
];
const ACTIONS = ['Urus NIB lewat OSS', 'Foto ulang 5 produk', 'Catat kas harian 2 minggu', 'Cetak stiker label'];

/**
 * The demo pendamping's profile, caseload history and session log (with overdue follow-ups so the urgency list has
 * something to say), business-clinic slots in Sawangan for the coming week with a few bookings, and the demo member
 * account (Ibu Yati) tied to a person record with a mentor and a session.
 */
export async function seedDemoMentoring(db: Db, services: Services, options: { operatorId: string; today: string }) {
  const { operatorId, today } = options;
  const [mentor] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'pendamping@demo.sentra.id'));
  if (!mentor) return { sessions: 0 };
  const [logged] = await db
    .select({ id: mentoringSessions.id })
    .from(mentoringSessions)
    .where(eq(mentoringSessions.operatorId, operatorId))
    .limit(1);
  if (logged) return { sessions: 0 };

  await services.mentoring.updateProfile(actor, mentor.id, {
    operatorId,
    expertise: ['finance', 'packaging', 'permits', 'marketing'],
    sectors: ['makanan_minuman', 'perdagangan', 'jasa'],
    districtCodes: [SAWANGAN],
    capacity: 120,
    recruitmentTarget: 60,
    contactEveryDays: 30,
    active: true,
  });

  const caseload = await db
    .select({ personId: mentorAssignments.personId, since: mentorAssignments.since })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.mentorUserId, mentor.id), isNull(mentorAssignments.until)))
    .orderBy(asc(mentorAssignments.since));
  const r = prng(3003);
  let sessions = 0;
  for (const { personId, since } of caseload) {
    // A fifth were never visited; the rest had one to four contacts since they were assigned.
    if (r.chance(0.2)) continue;
    const count = r.int(1, 4);
    // Dates compare as text (YYYY-MM-DD): the later of the assignment and five months ago.
    let day = [since, addDays(today, -150)].sort()[1];
    for (let i = 0; i < count && day < today; i++) {
      const pick = r.pick(TOPIC_NOTES);
      const last = i === count - 1;
      await services.mentoring.logSession(actor, {
        personId,
        mentorUserId: mentor.id,
        heldOn: day,
        mode: r.pick(['visit', 'visit', 'whatsapp', 'phone'] as const),
        prepHours: r.pick([0, 0.25, 0.5]),
        contactHours: r.pick([0.5, 1, 1, 1.5, 2]),
        topics: [...pick.topics],
        notes: pick.note,
        // The last contact's follow-up is due somewhere between three weeks ago and next month.
        nextFollowUpOn: last ? addDays(today, r.int(-21, 30)) : null,
        actions: last && r.chance(0.5) ? [{ description: r.pick(ACTIONS), dueOn: addDays(day, 14) }] : [],
        attachmentIds: [],
      });
      sessions++;
      day = addDays(day, r.int(14, 40));
    }
  }

  const [center] = await db
    .select({ id: centers.id })
    .from(centers)
    .where(and(eq(centers.operatorId, operatorId), eq(centers.districtCode, SAWANGAN)));
  for (let d = 1; d <= 7; d++) {
    const date = addDays(today, d);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    await services.mentoring.createSlots(actor, {
      centerId: center.id,
      mentorUserId: mentor.id,
      date,
      from: '09:00',
      to: '12:00',
      minutes: 60,
    });
  }
  const open = await services.mentoring.listSlots(actor, { centerId: center.id, from: today, to: addDays(today, 8) });
  for (const [i, slot] of open.items.slice(0, 3).entries()) {
    const booked = await services.mentoring.book(actor, {
      slotId: slot.id,
      personId: caseload[i].personId,
      topic: 'Konsultasi harga jual dan HPP',
    });
    if (i === 0) await services.mentoring.confirmBooking(actor, booked.id);
  }

  await seedDemoMemberAccount(db, services, { operatorId, today, mentorUserId: mentor.id });
  return { sessions };
}

/** Ibu Yati, the demo participant login, gets a person record in Sawangan, a mentor and one visit. */
async function seedDemoMemberAccount(
  db: Db,
  services: Services,
  o: { operatorId: string; today: string; mentorUserId: string },
) {
  const [login] = await db.select({ id: user.id }).from(user).where(eq(user.phoneNumber, '+6281200000007'));
  if (!login) return;
  const [linked] = await db.select().from(memberAccounts).where(eq(memberAccounts.userId, login.id));
  if (linked) return;
  const person = await services.participants.register(actor, {
    operatorId: o.operatorId,
    nik: composeNik({ districtCode: SAWANGAN, birthDate: '1979-08-17', sex: 'P', serial: 9007 }),
    fullName: 'Yati Suryani',
    phone: '081200000007',
    domicileVillageCode: '32.76.03.1001',
    businesses: [
      {
        name: 'Keripik Singkong Bu Yati',
        kbli: '10794',
        preVenture: false,
        employeesMale: 0,
        employeesFemale: 2,
        channels: ['whatsapp', 'offline'],
      },
    ],
  });
  await db.insert(memberAccounts).values({ userId: login.id, personId: person.id, operatorId: o.operatorId });
  await services.mentoring.assign(actor, { personIds: [person.id], mentorUserId: o.mentorUserId });
  await services.mentoring.logSession(actor, {
    personId: person.id,
    mentorUserId: o.mentorUserId,
    heldOn: addDays(o.today, -7),
    mode: 'visit',
    prepHours: 0.5,
    contactHours: 1.5,
    topics: ['packaging', 'permits'],
    notes: 'Produksi di dapur rumah; kemasan belum berlabel.',
    nextFollowUpOn: addDays(o.today, 7),
    actions: [{ description: 'Daftar PIRT ke Dinas Kesehatan', dueOn: addDays(o.today, 14) }],
    attachmentIds: [],
  });
}
