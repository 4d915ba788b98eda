import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { ParticipantDetail } from '../participants/participant-types.js';
import type {
  Action,
  Caseload,
  CaseloadSearch,
  Mentor,
  MentorProfileInput,
  MentorStats,
  MyMentoring,
  PersonMentoring,
  Session,
  SessionInput,
  Suggestions,
} from './mentoring-types.js';

export const caseloadPageSize = 30;

/** Everything the mentoring screens show depends on sessions and assignments: one key to refresh them all. */
function useRefreshMentoring() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['mentoring'] });
    void qc.invalidateQueries({ queryKey: ['participants'] });
  };
}

export function useCaseload(search: CaseloadSearch, enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'caseload', search],
    queryFn: ({ signal }) =>
      api<Caseload>('/api/mentoring/caseload', {
        query: { ...search, page: search.page ?? 1, pageSize: caseloadPageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMentorStats(input: { month: string; districtCode?: string }, enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'stats', input],
    queryFn: ({ signal }) => api<MentorStats>('/api/mentoring/stats', { query: input, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The mentors of the operators in the person's scope (with their profile, caseload and capacity). */
export function useMentorList(query: { operatorId?: string; districtCode?: string; q?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'mentors', query],
    queryFn: ({ signal }) => api<{ items: Mentor[] }>('/api/mentors', { query, signal }),
    staleTime: 30_000,
    enabled,
  });
}

export function useSaveMentorProfile(userId: string) {
  const refresh = useRefreshMentoring();
  return useMutation({
    mutationFn: (input: MentorProfileInput) =>
      api<Mentor>(`/api/mentors/${encodeURIComponent(userId)}/profile`, { method: 'PUT', body: input }),
    onSuccess: refresh,
  });
}

export function usePersonMentoring(personId: string, enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'person', personId],
    queryFn: ({ signal }) => api<PersonMentoring>(`/api/participants/${personId}/mentoring`, { signal }),
    enabled,
  });
}

export function useLogSession() {
  const refresh = useRefreshMentoring();
  return useMutation({
    mutationFn: (input: SessionInput) => api<Session>('/api/mentoring/sessions', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

/** "Selesai" and back: an agreed action is done, or turns out not to be. */
export function useToggleAction() {
  const refresh = useRefreshMentoring();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      api<Action>(`/api/mentoring/actions/${id}/${done ? 'done' : 'reopen'}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useSuggestions(personIds: string[], enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'suggest', personIds],
    queryFn: ({ signal }) =>
      api<Suggestions>('/api/mentoring/assignments/suggest', { method: 'POST', body: { personIds }, signal }),
    staleTime: 30_000,
    enabled: enabled && personIds.length > 0,
  });
}

export function useAssign() {
  const refresh = useRefreshMentoring();
  return useMutation({
    mutationFn: (input: { personIds: string[]; mentorUserId: string; overrideCapacity?: boolean; reason?: string }) =>
      api<{ assigned: number; unchanged: number }>('/api/mentoring/assignments', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useMyMentoring(enabled = true) {
  return useQuery({
    queryKey: ['mentoring', 'me'],
    queryFn: ({ signal }) => api<MyMentoring>('/api/me/mentoring', { signal }),
    enabled,
  });
}

/** The member a session is logged for: name, businesses, operator (shares the member page's cache entry). */
export function usePersonDetail(id: string | null) {
  return useQuery({
    queryKey: ['participants', 'detail', id],
    queryFn: ({ signal }) => api<ParticipantDetail>(`/api/participants/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
