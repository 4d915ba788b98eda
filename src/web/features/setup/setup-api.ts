import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type SetupInput = { token: string; name: string; email: string; password: string };

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup-status'],
    queryFn: ({ signal }) => api<{ needsSetup: boolean }>('/api/setup/status', { signal }),
    staleTime: 0,
  });
}

export function useRunSetup() {
  return useMutation({
    mutationFn: (input: SetupInput) => api<{ userId: string }>('/api/setup', { method: 'POST', body: input }),
  });
}
