import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnMapping, ImportField } from '../../../shared/import/fields.js';
import { api, type ListResponse } from '../../app/api.js';

/** The shapes of docs/api-imports.md, as the web app reads them. */

export type ImportMode = 'create' | 'upsert';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type RowOutcome = 'ok' | 'update' | 'duplicate' | 'rejected';
export type IssueKind = 'rejected' | 'duplicate';

export type UploadedFile = { fileId: string; fileName: string; size: number; format: 'xlsx' | 'csv'; sheets: string[] };

export type RowProblem = {
  field: ImportField | string | null;
  code: string;
  message: string;
  candidates?: { code: string; name: string }[];
};

export type PreviewRow = {
  rowNo: number;
  outcome: RowOutcome;
  values: Partial<Record<ImportField, unknown>>;
  resolved?: { kecamatan?: string | null; kelurahan?: string | null; villageCode?: string } | null;
  problems: RowProblem[];
};

export type Inspection = {
  sheets: string[];
  sheet: string;
  headerRow: number;
  columns: { index: number; header: string; samples: string[] }[];
  suggested: ColumnMapping;
  mapping: ColumnMapping;
  missingRequired: ImportField[];
  rows: PreviewRow[];
};

export type InspectInput = {
  operatorId: string;
  fileId: string;
  sheet?: string;
  headerRow?: number;
  mapping?: ColumnMapping;
  programId: string | null;
  trackId: string | null;
  mode: ImportMode;
};

export type StartImportInput = {
  fileId: string;
  operatorId: string;
  programId: string | null;
  trackId: string | null;
  sheet?: string;
  headerRow: number;
  mapping: ColumnMapping;
  mode: ImportMode;
  dryRun: boolean;
  asMembers: boolean;
};

export type ImportCounts = { total: number; imported: number; updated: number; duplicates: number; rejected: number };

export type ImportRun = {
  id: string;
  operatorId: string;
  fileName: string;
  sheet: string | null;
  mode: ImportMode;
  dryRun: boolean;
  status: ImportStatus;
  progress: { done: number; total: number | null; etaSeconds: number | null };
  counts: ImportCounts;
  error: unknown;
  canResume: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  fileId: string;
  programId: string | null;
  trackId: string | null;
  headerRow: number;
  mapping: ColumnMapping;
  asMembers: boolean;
};

export type ImportIssue = {
  rowNo: number;
  kind: IssueKind;
  reasons: { field: string | null; code: string; message: string }[];
  values: Record<string, unknown>;
};

export const importsPageSize = 20;
export const issuesPageSize = 50;
const isLive = (r: ImportRun) => r.status === 'queued' || r.status === 'running';

export const rejectedFileUrl = (id: string) => `/api/imports/${id}/rejected.xlsx`;

/** The operator goes before the file: the server checks the upload against it while it streams. */
async function uploadImportFile(input: { operatorId: string; file: File }): Promise<UploadedFile> {
  const form = new FormData();
  form.append('operatorId', input.operatorId);
  form.append('file', input.file);
  return api<UploadedFile>('/api/imports/files', { method: 'POST', body: form });
}

export function useUploadImportFile() {
  return useMutation({ mutationFn: uploadImportFile });
}

export function useInspectImport() {
  return useMutation({
    mutationFn: (input: InspectInput) => api<Inspection>('/api/imports/inspect', { method: 'POST', body: input }),
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StartImportInput) =>
      api<{ id: string; status: ImportStatus }>('/api/imports', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

export function useResumeImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ id: string; status: ImportStatus }>(`/api/imports/${id}/resume`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

/** Recent imports; refreshes every 2 s while one on the page is still queued or running. */
export function useImports(page: number, enabled = true) {
  return useQuery({
    queryKey: ['imports', 'list', page],
    queryFn: ({ signal }) =>
      api<ListResponse<ImportRun>>('/api/imports', { query: { page, pageSize: importsPageSize }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isLive) ? 2000 : false),
    enabled,
  });
}

/** One import, polled every second while it runs. */
export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', 'detail', id],
    queryFn: ({ signal }) => api<ImportRun>(`/api/imports/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data) ? 1000 : false),
  });
}

export function useImportIssues(id: string, kind: IssueKind, page: number, enabled = true) {
  return useQuery({
    queryKey: ['imports', 'issues', id, kind, page],
    queryFn: ({ signal }) =>
      api<ListResponse<ImportIssue>>(`/api/imports/${id}/issues`, {
        query: { kind, page, pageSize: issuesPageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The options to repeat a dry run for real: the same file, sheet, header row, mapping and choices. */
export function startOptionsOf(run: ImportRun): StartImportInput {
  return {
    fileId: run.fileId,
    operatorId: run.operatorId,
    programId: run.programId,
    trackId: run.trackId,
    sheet: run.sheet ?? undefined,
    headerRow: run.headerRow,
    mapping: run.mapping,
    mode: run.mode,
    dryRun: false,
    asMembers: run.asMembers,
  };
}
