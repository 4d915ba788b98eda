import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';
import type {
  Business,
  BusinessStatusInput,
  DuplicateCandidate,
  Enrollment,
  NewBusiness,
  ParticipantDetail,
  ProfileInput,
  StageInput,
  TimelineItem,
} from './participant-types.js';

/** Hooks of the member page; every change refreshes the person, their timeline and the lists. */

export function useParticipant(id: string) {
  return useQuery({
    queryKey: ['participants', 'detail', id],
    queryFn: ({ signal }) => api<ParticipantDetail>(`/api/participants/${id}`, { signal }),
  });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({
    queryKey: ['participants', 'timeline', id],
    queryFn: ({ signal }) => api<{ items: TimelineItem[] }>(`/api/participants/${id}/timeline`, { signal }),
    enabled,
  });
}

export function useDuplicates(id: string, enabled = true) {
  return useQuery({
    queryKey: ['participants', 'duplicates', id],
    queryFn: ({ signal }) => api<{ items: DuplicateCandidate[] }>(`/api/participants/${id}/duplicates`, { signal }),
    enabled,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['participants'] }),
      qc.invalidateQueries({ queryKey: ['selection'] }),
    ]);
}

/** The full NIK; the server records who looked (audit `view_nik`). */
export function useRevealNik(id: string) {
  return useMutation({
    mutationFn: () => api<{ nik: string }>(`/api/participants/${id}/reveal-nik`, { method: 'POST', body: {} }),
  });
}

export function useRecordStage(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: StageInput) =>
      api<ListResponse<unknown>>(`/api/participants/${id}/stages`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateProfile(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ProfileInput) =>
      api<ParticipantDetail>(`/api/participants/${id}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

export function useAddBusiness(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: NewBusiness) =>
      api<Business>(`/api/participants/${id}/businesses`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useBusinessStatus() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ businessId, input }: { businessId: string; input: BusinessStatusInput }) =>
      api<Business>(`/api/businesses/${businessId}/status`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useEnroll(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (trackId: string) =>
      api<Enrollment>(`/api/participants/${id}/enrollments`, { method: 'POST', body: { trackId } }),
    onSuccess: refresh,
  });
}

export function useMerge(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { otherId: string; reason?: string | null }) =>
      api<ParticipantDetail>(`/api/participants/${id}/merge`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useMarkDistinct(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (otherId: string) =>
      api<null>(`/api/participants/${id}/distinct`, { method: 'POST', body: { otherId } }),
    onSuccess: refresh,
  });
}

// --- documents and photos ---

export type ParticipantDocument = {
  id: string;
  kind: string;
  businessId: string | null;
  fileId: string;
  originalName: string;
  contentType: string;
  size: number;
  createdAt: string;
};

export type DocumentUploadInput = { kind: string; businessId?: string | null; file: File };

/** Where a document's bytes are served (same origin, with the session cookie): for links and image thumbnails. */
export const documentFileUrl = (personId: string, docId: string) =>
  `/api/participants/${personId}/documents/${docId}/file`;

export function useDocuments(id: string) {
  return useQuery({
    queryKey: ['participants', 'documents', id],
    queryFn: ({ signal }) => api<ListResponse<ParticipantDocument>>(`/api/participants/${id}/documents`, { signal }),
  });
}

/** The fields go before the file: the server checks the upload against them while it streams. */
async function uploadDocument(id: string, input: DocumentUploadInput): Promise<ParticipantDocument> {
  const form = new FormData();
  form.append('kind', input.kind);
  if (input.businessId) form.append('businessId', input.businessId);
  form.append('file', input.file);
  return api<ParticipantDocument>(`/api/participants/${id}/documents`, { method: 'POST', body: form });
}

export function useUploadDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: DocumentUploadInput) => uploadDocument(id, input), onSuccess: refresh });
}

export function useDeleteDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (docId: string) => api<null>(`/api/participants/${id}/documents/${docId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
