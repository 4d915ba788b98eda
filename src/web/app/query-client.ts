import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.js';

let onUnauthenticated: () => void = () => {};

/** The router registers how to get back to the login page when a session runs out mid-use. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function handle(err: unknown): void {
  if (isApiError(err, 401)) onUnauthenticated();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (query.queryKey[0] !== 'me') handle(err);
    },
  }),
  mutationCache: new MutationCache({ onError: handle }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, err) => !isApiError(err) || (err.status >= 500 && count < 2),
    },
  },
});
