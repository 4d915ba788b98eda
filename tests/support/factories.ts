import { systemActor } from '../../src/server/modules/access/actor.js';
import type { Role } from '../../src/shared/access.js';
import { httpClient, signIn, type TestApp } from './test-app.js';

const system = systemActor('test');
let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const DEPOK = '32.76';
export const SAWANGAN = '32.76.03';
export const BEJI = '32.76.06';
export const PACITAN = '35.01';

export async function createOperator(t: TestApp, overrides: { name?: string; serviceArea?: string[] } = {}) {
  return t.services.operators.create(system, {
    name: overrides.name ?? `Dinas Uji ${unique()}`,
    serviceArea: overrides.serviceArea ?? [DEPOK],
  });
}

export type UserSpec = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  password?: string;
  operatorId?: string | null;
  roles?: Array<{ role: Role; operatorId?: string | null; regionPrefix?: string | null }>;
};

export const defaultPassword = 'rahasia-uji-123';

/** A user with the given roles, signed in: returns the record, its login and an HTTP client carrying its session. */
export async function createUser(t: TestApp, spec: UserSpec = {}) {
  const email = spec.email === undefined ? `u-${unique()}@sentra.test` : spec.email;
  const password = spec.password ?? defaultPassword;
  const user = await t.services.users.create(system, {
    name: spec.name ?? `Pengguna ${unique()}`,
    email,
    phone: spec.phone,
    password,
    operatorId: spec.operatorId,
  });
  for (const r of spec.roles ?? []) {
    await t.services.users.addAssignment(system, user.id, {
      role: r.role,
      operatorId: r.operatorId ?? null,
      regionPrefix: r.regionPrefix ?? null,
    });
  }
  return { user, email, password };
}

export async function signedIn(t: TestApp, spec: UserSpec = {}) {
  const created = await createUser(t, spec);
  const cookie = await signIn(t.app, created.email ?? spec.phone!, created.password);
  return { ...created, cookie, http: httpClient(t.app, cookie) };
}

export const asAdmin = (t: TestApp) => signedIn(t, { roles: [{ role: 'admin' }] });

// --- participants (registration) ---
import type { RegistrationRequest } from '../../src/server/modules/participants/registration.service.js';
import { composeNik } from '../../src/shared/nik.js';

export const PASIR_PUTIH = '32.76.03.1001'; // a kelurahan of Sawangan
export const KUKUSAN = '32.76.06.1002'; // a kelurahan of Beji

export type ParticipantSpec = Partial<Omit<RegistrationRequest, 'operatorId'>> & {
  operatorId: string;
  serial?: number;
};

/** Letters only: person names refuse digits. */
const letters = (s: string) => s.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * A person registered through the registration service (as staff would), with a NIK that encodes their kecamatan,
 * birth date and sex. Defaults are random so records made by different tests never look like duplicates.
 */
export async function createParticipant(t: TestApp, spec: ParticipantSpec) {
  const village = spec.domicileVillageCode ?? PASIR_PUTIH;
  // A given NIK decides sex and birth date itself; otherwise both are drawn and encoded into a fresh NIK.
  const sex = spec.nik ? spec.sex : (spec.sex ?? (Math.random() < 0.5 ? 'L' : 'P'));
  const birthDate = spec.nik
    ? spec.birthDate
    : (spec.birthDate ??
      `${randomInt(1965, 2004)}-${String(randomInt(1, 12)).padStart(2, '0')}-${String(randomInt(1, 28)).padStart(2, '0')}`);
  const nik =
    spec.nik ??
    composeNik({
      districtCode: village.slice(0, 8),
      birthDate: birthDate!,
      sex: sex!,
      serial: spec.serial ?? randomInt(1, 9999),
    });
  return t.services.participants.register(system, {
    fullName: `Peserta ${letters(unique())}`,
    phone: `+62812${String(randomInt(0, 99_999_999)).padStart(8, '0')}`,
    businesses: [
      { name: `Usaha ${letters(unique())}`, preVenture: false, employeesMale: 0, employeesFemale: 0, channels: [] },
    ],
    ...spec,
    domicileVillageCode: village,
    sex,
    birthDate,
    nik,
  });
}

let nikSerial = 100;
/** A valid NIK of a kecamatan (Sawangan by default), unique within the test file. */
export const nikOf = (birthDate = '1990-01-05', sex: 'L' | 'P' = 'P', district = SAWANGAN) =>
  composeNik({ districtCode: district, birthDate, sex, serial: nikSerial++ });

/** A staff registration body for POST /api/participants: a Pasir Putih resident with one business. */
export const registrationBody = (operatorId: string, over: Record<string, unknown> = {}) => ({
  operatorId,
  nik: nikOf(),
  fullName: 'Siti Nurhaliza',
  phone: '0812-3456-7890',
  domicileVillageCode: PASIR_PUTIH,
  businesses: [{ name: 'Warung Sembako Berkah', kbli: '47111', villageCode: PASIR_PUTIH }],
  ...over,
});

/** A fresh operator and a signed-in coordinator of its Sawangan kecamatan. */
export async function sawanganCoordinator(t: TestApp) {
  const op = await createOperator(t);
  const coord = await signedIn(t, { roles: [{ role: 'coordinator', operatorId: op.id, regionPrefix: SAWANGAN }] });
  return { op, coord };
}
