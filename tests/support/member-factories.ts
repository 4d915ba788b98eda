import { systemActor } from '../../src/server/modules/access/actor.js';
import { httpClient, signIn, type TestApp } from './test-app.js';

const system = systemActor('test');

/** A member account for a registered person, signed in with their phone number: an HTTP client acting as them. */
export async function signedInMember(t: TestApp, person: { id: string; phone: string | null }) {
  const password = 'anggota-uji-123';
  const account = await t.services.members.createAccount(system, person.id, { password });
  const cookie = await signIn(t.app, person.phone!, password);
  return { ...account, cookie, http: httpClient(t.app, cookie) };
}
