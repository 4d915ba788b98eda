import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { documentKinds } from '../../../shared/participants.js';
import { api, type ListResponse } from '../../app/api.js';

export type DocumentKind = (typeof documentKinds)[number];

export type Track = {
  id: string;
  programId: string;
  operatorId: string;
  code: string;
  name: string;
  minAge: number | null;
  maxAge: number | null;
  residencyPrefix: string | null;
  sex: 'L' | 'P' | null;
  requiredDocuments: string[];
  quota: number | null;
};

export type Program = {
  id: string;
  operatorId: string;
  name: string;
  description: string | null;
  startsOn: string;
  endsOn: string;
  active: boolean;
  createdAt: string;
  tracks: Track[];
};

export type ProgramInput = {
  operatorId: string;
  name: string;
  description?: string | null;
  startsOn: string;
  endsOn: string;
};
export type ProgramPatch = Partial<Omit<ProgramInput, 'operatorId'>> & { active?: boolean };

export type TrackInput = {
  code: string;
  name: string;
  minAge?: number | null;
  maxAge?: number | null;
  residencyPrefix?: string | null;
  sex?: 'L' | 'P' | null;
  requiredDocuments?: DocumentKind[];
  quota?: number | null;
};

export type Target = {
  id: string;
  trackId: string;
  trackCode: string;
  trackName: string;
  year: number;
  districtCode: string | null;
  districtName: string | null;
  target: number;
  achieved: number;
};

export type TargetItem = { trackId: string; year: number; districtCode: string | null; target: number };

/** Programs (with tracks) the person may read; `operatorId` narrows to one operator. */
export function usePrograms(operatorId?: string, enabled = true) {
  return useQuery({
    queryKey: ['programs', 'list', operatorId ?? null],
    queryFn: ({ signal }) =>
      api<ListResponse<Program>>('/api/programs', { query: { operatorId, pageSize: 100 }, signal }),
    enabled,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: ['programs', 'detail', id],
    queryFn: ({ signal }) => api<Program>(`/api/programs/${id}`, { signal }),
  });
}

export function useCreateProgram() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgramInput) => api<Program>('/api/programs', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useUpdateProgram(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgramPatch) => api<Program>(`/api/programs/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['programs'] }),
  });
}

/** Creates a track when `trackId` is absent, else updates it. */
export function useSaveTrack(programId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ trackId, input }: { trackId?: string; input: TrackInput }) =>
      trackId
        ? api<Track>(`/api/tracks/${trackId}`, { method: 'PATCH', body: input })
        : api<Track>(`/api/programs/${programId}/tracks`, { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useTargets(programId: string, year: number) {
  return useQuery({
    queryKey: ['programs', 'targets', programId, year],
    queryFn: ({ signal }) =>
      api<ListResponse<Target>>(`/api/programs/${programId}/targets`, { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePutTargets(programId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: TargetItem[]) =>
      api<ListResponse<Target>>(`/api/programs/${programId}/targets`, { method: 'PUT', body: { items } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['programs', 'targets', programId] }),
  });
}
