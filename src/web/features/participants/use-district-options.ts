import { useQueries } from '@tanstack/react-query';
import { regionLevelOf } from '../../../shared/regions.js';
import { api, type ListResponse } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';
import type { Region, RegionDetail } from '../regions/regions-api.js';
import { useRegionScope } from '../regions/use-region-scope.js';

export type Option = { value: string; label: string };

/** A region prefix → the kecamatan it holds (a kab/kota) or lies in (a kecamatan or village). */
function districtQuery(prefix: string) {
  const level = regionLevelOf(prefix);
  if (level === 2)
    return {
      queryKey: ['regions', 'districts-of', prefix],
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Region[] | RegionDetail> =>
        (await api<ListResponse<Region>>('/api/regions', { query: { parent: prefix, pageSize: 100 }, signal })).items,
      staleTime: Number.POSITIVE_INFINITY,
    };
  // Same key and shape as useRegion, so the cache is shared.
  const district = prefix.split('.').slice(0, 3).join('.');
  return {
    queryKey: ['regions', 'detail', district],
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<Region[] | RegionDetail> =>
      api<RegionDetail>(`/api/regions/${encodeURIComponent(district)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    // Provinces are too wide to list as kecamatan.
    enabled: level !== undefined && level >= 3,
  };
}

/**
 * The kecamatan a person may filter by: those of their region scope (a coordinator's one kecamatan, a program
 * admin's whole service area). Admins span every operator: their operators' service areas.
 */
export function useDistrictOptions(): { options: Option[]; loading: boolean } {
  const session = useSession();
  const scope = useRegionScope();
  const operators = useOperators(session.isAdmin && session.can('operators.read'));
  const prefixes = scope ?? [...new Set((operators.data?.items ?? []).flatMap((o) => o.serviceArea))];
  const results = useQueries({
    queries: prefixes.map(districtQuery),
  });
  const seen = new Map<string, string>();
  for (const r of results) {
    const list = Array.isArray(r.data) ? r.data : r.data ? [r.data] : [];
    for (const region of list) if (region.level === 3) seen.set(region.code, region.name);
  }
  const options = [...seen]
    .map(([value, name]) => ({ value, label: name.replace(/^Kec\. /, '') }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  return { options, loading: results.some((r) => r.isLoading) };
}
