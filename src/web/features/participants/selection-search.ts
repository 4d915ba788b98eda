import { type SelectionStatus, selectionStatuses } from '../../../shared/participants.js';

export type SelectionSearch = { trackId?: string; status?: SelectionStatus; page?: number };

/** The order of the review tabs: the way an application moves, then the two outcomes. */
export const selectionTabs: readonly SelectionStatus[] = [
  'applicant',
  'documents_checked',
  'interviewed',
  'waitlisted',
  'accepted',
  'rejected',
];

export function parseSelectionSearch(s: Record<string, unknown>): SelectionSearch {
  const page = Number(s.page);
  const status = typeof s.status === 'string' && (selectionStatuses as readonly string[]).includes(s.status);
  return {
    trackId: typeof s.trackId === 'string' && s.trackId !== '' ? s.trackId : undefined,
    status: status ? (s.status as SelectionStatus) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
