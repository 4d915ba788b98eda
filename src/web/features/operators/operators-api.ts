import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';

export type Operator = {
  id: string;
  name: string;
  serviceArea: string[];
  serviceAreaNames: string[];
  active: boolean;
  centerCount: number;
  createdAt: string;
};

export type Center = {
  id: string;
  operatorId: string;
  districtCode: string;
  districtName: string;
  name: string;
  address: string | null;
  villageCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  coordinators: { userId: string; name: string }[];
};

export type OperatorInput = { name: string; serviceArea: string[]; active?: boolean };
export type CenterInput = {
  districtCode: string;
  name: string;
  address?: string | null;
  villageCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string | null;
};

export function useOperators(enabled = true) {
  return useQuery({
    queryKey: ['operators'],
    queryFn: ({ signal }) => api<ListResponse<Operator>>('/api/operators', { query: { pageSize: 100 }, signal }),
    enabled,
  });
}

export function useOperator(id: string) {
  return useQuery({
    queryKey: ['operators', id],
    queryFn: ({ signal }) => api<Operator>(`/api/operators/${id}`, { signal }),
  });
}

export function useCenters(operatorId: string) {
  return useQuery({
    queryKey: ['operators', operatorId, 'centers'],
    queryFn: ({ signal }) =>
      api<ListResponse<Center>>(`/api/operators/${operatorId}/centers`, { query: { pageSize: 100 }, signal }),
  });
}

export function useCreateOperator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OperatorInput) => api<Operator>('/api/operators', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['operators'] }),
  });
}

export function useUpdateOperator(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<OperatorInput>) =>
      api<Operator>(`/api/operators/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['operators'] }),
  });
}

/** Creates a center when `centerId` is absent, else updates it. */
export function useSaveCenter(operatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ centerId, input }: { centerId?: string; input: CenterInput }) =>
      centerId
        ? api<Center>(`/api/centers/${centerId}`, { method: 'PATCH', body: input })
        : api<Center>(`/api/operators/${operatorId}/centers`, { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['operators'] }),
  });
}

export function useDeleteCenter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (centerId: string) => api(`/api/centers/${centerId}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['operators'] }),
  });
}
