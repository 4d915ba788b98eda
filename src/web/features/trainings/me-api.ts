import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CheckInResult } from './roster-api.js';
import type { WaveSummary } from './trainings-api.js';

// What a member sees of trainings (their own enrollments, the waves open to them) and the public certificate check.

export type MyEnrollment = WaveSummary & {
  enrollmentStatus: string;
  waitlistPosition: number | null;
  daysAttended: number;
  certificate: { id: string; serial: string } | null;
};

export type MyTrainings = { enrollments: MyEnrollment[]; open: WaveSummary[] };

export type CertificateCheck = {
  valid: boolean;
  serial: string;
  holderName: string;
  courseTitle: string;
  waveName: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  operatorName: string;
  issuedAt: string;
  revoked: boolean;
};

const myKey = ['trainings', 'me'];

export function useMyTrainings() {
  return useQuery({
    queryKey: myKey,
    queryFn: ({ signal }) => api<MyTrainings>('/api/me/trainings', { signal }),
  });
}

export function useMyEnrollment() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: myKey });
  const enroll = useMutation({
    mutationFn: (waveId: string) =>
      api<{ status: 'enrolled' | 'waitlisted'; waitlistPosition: number | null }>(
        `/api/me/trainings/${waveId}/enroll`,
        { method: 'POST' },
      ),
    onSuccess: done,
  });
  const cancel = useMutation({
    mutationFn: (waveId: string) =>
      api<{ promoted: string | null }>(`/api/me/trainings/${waveId}/enroll`, { method: 'DELETE' }),
    onSuccess: done,
  });
  return { enroll, cancel };
}

export function useMyCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<CheckInResult>('/api/me/check-in', { method: 'POST', body: { code } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: myKey }),
  });
}

export function useCertificateCheck(token: string) {
  return useQuery({
    queryKey: ['public', 'certificate', token],
    queryFn: ({ signal }) => api<CertificateCheck>(`/api/public/certificates/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
}
