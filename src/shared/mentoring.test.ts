import { describe, expect, it } from 'vitest';
import { compareUrgency, sessionInput, type UrgencyFacts, urgencyOf } from './mentoring.js';

const today = '2026-03-10';
const facts = (over: Partial<UrgencyFacts> = {}): UrgencyFacts => ({
  today,
  since: '2026-01-01',
  lastContactOn: '2026-03-01',
  nextFollowUpOn: null,
  openActions: 0,
  overdueActions: 0,
  contactEveryDays: 30,
  ...over,
});

describe('urgencyOf', () => {
  it('puts an overdue follow-up first, scored by the days overdue', () => {
    const r = urgencyOf(facts({ nextFollowUpOn: '2026-03-03', overdueActions: 2, openActions: 2 }));
    expect(r).toMatchObject({ urgency: 'overdue_follow_up', score: 7, followUpOverdueDays: 7, daysSinceContact: 9 });
  });

  it('does not call a follow-up due today overdue', () => {
    expect(urgencyOf(facts({ nextFollowUpOn: today })).urgency).toBe('ok');
    expect(urgencyOf(facts({ nextFollowUpOn: today })).followUpOverdueDays).toBeNull();
  });

  it('counts a member never contacted from the day of assignment', () => {
    const r = urgencyOf(facts({ lastContactOn: null, since: '2026-02-08' }));
    expect(r).toMatchObject({ urgency: 'not_contacted', score: 30, daysSinceContact: null, notContacted: true });
  });

  it('calls a member not contacted after more than N days, N per mentor', () => {
    expect(urgencyOf(facts({ lastContactOn: '2026-02-08' })).urgency).toBe('ok'); // exactly 30 days
    expect(urgencyOf(facts({ lastContactOn: '2026-02-07' }))).toMatchObject({ urgency: 'not_contacted', score: 31 });
    expect(urgencyOf(facts({ lastContactOn: '2026-02-20', contactEveryDays: 14 })).urgency).toBe('not_contacted');
  });

  it('then overdue actions (by the oldest), then open actions (by how many), then ok', () => {
    expect(urgencyOf(facts({ overdueActions: 1, openActions: 3, oldestOverdueDueOn: '2026-03-05' }))).toMatchObject({
      urgency: 'overdue_actions',
      score: 5,
    });
    expect(urgencyOf(facts({ openActions: 3 }))).toMatchObject({ urgency: 'open_actions', score: 3 });
    expect(urgencyOf(facts())).toMatchObject({ urgency: 'ok', notContacted: false });
  });

  it('sorts by kind first, then score', () => {
    const rows = [
      { name: 'ok', ...urgencyOf(facts()) },
      { name: 'open', ...urgencyOf(facts({ openActions: 1 })) },
      { name: 'silent-40', ...urgencyOf(facts({ lastContactOn: '2026-01-29' })) },
      { name: 'late-2', ...urgencyOf(facts({ nextFollowUpOn: '2026-03-08' })) },
      { name: 'silent-never', ...urgencyOf(facts({ lastContactOn: null, since: '2025-12-01' })) },
      { name: 'late-9', ...urgencyOf(facts({ nextFollowUpOn: '2026-03-01' })) },
      { name: 'overdue-action', ...urgencyOf(facts({ overdueActions: 1, openActions: 1 })) },
    ];
    expect(rows.sort(compareUrgency).map((r) => r.name)).toEqual([
      'late-9',
      'late-2',
      'silent-never',
      'silent-40',
      'overdue-action',
      'open',
      'ok',
    ]);
  });
});

describe('sessionInput', () => {
  const base = {
    personId: crypto.randomUUID(),
    heldOn: '2026-03-01',
    mode: 'visit',
    contactHours: 1.5,
    topics: ['finance'],
  };
  it('accepts a minimal session with defaults', () => {
    const r = sessionInput.parse(base);
    expect(r).toMatchObject({ prepHours: 0, actions: [], attachmentIds: [] });
  });
  it('refuses unknown topics, no topic, and contact under a quarter hour', () => {
    expect(sessionInput.safeParse({ ...base, topics: [] }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, topics: ['astrology'] }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, contactHours: 0.1 }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, mode: 'fax' }).success).toBe(false);
  });
});
