import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelectionStatus } from '../../../shared/participants.js';
import { api, type ListResponse } from '../../app/api.js';
import type { DecisionInput, Enrollment, TrackEnrollment } from './participant-types.js';

export const selectionPageSize = 25;

export function useTrackEnrollments(trackId: string | undefined, status: SelectionStatus, page: number) {
  return useQuery({
    queryKey: ['selection', trackId, status, page],
    queryFn: ({ signal }) =>
      api<ListResponse<TrackEnrollment>>(`/api/tracks/${trackId}/enrollments`, {
        query: { status, page, pageSize: selectionPageSize },
        signal,
      }),
    enabled: !!trackId,
    placeholderData: keepPreviousData,
  });
}

/** How many applications wait in each status tab (one small request per status). */
export function useSelectionCounts(trackId: string | undefined, statuses: readonly SelectionStatus[]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: ['selection', trackId, status, 'count'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<ListResponse<TrackEnrollment>>(`/api/tracks/${trackId}/enrollments`, {
          query: { status, page: 1, pageSize: 1 },
          signal,
        }),
      enabled: !!trackId,
    })),
    combine: (results) =>
      Object.fromEntries(statuses.map((s, i) => [s, results[i]?.data?.total])) as Record<
        SelectionStatus,
        number | undefined
      >,
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ enrollmentId, input }: { enrollmentId: string; input: DecisionInput }) =>
      api<Enrollment>(`/api/enrollments/${enrollmentId}/decisions`, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['selection'] }),
        qc.invalidateQueries({ queryKey: ['participants'] }),
      ]),
  });
}
