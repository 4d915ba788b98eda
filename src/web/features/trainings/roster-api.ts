import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

// Who is in a wave, who came on which day, and the QR codes of the check-in.

export type AttendanceMark = { checkedInAt: string; late: boolean; method: string } | null;

export type RosterRow = {
  personId: string;
  fullName: string;
  nikMasked: string;
  phone: string | null;
  districtName: string | null;
  villageName: string | null;
  status: string;
  source: string;
  enrolledAt: string;
  waitlistPosition: number | null;
  attendance: Record<string, AttendanceMark>;
  daysAttended: number;
  certificate: { id: string; serial: string; revoked: boolean } | null;
};

export type EnrollOutcome = { enrolled: number; waitlisted: number; already: number };

export type CheckInResult = {
  personId: string;
  fullName: string;
  sessionId: string;
  dayNo: number;
  late: boolean;
  checkedInAt: string;
  method: string;
  daysAttended: number;
  completed: boolean;
};

export type CheckInInput = ({ memberCode: string } | { personId: string }) & { sessionId?: string };

export type SessionCode = { sessionId: string; dayNo: number; date: string; code: string; url: string };

const rosterKey = (waveId: string) => ['trainings', 'roster', waveId];

export function useRoster(waveId: string, enabled = true) {
  return useQuery({
    queryKey: rosterKey(waveId),
    queryFn: ({ signal }) => api<{ items: RosterRow[] }>(`/api/training-waves/${waveId}/roster`, { signal }),
    enabled,
  });
}

/** After any change to a wave's people the wave's counts and the roster both move. */
function useRefreshWave(waveId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: rosterKey(waveId) }),
      qc.invalidateQueries({ queryKey: ['trainings', 'wave', waveId] }),
      qc.invalidateQueries({ queryKey: ['trainings', 'waves'] }),
    ]);
}

export function useEnrollPeople(waveId: string) {
  const refresh = useRefreshWave(waveId);
  return useMutation({
    mutationFn: (personIds: string[]) =>
      api<EnrollOutcome>(`/api/training-waves/${waveId}/enrollments`, { method: 'POST', body: { personIds } }),
    onSuccess: refresh,
  });
}

export function useCancelEnrollment(waveId: string) {
  const refresh = useRefreshWave(waveId);
  return useMutation({
    mutationFn: (personId: string) =>
      api<{ promoted: string | null }>(`/api/training-waves/${waveId}/enrollments/${personId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useCheckIn(waveId: string) {
  const refresh = useRefreshWave(waveId);
  return useMutation({
    mutationFn: (input: CheckInInput) =>
      api<CheckInResult>(`/api/training-waves/${waveId}/check-ins`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUndoCheckIn(waveId: string) {
  const refresh = useRefreshWave(waveId);
  return useMutation({
    mutationFn: ({ sessionId, personId }: { sessionId: string; personId: string }) =>
      api<null>(`/api/training-waves/${waveId}/check-ins/${sessionId}/${personId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useSessionCode(waveId: string, sessionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['trainings', 'session-code', waveId, sessionId ?? null],
    queryFn: ({ signal }) =>
      api<SessionCode>(`/api/training-waves/${waveId}/session-code`, { query: { sessionId }, signal }),
    enabled,
    retry: false,
  });
}

/** Addresses of files the browser downloads itself (the session cookie goes along). */
export const attendanceXlsxUrl = (waveId: string) => `/api/training-waves/${waveId}/attendance.xlsx`;
export const certificatePdfUrl = (certificateId: string) => `/api/certificates/${certificateId}/pdf`;
