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
