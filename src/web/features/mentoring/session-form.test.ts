import { describe, expect, it } from 'vitest';
import { checkSession, emptySession, sessionInputOf } from './session-form.js';

const today = '2026-08-17';
const person = '7b0d1c3e-8f5a-4c2e-9d1b-2a3c4d5e6f70';

describe('the session form', () => {
  it('asks for a member, a topic and quarter-hour contact time', () => {
    const v = { ...emptySession(null, today), contactHours: 0 };
    expect(checkSession(v, today)).toEqual({
      personId: 'memberRequired',
      contactHours: 'contactHoursMin',
      topics: 'topicsRequired',
    });
  });

  it('refuses a session in the future and a follow-up before the session', () => {
    const v = {
      ...emptySession(person, today),
      topics: ['finance'],
      heldOn: '2026-08-18',
      nextFollowUpOn: '2026-08-16',
    };
    expect(checkSession(v, today)).toEqual({ heldOn: 'heldOnFuture', nextFollowUpOn: 'followUpBefore' });
  });

  it('wants every action row written out', () => {
    const v = {
      ...emptySession(person, today),
      topics: ['permits'],
      actions: [{ key: 'a', description: ' ', dueOn: null }],
    };
    expect(checkSession(v, today)).toEqual({ actions: 'actionEmpty' });
  });

  it('sends trimmed text, the attachments by id and nulls for what was left empty', () => {
    const v = {
      ...emptySession(person, today),
      topics: ['finance', 'marketing'],
      notes: '  ',
      actions: [{ key: 'a', description: ' Urus NIB ', dueOn: '2026-08-30' }],
      attachments: [{ id: 'f1', name: 'foto.jpg', mime: 'image/jpeg', size: 10 }],
    };
    expect(checkSession(v, today)).toEqual({});
    expect(sessionInputOf(v)).toMatchObject({
      personId: person,
      notes: null,
      nextFollowUpOn: null,
      actions: [{ description: 'Urus NIB', dueOn: '2026-08-30' }],
      attachmentIds: ['f1'],
      clinicBookingId: null,
    });
  });
});
