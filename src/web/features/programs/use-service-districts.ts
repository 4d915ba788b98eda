import { useQueries } from '@tanstack/react-query';
import { regionLevelOf } from '../../../shared/regions.js';
import { api, type ListResponse } from '../../app/api.js';
import type { Region, RegionDetail } from '../regions/regions-api.js';

export type District = { code: string; name: string };

// A province holds fewer than 100 kab/kota and a kab/kota fewer than 100 kecamatan: one page each.
const childrenOf = (parent: string) => ({
  queryKey: ['regions', 'children-page', parent],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<ListResponse<Region>>('/api/regions', { query: { parent, pageSize: 100 }, signal }).then((r) => r.items),
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * The kecamatan (level 3) of an operator's service area, by name: targets are set per kecamatan. A province in the
 * area is opened to its kab/kota first, a kecamatan in it is itself.
 */
export function useServiceDistricts(serviceArea: string[] | undefined): { districts: District[]; isLoading: boolean } {
  const area = serviceArea ?? [];
  const provinces = area.filter((c) => regionLevelOf(c) === 1);
  const regencies = area.filter((c) => regionLevelOf(c) === 2);
  const single = area.filter((c) => regionLevelOf(c) === 3);

  const fromProvinces = useQueries({ queries: provinces.map(childrenOf) });
  const allRegencies = [...regencies, ...fromProvinces.flatMap((q) => (q.data ?? []).map((r) => r.code))];
  const fromRegencies = useQueries({ queries: allRegencies.map(childrenOf) });
  const details = useQueries({
    queries: single.map((code) => ({
      queryKey: ['regions', 'detail', code],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });

  const seen = new Map<string, string>();
  for (const q of fromRegencies) for (const r of q.data ?? []) if (r.level === 3) seen.set(r.code, r.name);
  for (const q of details) if (q.data) seen.set(q.data.code, q.data.name);
  const districts = [...seen]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const isLoading = [...fromProvinces, ...fromRegencies, ...details].some((q) => q.isLoading);
  return { districts, isLoading };
}
