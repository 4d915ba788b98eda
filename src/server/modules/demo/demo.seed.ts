import { eq } from 'drizzle-orm';
import type { Role } from '../../../shared/access.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import type { Services } from '../../services.js';
import { systemActor } from '../access/actor.js';
import { centers, operators } from '../operators/operators.schema.js';
import { todayWib } from '../participants/journey.service.js';
import { seedDemoMembers } from './demo-members.js';
import { seedDemoMentoring } from './demo-mentoring.js';
import { seedDemoTrainings } from './demo-trainings.js';

export const DEMO_OPERATOR = 'Dinas Koperasi dan Usaha Mikro Kota Depok (demo)';
export const DEMO_PASSWORD = 'sentra-demo-2026';

// The 11 kecamatan of Kota Depok (Kemendagri codes) with approximate office locations, for the map.
const DEPOK_CENTERS: Array<{ code: string; lat: number; lng: number }> = [
  { code: '32.76.01', lat: -6.398, lng: 106.816 },
  { code: '32.76.02', lat: -6.366, lng: 106.857 },
  { code: '32.76.03', lat: -6.402, lng: 106.765 },
  { code: '32.76.04', lat: -6.369, lng: 106.781 },
  { code: '32.76.05', lat: -6.403, lng: 106.846 },
  { code: '32.76.06', lat: -6.375, lng: 106.82 },
  { code: '32.76.07', lat: -6.428, lng: 106.802 },
  { code: '32.76.08', lat: -6.433, lng: 106.84 },
  { code: '32.76.09', lat: -6.333, lng: 106.785 },
  { code: '32.76.10', lat: -6.424, lng: 106.885 },
  { code: '32.76.11', lat: -6.404, lng: 106.74 },
];

type DemoLogin = { role: Role; name: string; login: string; scope: string };

const DEMO_USERS: Array<{
  role: Role;
  name: string;
  email?: string;
  phone?: string;
  regionPrefix?: string;
  scope: string;
}> = [
  { role: 'admin', name: 'Admin Demo', email: 'admin@demo.sentra.id', scope: 'seluruh instalasi' },
  { role: 'program_admin', name: 'Rina Program (Dinas)', email: 'dinas@demo.sentra.id', scope: 'Kota Depok' },
  {
    role: 'coordinator',
    name: 'Siti Koordinator Sawangan',
    email: 'sawangan@demo.sentra.id',
    regionPrefix: '32.76.03',
    scope: 'Kec. Sawangan',
  },
  {
    role: 'mentor',
    name: 'Budi Pendamping',
    email: 'pendamping@demo.sentra.id',
    phone: '081200000004',
    regionPrefix: '32.76.03',
    scope: 'Kec. Sawangan',
  },
  { role: 'trainer', name: 'Dewi Pelatih', email: 'pelatih@demo.sentra.id', scope: 'Kota Depok' },
  { role: 'curator', name: 'Agus Kurator', email: 'kurator@demo.sentra.id', scope: 'Kota Depok' },
  {
    role: 'participant',
    name: 'Ibu Yati (Pelaku UMKM)',
    phone: '081200000007',
    regionPrefix: '32.76.03',
    scope: 'Kec. Sawangan',
  },
  { role: 'partner', name: 'Bank Mitra KUR', email: 'mitra@demo.sentra.id', scope: 'Kota Depok' },
];

/**
 * The demo installation, modelled on Depok's Wira Usaha Baru program: the operator, its 11 centers and one user
 * per role. Idempotent: running it again adds only what is missing.
 */
export async function seedDemo(
  db: Db,
  services: Services,
): Promise<{ operatorId: string; logins: DemoLogin[]; password: string; members: number }> {
  const actor = systemActor('seed-demo');
  let [op] = await db.select().from(operators).where(eq(operators.name, DEMO_OPERATOR));
  if (!op) op = await services.operators.create(actor, { name: DEMO_OPERATOR, serviceArea: ['32.76'] });

  const existing = new Set(
    (await db.select({ code: centers.districtCode }).from(centers).where(eq(centers.operatorId, op.id))).map(
      (c) => c.code,
    ),
  );
  const names = await services.regions.names(DEPOK_CENTERS.map((c) => c.code));
  for (const c of DEPOK_CENTERS) {
    if (existing.has(c.code)) continue;
    const kecamatan = (names.get(c.code) ?? c.code).replace(/^Kec\. /, '');
    await services.operators.createCenter(actor, op.id, {
      districtCode: c.code,
      name: `Sentra WUB ${kecamatan}`,
      address: `Kantor Kecamatan ${kecamatan}, Kota Depok`,
      latitude: c.lat,
      longitude: c.lng,
    });
  }

  const logins: DemoLogin[] = [];
  for (const spec of DEMO_USERS) {
    const login = spec.email ?? spec.phone!;
    const lookup = spec.email ? eq(user.email, spec.email) : eq(user.phoneNumber, `+62${spec.phone!.slice(1)}`);
    let [u] = await db.select({ id: user.id }).from(user).where(lookup);
    if (!u) {
      u = await services.users.create(actor, {
        name: spec.name,
        email: spec.email,
        phone: spec.phone,
        password: DEMO_PASSWORD,
        operatorId: spec.role === 'admin' ? null : op.id,
      });
      await services.users.addAssignment(actor, u.id, {
        role: spec.role,
        operatorId: spec.role === 'admin' ? null : op.id,
        regionPrefix: spec.regionPrefix ?? null,
      });
    }
    logins.push({ role: spec.role, name: spec.name, login, scope: spec.scope });
  }
  // Last, so that the demo pendamping exists and takes the members in mentoring in their kecamatan.
  const { members } = await seedDemoMembers(db, services, { operatorId: op.id, count: 2000, seed: 2024 });
  // Trainings and mentoring build on the members: waves with attendance and certificates, caseloads with sessions.
  const today = todayWib();
  await seedDemoTrainings(db, services, { operatorId: op.id, today });
  await seedDemoMentoring(db, services, { operatorId: op.id, today });
  return { operatorId: op.id, logins, password: DEMO_PASSWORD, members };
}
