import { roleHas } from '../../../shared/access.js';
import { useSession } from '../../app/session.js';
import { useOperator } from '../operators/operators-api.js';

/**
 * The region prefixes in which this person may register people for `operatorId`: the operator's whole service
 * area for an admin or a grant without a region, else the regions of their grants (a coordinator: one kecamatan).
 * Undefined while the service area loads: the server checks the domicile in any case.
 */
export function useWriteScope(operatorId: string): string[] | undefined {
  const session = useSession();
  const operator = useOperator(operatorId);
  const grants = session.grants.filter((g) => g.operatorId === operatorId && roleHas(g.role, 'participants.write'));
  const wholeArea = session.isAdmin || grants.some((g) => g.regionPrefix === null);
  if (wholeArea) return operator.data?.serviceArea;
  const prefixes = [...new Set(grants.map((g) => g.regionPrefix).filter((p): p is string => !!p))];
  return prefixes.length ? prefixes : undefined;
}
