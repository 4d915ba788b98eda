import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import { inScope, requireAccess, scopeOf } from './access.js';
import type { Actor } from './actor.js';

const op = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const coordinator: Actor = {
  kind: 'user',
  userId: 'u1',
  name: 'Siti',
  grants: [{ role: 'coordinator', operatorId: op, regionPrefix: '32.76.03' }],
};
const programAdmin: Actor = {
  kind: 'user',
  userId: 'u2',
  name: 'Rina',
  grants: [{ role: 'program_admin', operatorId: op, regionPrefix: null }],
};
const admin: Actor = {
  kind: 'user',
  userId: 'u3',
  name: 'Admin',
  grants: [{ role: 'admin', operatorId: null, regionPrefix: null }],
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('requireAccess', () => {
  it('401 without an actor, 403 without the permission anywhere', () => {
    expect(codeOf(() => requireAccess(undefined, 'users.read'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireAccess(coordinator, 'users.manage'))).toBe('FORBIDDEN');
  });

  it('404 for a record outside the scope, exactly like a missing one', () => {
    expect(
      codeOf(() => requireAccess(coordinator, 'participants.read', { operatorId: op, regionCode: '32.76.03.1001' })),
    ).toBe('ok');
    expect(
      codeOf(() => requireAccess(coordinator, 'participants.read', { operatorId: op, regionCode: '32.76.06.1001' })),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(() => requireAccess(coordinator, 'participants.read', { operatorId: other, regionCode: '32.76.03.1001' })),
    ).toBe('NOT_FOUND');
  });

  it('an operator-level record needs a whole-area grant unless any grant there will do', () => {
    expect(inScope(scopeOf(coordinator, 'operators.read'), { operatorId: op })).toBe(false);
    expect(inScope(scopeOf(coordinator, 'operators.read'), { operatorId: op, anyRegion: true })).toBe(true);
    expect(inScope(scopeOf(programAdmin, 'operators.read'), { operatorId: op })).toBe(true);
  });

  it('admins and the system reach everything', () => {
    expect(scopeOf(admin, 'audit.read')).toEqual({ all: true });
    expect(scopeOf({ kind: 'system', label: 'cli' }, 'users.manage')).toEqual({ all: true });
  });
});
