import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { regionWithin } from '../../../shared/access.js';
import { api, type ListResponse } from '../../app/api.js';

export type Region = { code: string; level: number; parentCode: string | null; name: string };
export type RegionDetail = Region & { ancestors: { code: string; level: number; name: string }[] };

const maxPageSize = 100;

/** Children of a region (provinces when `parent` is null); a kecamatan can hold more villages than one page. */
async function fetchChildren(parent: string | null, signal: AbortSignal): Promise<Region[]> {
  const items: Region[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api<ListResponse<Region>>('/api/regions', {
      query: { parent: parent ?? undefined, page, pageSize: maxPageSize },
      signal,
    });
    items.push(...res.items);
    if (res.items.length < maxPageSize || items.length >= res.total) break;
  }
  return items;
}

export function useRegionChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ['regions', 'children', parent],
    queryFn: ({ signal }) => fetchChildren(parent, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRegionSearch(q: string, within: string[] | undefined) {
  const term = q.trim();
  return useQuery({
    queryKey: ['regions', 'search', term, within ?? null],
    queryFn: ({ signal }) =>
      api<ListResponse<Region>>('/api/regions', {
        query: { q: term, within: within?.length === 1 ? within[0] : undefined, pageSize: 30 },
        signal,
      }),
    enabled: term.length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useRegion(code: string | null) {
  return useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: ({ signal }) => api<RegionDetail>(`/api/regions/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!code,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `32.76.01` → `['32', '32.76', '32.76.01']`. */
export function regionPath(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Shown in the picker: inside an allowed prefix, or an ancestor on the way to one. */
export function regionVisible(code: string, within: string[] | undefined): boolean {
  if (!within?.length) return true;
  return within.some((p) => regionWithin(code, p) || regionWithin(p, code));
}

/** Choosable as a value: inside an allowed prefix. */
export function regionSelectable(code: string, within: string[] | undefined): boolean {
  if (!within?.length) return true;
  return within.some((p) => regionWithin(code, p));
}
