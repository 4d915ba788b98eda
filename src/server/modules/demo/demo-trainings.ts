import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import type { Db } from '../../platform/db/client.js';
import type { Services } from '../../services.js';
import { systemActor } from '../access/actor.js';
import { centers } from '../operators/operators.schema.js';
import { people } from '../participants/participants.schema.js';
import { attendance, courses, trainingSessions } from '../trainings/trainings.schema.js';
import { prng, type Rng } from './demo-generator.js';

const actor = systemActor('seed-demo');

const COURSES = [
  {
    title: 'Manajemen Keuangan Usaha Mikro',
    description: 'Memisahkan uang usaha dan pribadi, mencatat kas harian, menghitung HPP dan laba.',
    topics: ['keuangan'] as const,
    level: 'dasar' as const,
    hours: 12,
    materials: [{ kind: 'link' as const, title: 'Buku kas harian (templat)', url: 'https://example.org/kas-harian' }],
  },
  {
    title: 'Desain Logo dan Kemasan',
    description: 'Membuat logo sederhana dan kemasan yang layak jual di ritel modern.',
    topics: ['desain', 'kemasan'] as const,
    level: 'dasar' as const,
    hours: 8,
    materials: [],
  },
  {
    title: 'Pemasaran Digital untuk UMKM',
    description: 'Foto produk dengan ponsel, WhatsApp Business, Instagram dan marketplace.',
    topics: ['digital', 'pemasaran'] as const,
    level: 'menengah' as const,
    hours: 12,
    materials: [{ kind: 'link' as const, title: 'Panduan WhatsApp Business', url: 'https://example.org/wa-business' }],
  },
  {
    title: 'Perizinan Usaha: NIB, PIRT dan Halal',
    description: 'Mengurus NIB lewat OSS, izin PIRT dan sertifikasi halal gratis (SEHATI).',
    topics: ['perizinan'] as const,
    level: 'dasar' as const,
    hours: 4,
    materials: [],
  },
];

type Plan = { course: number; district: string; startOffset: number; days: number; capacity: number; members: number };

// Past waves (closed, with attendance and certificates), one running today (check-in can be tried), upcoming ones
// (one full with a waitlist) and an online class.
const PLANS: Plan[] = [
  { course: 0, district: '32.76.03', startOffset: -60, days: 3, capacity: 30, members: 26 },
  { course: 1, district: '32.76.06', startOffset: -35, days: 3, capacity: 25, members: 22 },
  { course: 2, district: '32.76.02', startOffset: -14, days: 3, capacity: 30, members: 24 },
  { course: 0, district: '32.76.03', startOffset: 0, days: 3, capacity: 25, members: 18 },
  { course: 1, district: '32.76.03', startOffset: 3, days: 2, capacity: 20, members: 24 },
  { course: 3, district: '', startOffset: 10, days: 1, capacity: 50, members: 12 },
];

async function membersOf(db: Db, operatorId: string, district: string, taken: Set<string>, count: number) {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.operatorId, operatorId),
        eq(people.status, 'member'),
        district ? eq(people.domicileDistrictCode, district) : undefined,
      ),
    )
    .orderBy(asc(people.createdAt))
    .limit(count + taken.size);
  return rows
    .map((r) => r.id)
    .filter((id) => !taken.has(id))
    .slice(0, count);
}

/** Past attendance, as the check-ins of those days would have left it: most came every day, some missed one. */
async function recordPastAttendance(db: Db, r: Rng, operatorId: string, waveId: string, personIds: string[]) {
  const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.waveId, waveId));
  const rows = personIds.flatMap((personId) => {
    const missed = r.next() < 0.2 ? Math.floor(r.next() * sessions.length) + 1 : 0;
    return sessions.slice(0, sessions.length - missed).map((s) => {
      const late = r.next() < 0.1;
      const minutes = late ? 20 + Math.floor(r.next() * 40) : Math.floor(r.next() * 15);
      const [h, m] = s.startsAt.split(':').map(Number);
      const wib = h * 60 + m - 20 + minutes;
      return {
        operatorId,
        sessionId: s.id,
        waveId,
        personId,
        method: r.next() < 0.8 ? 'member_qr' : 'manual',
        late,
        checkedInAt: new Date(
          `${s.date}T${String(Math.floor(wib / 60) - 7).padStart(2, '0')}:${String(wib % 60).padStart(2, '0')}:00Z`,
        ),
      };
    });
  });
  if (rows.length) await db.insert(attendance).values(rows);
}

/** The demo catalog and waves of the Depok program, with enrollments, attendance and certificates. */
export async function seedDemoTrainings(db: Db, services: Services, options: { operatorId: string; today: string }) {
  const { operatorId, today } = options;
  const [existing] = await db.select({ id: courses.id }).from(courses).where(eq(courses.operatorId, operatorId));
  if (existing) return { courses: 0, waves: 0 };
  const r = prng(5005);
  const made = [];
  for (const c of COURSES)
    made.push(await services.trainings.courses.create(actor, { operatorId, ...c, topics: [...c.topics] }));
  const centerRows = await db
    .select({ id: centers.id, districtCode: centers.districtCode, name: centers.name })
    .from(centers)
    .where(
      and(
        eq(centers.operatorId, operatorId),
        inArray(
          centers.districtCode,
          PLANS.map((p) => p.district),
        ),
      ),
    );

  const taken = new Set<string>();
  let waveNo = 0;
  for (const plan of PLANS) {
    waveNo++;
    const course = made[plan.course];
    const center = centerRows.find((c) => c.districtCode === plan.district);
    const startsOn = addDays(today, plan.startOffset);
    const wave = await services.trainings.waves.create(actor, {
      operatorId,
      courseId: course.id,
      name: `Gelombang ${waveNo} — ${center ? center.name.replace('Sentra WUB ', '') : 'Daring'}`,
      mode: center ? 'offline' : 'online',
      centerId: center?.id ?? null,
      onlineUrl: center ? null : 'https://meet.example.org/sentra-perizinan',
      trainerName: 'Dewi Pelatih',
      capacity: plan.capacity,
      registrationDeadline: plan.startOffset > 0 ? addDays(startsOn, -1) : null,
      districtCodes: center ? [plan.district] : [],
      sessions: Array.from({ length: plan.days }, (_, d) => ({
        date: addDays(startsOn, d),
        startsAt: '08:30',
        endsAt: '15:30',
        topic: null,
      })),
    });
    const personIds = await membersOf(db, operatorId, plan.district, taken, plan.members);
    for (const id of personIds) taken.add(id);
    if (personIds.length) await services.trainings.enrollment.enroll(actor, wave.id, { personIds });
    if (plan.startOffset < 0) {
      await recordPastAttendance(db, r, operatorId, wave.id, personIds);
      await services.trainings.waves.close(actor, wave.id);
    } else if (plan.startOffset === 0) {
      // Today's first day: a few members have already been scanned in at the door.
      for (const personId of personIds.slice(0, 6))
        await services.trainings.attendance.checkIn(actor, wave.id, { personId });
    }
  }
  return { courses: made.length, waves: PLANS.length };
}
