import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicRegistrationInput, registrationInput } from '../../../shared/participants.js';
import { api } from '../../app/api.js';

export type RegistrationBody = z.output<typeof registrationInput>;
export type PublicRegistrationBody = z.output<typeof publicRegistrationInput>;

export type PossibleDuplicate = { id: string; fullName: string; reasons: string[] };

/** The part of the 201 answer (a ParticipantDetail) this feature reads. */
export type RegisteredParticipant = {
  id: string;
  fullName: string;
  nikMasked: string;
  sex: 'L' | 'P';
  birthDate: string;
  possibleDuplicates: PossibleDuplicate[];
};

export type PublicRegistrationResult = { id: string; sex: 'L' | 'P'; birthDate: string; status: 'applicant' };

/** Staff registration: POST /api/participants. */
export function useRegisterParticipant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationBody) => api<RegisteredParticipant>('/api/participants', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['participants'] }),
  });
}

export type PublicOperator = { id: string; name: string; serviceArea: string[]; serviceAreaNames: string[] };

/** The operator behind a public registration link: its name for the heading, its area for the village picker. */
export function usePublicOperator(operatorId: string | undefined) {
  return useQuery({
    queryKey: ['public-operator', operatorId],
    queryFn: () => api<PublicOperator>(`/api/public/operators/${operatorId}`),
    enabled: !!operatorId,
    retry: false,
  });
}

/** Self-registration without an account: POST /api/public/registrations. */
export function useRegisterPublic() {
  return useMutation({
    mutationFn: (body: PublicRegistrationBody) =>
      api<PublicRegistrationResult>('/api/public/registrations', { method: 'POST', body }),
  });
}

/** The id of the record a 409 PARTICIPANT_EXISTS names, when the caller may see it. */
export function existingIdOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const id = (details as Record<string, unknown>).existingId;
  return typeof id === 'string' ? id : undefined;
}
