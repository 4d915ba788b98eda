import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';

/**
 * The region prefixes a person works in: their grants' prefixes, or the service area of their operator
 * when a grant covers it whole. Undefined means no limit (admins, or scope not known).
 */
export function useRegionScope(): string[] | undefined {
  const session = useSession();
  const operators = useOperators(!session.isAdmin && session.can('operators.read'));
  if (session.isAdmin || session.grants.length === 0) return undefined;
  const prefixes: string[] = [];
  for (const g of session.grants) {
    if (g.regionPrefix) {
      prefixes.push(g.regionPrefix);
      continue;
    }
    const op = operators.data?.items.find((o) => o.id === g.operatorId);
    if (!op) return undefined;
    prefixes.push(...op.serviceArea);
  }
  return prefixes.length ? [...new Set(prefixes)] : undefined;
}
