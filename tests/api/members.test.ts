import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, KUKUSAN, sawanganCoordinator, signedIn } from '../support/factories.js';
import { signedInMember } from '../support/member-factories.js';
import { createTestApp, signIn, type TestApp } from '../support/test-app.js';

describe('member accounts and cards', () => {
  let t: TestApp;
  let ctx: Awaited<ReturnType<typeof sawanganCoordinator>>;

  beforeAll(async () => {
    t = await createTestApp();
    ctx = await sawanganCoordinator(t);
  });
  afterAll(() => t.close());

  it('a coordinator opens an account for a member, who signs in with the phone and sees their own record', async () => {
    const person = await createParticipant(t, { operatorId: ctx.op.id });
    const none = await ctx.coord.http.get(`/api/participants/${person.id}/account`);
    expect(none.body).toEqual({ account: null });

    const opened = await ctx.coord.http.post(`/api/participants/${person.id}/account`, {});
    expect(opened.status).toBe(201);
    expect(opened.body.login).toBe(person.phone);
    expect(opened.body.password).toMatch(/^.{8}$/);

    const cookie = await signIn(t.app, person.phone!, opened.body.password);
    const me = await t.http.as(cookie).get('/api/me/member');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ personId: person.id, fullName: person.fullName, districtName: 'Sawangan' });
    expect(me.body.nikMasked).toMatch(/^3276x+\d{4}$/);
    expect(me.body.stages).toHaveLength(7);
    expect(me.body.stages[0]).toMatchObject({ stage: 1, key: 'pendaftaran' });
    expect(t.services.members.personIdOfCode(me.body.code)).toBe(person.id);

    const again = await ctx.coord.http.post(`/api/participants/${person.id}/account`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEMBER_ACCOUNT_EXISTS');
    const shown = await ctx.coord.http.get(`/api/participants/${person.id}/account`);
    expect(shown.body.account).toMatchObject({ userId: opened.body.userId, phoneNumber: person.phone });
  });

  it('prints the member card as a PDF, for the member and for staff in scope only', async () => {
    const person = await createParticipant(t, { operatorId: ctx.op.id });
    const member = await signedInMember(t, person);
    const own = await member.http.get('/api/me/member-card.pdf');
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.text.startsWith('%PDF')).toBe(true);

    const staff = await ctx.coord.http.get(`/api/participants/${person.id}/member-card.pdf`);
    expect(staff.status).toBe(200);
    const facts = await ctx.coord.http.get(`/api/participants/${person.id}/member-card`);
    expect(facts.body.code).toBe(t.services.members.codeOf(person.id));

    const beji = await createParticipant(t, { operatorId: ctx.op.id, domicileVillageCode: KUKUSAN });
    expect((await ctx.coord.http.get(`/api/participants/${beji.id}/member-card.pdf`)).status).toBe(404);
    expect((await ctx.coord.http.post(`/api/participants/${beji.id}/account`, {})).status).toBe(404);
  });

  it('refuses the member pages to staff without a member record, and a forged card code', async () => {
    const res = await ctx.coord.http.get('/api/me/member');
    expect(res.status).toBe(403);
    const stranger = await signedIn(t, { roles: [{ role: 'participant', operatorId: ctx.op.id }] });
    expect((await stranger.http.get('/api/me/member')).status).toBe(403);
    expect((await t.http.get('/api/me/member')).status).toBe(401);

    const person = await createParticipant(t, { operatorId: ctx.op.id });
    const forged = t.services.members.codeOf(person.id).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => t.services.members.personIdOfCode(forged)).toThrow(/QR/);
  });

  it('needs a phone number to open an account, and writes nothing without one', async () => {
    const person = await createParticipant(t, { operatorId: ctx.op.id, phone: undefined });
    await t.platform.db.execute(`update people set phone = null where id = '${person.id}'`);
    const res = await ctx.coord.http.post(`/api/participants/${person.id}/account`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'phone', code: 'phone_required' });
    expect((await ctx.coord.http.get(`/api/participants/${person.id}/account`)).body.account).toBeNull();
  });
});
