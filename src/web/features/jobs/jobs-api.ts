import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export type Job = {
  id: string;
  queue: string;
  operatorId: string | null;
  status: JobStatus;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const jobsPageSize = 20;
const pollMs = 2000;
const isLive = (j: Job) => j.status === 'running' || j.status === 'queued';

/** Refreshes every 2 s while any job on the page is still queued or running. */
export function useJobs(page: number, enabled = true) {
  return useQuery({
    queryKey: ['jobs', 'list', page],
    queryFn: ({ signal }) => api<ListResponse<Job>>('/api/jobs', { query: { page, pageSize: jobsPageSize }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isLive) ? pollMs : false),
    enabled,
  });
}

export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', 'detail', id],
    queryFn: ({ signal }) => api<Job>(`/api/jobs/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && isLive(q.state.data) ? pollMs : false),
  });
}

/** Percent done, or null when the total is unknown (an indeterminate bar). */
export function jobPercent(job: Job): number | null {
  if (job.status === 'done') return 100;
  if (!job.progressTotal) return null;
  return Math.min(100, Math.round((job.progressDone / job.progressTotal) * 100));
}
