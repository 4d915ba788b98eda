import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { delegableRoles, type Permission, type Role, roles } from '../../shared/access.js';
import { api } from './api.js';

export type Grant = {
  role: Role;
  operatorId: string | null;
  operatorName: string | null;
  regionPrefix: string | null;
  regionName: string | null;
};

export type Me = {
  user: { id: string; name: string; email: string | null; phoneNumber: string | null; locale: string | null };
  grants: Grant[];
  permissions: string[];
};

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => api<Me>('/api/me', { signal }),
  staleTime: 5 * 60_000,
  retry: false,
  refetchOnWindowFocus: false,
});

export type Session = Me & {
  can: (permission: Permission) => boolean;
  isAdmin: boolean;
  /** Roles this person may hand out to others. */
  grantableRoles: readonly Role[];
};

export function sessionOf(me: Me): Session {
  const isAdmin = me.grants.some((g) => g.role === 'admin');
  const can = (permission: Permission) => me.permissions.includes(permission);
  const grantableRoles = isAdmin ? roles : can('users.manage') ? delegableRoles : [];
  return { ...me, can, isAdmin, grantableRoles };
}

/** The signed-in person; only used below the authenticated layout, which loads it before rendering. */
export function useSession(): Session {
  const { data } = useSuspenseQuery(meQuery);
  return sessionOf(data);
}
