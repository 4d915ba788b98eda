import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';
import type { UserSummary } from '../users/users-api.js';
import type { ParticipantRow, ProgramWithTracks, SavedFilter } from './participant-types.js';
import type { ParticipantsSearch } from './participants-search.js';

export const participantsPageSize = 25;

export function useParticipants(search: ParticipantsSearch, enabled = true) {
  return useQuery({
    queryKey: ['participants', 'list', search],
    queryFn: ({ signal }) =>
      api<ListResponse<ParticipantRow> & { totalCapped: boolean }>('/api/participants', {
        query: { ...search, page: search.page ?? 1, pageSize: participantsPageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Programs with their tracks, for the program → track pickers (list filter, enrolment, selection). */
export function useProgramsWithTracks(enabled = true) {
  return useQuery({
    queryKey: ['programs', 'with-tracks'],
    queryFn: ({ signal }) =>
      api<ListResponse<ProgramWithTracks>>('/api/programs', { query: { pageSize: 100 }, signal }),
    staleTime: 60_000,
    enabled,
  });
}

/** Mentors of an operator, to filter by or to assign. */
export function useMentors(operatorId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['participants', 'mentors', operatorId ?? null],
    queryFn: ({ signal }) =>
      api<ListResponse<UserSummary>>('/api/users', {
        query: { role: 'mentor', operatorId, pageSize: 100 },
        signal,
      }),
    staleTime: 60_000,
    enabled,
  });
}

export function useSavedFilters(enabled = true) {
  return useQuery({
    queryKey: ['participants', 'saved-filters'],
    queryFn: ({ signal }) => api<ListResponse<SavedFilter>>('/api/saved-filters', { signal }),
    enabled,
  });
}

export function useSaveFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, unknown>; operatorId?: string }) =>
      api<SavedFilter>('/api/saved-filters', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['participants', 'saved-filters'] }),
  });
}

export function useDeleteFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/saved-filters/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['participants', 'saved-filters'] }),
  });
}
