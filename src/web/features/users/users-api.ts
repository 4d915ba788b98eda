import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../shared/access.js';
import { api, type ListResponse } from '../../app/api.js';
import type { UsersSearch } from './users-search.js';

export type UserSummary = {
  id: string;
  name: string;
  email: string | null;
  phoneNumber: string | null;
  active: boolean;
  operatorId: string | null;
  createdAt: string;
  roles: Role[];
};

export type Assignment = {
  id: string;
  role: Role;
  operatorId: string | null;
  operatorName: string | null;
  regionPrefix: string | null;
  regionName: string | null;
  createdAt: string;
};

export type UserDetail = UserSummary & { assignments: Assignment[] };

export type UserCreateInput = { name: string; email?: string; phone?: string; password: string; operatorId?: string };
export type UserUpdateInput = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  password?: string;
};
export type AssignmentInput = { role: Role; operatorId: string | null; regionPrefix: string | null };

export const usersPageSize = 20;

export function useUsers(search: UsersSearch, enabled = true) {
  return useQuery({
    queryKey: ['users', 'list', search],
    queryFn: ({ signal }) =>
      api<ListResponse<UserSummary>>('/api/users', {
        query: { ...search, page: search.page ?? 1, pageSize: usersPageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api<UserDetail>(`/api/users/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api<UserSummary>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdateInput) => api<UserSummary>(`/api/users/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

function invalidateAfterAssignment(qc: ReturnType<typeof useQueryClient>) {
  // Coordinators show up on centers; a change to one's own grants changes the navbar.
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['users'] }),
    qc.invalidateQueries({ queryKey: ['operators'] }),
    qc.invalidateQueries({ queryKey: ['me'] }),
  ]);
}

export function useAddAssignment(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentInput) =>
      api<Assignment>(`/api/users/${userId}/assignments`, { method: 'POST', body: input }),
    onSuccess: () => invalidateAfterAssignment(qc),
  });
}

export function useRemoveAssignment(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => api(`/api/users/${userId}/assignments/${assignmentId}`, { method: 'DELETE' }),
    onSuccess: () => invalidateAfterAssignment(qc),
  });
}
