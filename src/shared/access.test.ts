import { describe, expect, it } from 'vitest';
import { permissions, regionWithin, roleHas, rolePermissions, roles } from './access.js';

describe('role permissions', () => {
  it('admin holds every permission; participants and partners only their own portal', () => {
    expect(rolePermissions.admin).toEqual(permissions);
    expect(rolePermissions.participant).toEqual(['self.profile']);
    expect(rolePermissions.partner).toEqual(['partner.portal']);
  });

  it('only admins create operators; coordinators cannot manage users', () => {
    expect(roles.filter((r) => roleHas(r, 'operators.create'))).toEqual(['admin']);
    expect(roleHas('coordinator', 'users.manage')).toBe(false);
    expect(roleHas('program_admin', 'users.manage')).toBe(true);
  });

  it('grants only known permissions', () => {
    for (const r of roles) for (const p of rolePermissions[r]) expect(permissions).toContain(p);
  });
});

describe('regionWithin', () => {
  it('matches a prefix on whole code parts only', () => {
    expect(regionWithin('32.76.03.1001', '32.76.03')).toBe(true);
    expect(regionWithin('32.76.03', '32.76.03')).toBe(true);
    expect(regionWithin('32.76.03', null)).toBe(true);
    expect(regionWithin('32.76.03', '32.7')).toBe(false);
    expect(regionWithin('32.76', '32.76.03')).toBe(false);
    expect(regionWithin('33.76.03', '32')).toBe(false);
  });
});
