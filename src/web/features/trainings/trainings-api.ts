import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { courseInput, coursePatch, waveInput, wavePatch } from '../../../shared/trainings.js';
import { api, type ListResponse } from '../../app/api.js';
import type { Center } from '../operators/operators-api.js';
import type { UserSummary } from '../users/users-api.js';

// The catalog and the waves, as the trainings API answers them (see the contract in src/shared/trainings.ts).

export type Material =
  | { kind: 'link'; title: string; url: string }
  | { kind: 'file'; title: string; fileId: string; fileName: string; size: number };

export type Course = {
  id: string;
  operatorId: string;
  title: string;
  description: string | null;
  topics: string[];
  level: string;
  hours: number;
  materials: Material[];
  active: boolean;
  waves: number;
};

export type CourseBody = z.input<typeof courseInput>;
export type CoursePatchBody = z.input<typeof coursePatch>;

export type WaveSummary = {
  id: string;
  operatorId: string;
  name: string;
  course: { id: string; title: string; hours: number; level: string };
  mode: 'offline' | 'online';
  centerId: string | null;
  centerName: string | null;
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  trainerUserId: string | null;
  trainerName: string | null;
  capacity: number;
  registrationDeadline: string | null;
  requiredDays: number;
  startsOn: string;
  endsOn: string;
  status: string;
  enrolled: number;
  waitlisted: number;
  completed: number;
  notCompleted: number;
  cancelled: number;
  /** Seats in use: enrolled, completed and not completed. */
  seatsTaken: number;
  programId: string | null;
  trackId: string | null;
  districtCodes: string[];
};

export type WaveSession = {
  id: string;
  dayNo: number;
  date: string;
  startsAt: string;
  endsAt: string;
  topic: string | null;
  attended: number;
};

export type WaveDetail = WaveSummary & {
  sessions: WaveSession[];
  completionRate: number | null;
};

export type WaveBody = z.input<typeof waveInput>;
export type WavePatchBody = z.input<typeof wavePatch>;

export type WavesSearch = {
  tab?: 'catalog';
  courseId?: string;
  districtCode?: string;
  status?: string;
  when?: 'past' | 'all';
  q?: string;
  page?: number;
};

export const wavesPageSize = 20;

export function useCourses(operatorId?: string, enabled = true) {
  return useQuery({
    queryKey: ['trainings', 'courses', operatorId ?? null],
    queryFn: ({ signal }) => api<{ items: Course[] }>('/api/courses', { query: { operatorId }, signal }),
    enabled,
  });
}

export function useSaveCourse(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseBody | CoursePatchBody) =>
      id
        ? api<Course>(`/api/courses/${id}`, { method: 'PATCH', body: input })
        : api<Course>('/api/courses', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trainings', 'courses'] }),
  });
}

/** Materials: a file (multipart, the title before the file) or removal by position. */
export function useCourseMaterials(courseId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['trainings', 'courses'] });
  const upload = useMutation({
    mutationFn: ({ title, file }: { title: string; file: File }) => {
      const form = new FormData();
      form.append('title', title);
      form.append('file', file);
      return api<Course>(`/api/courses/${courseId}/materials`, { method: 'POST', body: form });
    },
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (index: number) => api<Course>(`/api/courses/${courseId}/materials/${index}`, { method: 'DELETE' }),
    onSuccess: done,
  });
  return { upload, remove };
}

export const materialFileUrl = (courseId: string, fileId: string) => `/api/courses/${courseId}/materials/${fileId}`;

export function useWaves(search: WavesSearch, enabled = true) {
  return useQuery({
    queryKey: ['trainings', 'waves', search],
    queryFn: ({ signal }) =>
      api<ListResponse<WaveSummary>>('/api/training-waves', {
        query: {
          courseId: search.courseId,
          districtCode: search.districtCode,
          status: search.status,
          q: search.q,
          when: search.when ?? 'upcoming',
          page: search.page ?? 1,
          pageSize: wavesPageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWave(id: string) {
  return useQuery({
    queryKey: ['trainings', 'wave', id],
    queryFn: ({ signal }) => api<WaveDetail>(`/api/training-waves/${id}`, { signal }),
  });
}

export function useCreateWave() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WaveBody) => api<WaveDetail>('/api/training-waves', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trainings'] }),
  });
}

export function useUpdateWave(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WavePatchBody) =>
      api<WaveDetail>(`/api/training-waves/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trainings'] }),
  });
}

export function useCloseWave(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<WaveDetail>(`/api/training-waves/${id}/close`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trainings'] }),
  });
}

/** The trainers of an operator (an account to link the wave to); only those who may read users can list them. */
export function useTrainers(operatorId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['trainings', 'trainers', operatorId],
    queryFn: ({ signal }) =>
      api<ListResponse<UserSummary>>('/api/users', { query: { role: 'trainer', operatorId, pageSize: 100 }, signal }),
    staleTime: 60_000,
    enabled: enabled && !!operatorId,
  });
}

/** The centers of an operator, for a wave held at one. */
export function useOperatorCenters(operatorId: string | null) {
  return useQuery({
    queryKey: ['operators', operatorId, 'centers'],
    queryFn: ({ signal }) =>
      api<ListResponse<Center>>(`/api/operators/${operatorId}/centers`, { query: { pageSize: 100 }, signal }),
    enabled: !!operatorId,
  });
}
