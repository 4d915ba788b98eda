import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';
import type { AuditSearch } from './audit-search.js';

export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

export type AuditEntry = {
  id: number | string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  operatorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: AuditChanges | null;
  requestId: string | null;
  ip: string | null;
  reason: string | null;
};

export const auditPageSize = 50;

/** A Jakarta calendar day as an instant, so "to 17 Aug" includes the whole of 17 Aug. */
function dayBoundary(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const start = new Date(`${day}T00:00:00+07:00`);
  return end ? new Date(start.getTime() + 86_400_000 - 1).toISOString() : start.toISOString();
}

export function useAudit(search: AuditSearch, enabled = true) {
  return useQuery({
    queryKey: ['audit', search],
    queryFn: ({ signal }) =>
      api<ListResponse<AuditEntry>>('/api/audit', {
        query: {
          entity: search.entity,
          action: search.action,
          actorId: search.actorId,
          operatorId: search.operatorId,
          from: dayBoundary(search.from, false),
          to: dayBoundary(search.to, true),
          page: search.page ?? 1,
          pageSize: auditPageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
