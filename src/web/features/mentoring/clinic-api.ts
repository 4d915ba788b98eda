import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';
import type { Center } from '../operators/operators-api.js';
import type { Booking, ClinicSlot, MyClinic, SlotsInput } from './mentoring-types.js';

function useRefreshClinic() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['clinic'] });
}

/** The slots of one center in a date range (`to` inclusive), with their booking. */
export function useClinicSlots(input: { centerId: string | null; from: string; to: string }) {
  return useQuery({
    queryKey: ['clinic', 'slots', input],
    queryFn: ({ signal }) =>
      api<{ items: ClinicSlot[] }>('/api/clinic/slots', {
        query: { centerId: input.centerId, from: input.from, to: input.to },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: input.centerId !== null,
  });
}

export function useCreateSlots() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: (input: SlotsInput) => api<{ created: number }>('/api/clinic/slots', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useCancelSlot() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/api/clinic/slots/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useBookSlot() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: (input: { slotId: string; personId: string; topic?: string }) =>
      api<Booking>('/api/clinic/bookings', { method: 'POST', body: input }),
    // A lost race also changes what the grid should show.
    onSettled: refresh,
  });
}

export type BookingStep = 'confirm' | 'cancel' | 'done';

export function useBookingStep() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: BookingStep }) =>
      api<Booking>(`/api/clinic/bookings/${id}/${step}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useMyClinic() {
  return useQuery({
    queryKey: ['clinic', 'me'],
    queryFn: ({ signal }) => api<MyClinic>('/api/me/clinic', { signal }),
  });
}

export function useBookMySlot() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: (input: { slotId: string; topic?: string }) =>
      api<Booking>('/api/me/clinic/bookings', { method: 'POST', body: input }),
    onSettled: refresh,
  });
}

export function useCancelMyBooking() {
  const refresh = useRefreshClinic();
  return useMutation({
    mutationFn: (id: string) => api<Booking>(`/api/me/clinic/bookings/${id}/cancel`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** The centers of an operator (shares the operator page's cache entry). */
export function useClinicCenters(operatorId: string | null) {
  return useQuery({
    queryKey: ['operators', operatorId, 'centers'],
    queryFn: ({ signal }) =>
      api<ListResponse<Center>>(`/api/operators/${operatorId}/centers`, { query: { pageSize: 100 }, signal }),
    enabled: Boolean(operatorId),
    staleTime: 60_000,
  });
}
