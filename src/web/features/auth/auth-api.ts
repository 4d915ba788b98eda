import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { normalizePhone } from '../../../shared/phone.js';
import { api } from '../../app/api.js';
import { meQuery } from '../../app/session.js';

export type Credentials = { identifier: string; password: string };

/** A login identifier with '@' is an email; anything else must be an Indonesian phone number. */
export function signInRequest(
  identifier: string,
): { path: string; field: 'email' | 'phoneNumber'; value: string } | null {
  const id = identifier.trim();
  if (id.includes('@')) return { path: '/api/auth/sign-in/email', field: 'email', value: id };
  const phone = normalizePhone(id);
  return phone ? { path: '/api/auth/sign-in/phone-number', field: 'phoneNumber', value: phone } : null;
}

export async function signIn({ identifier, password }: Credentials): Promise<void> {
  const req = signInRequest(identifier);
  if (!req) throw new Error('invalid-identifier');
  await api(req.path, { method: 'POST', body: { [req.field]: req.value, password } });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQuery);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api('/api/auth/sign-out', { method: 'POST', body: {} }),
    onSettled: async () => {
      await navigate({ to: '/login' });
      queryClient.clear();
    },
  });
}
