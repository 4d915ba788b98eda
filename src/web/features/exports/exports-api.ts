import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';

/** The shapes of docs/api-imports.md (Export), as the web app reads them. */

export type ExportFormat = 'xlsx' | 'csv';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export type ExportRun = {
  id: string;
  status: ExportStatus;
  format: ExportFormat;
  progress: { done: number; total: number | null };
  rowCount: number | null;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: unknown;
};

export const exportFileUrl = (id: string) => `/api/exports/${id}/file`;

/** Exports the participant list as it is filtered on screen: the list's own query parameters, without the page. */
export function useStartExport() {
  return useMutation({
    mutationFn: (input: { format: ExportFormat; filters: Record<string, string | number> }) =>
      api<{ id: string; status: ExportStatus }>('/api/exports', { method: 'POST', body: input }),
  });
}

/** One export, polled every second until its file is ready (or it failed). */
export function useExport(id: string | null) {
  return useQuery({
    queryKey: ['exports', 'detail', id],
    queryFn: ({ signal }) => api<ExportRun>(`/api/exports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 1000;
    },
  });
}

/** Starts a same-origin download (the session cookie goes along; the server names the file). */
export function downloadFile(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
