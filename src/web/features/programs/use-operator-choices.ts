import { type Permission, roleHas } from '../../../shared/access.js';
import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';

export type OperatorChoice = { value: string; label: string };

/**
 * The operators this person may act for with `permission`: every operator for an admin, else the operators of the
 * grants whose role carries it. One choice means the form picks it without asking.
 */
export function useOperatorChoices(permission: Permission): { choices: OperatorChoice[]; isLoading: boolean } {
  const session = useSession();
  const operators = useOperators(session.isAdmin);
  if (session.isAdmin) {
    return {
      choices: (operators.data?.items ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
      isLoading: operators.isLoading,
    };
  }
  const seen = new Map<string, string>();
  for (const g of session.grants) {
    if (g.operatorId && roleHas(g.role, permission)) seen.set(g.operatorId, g.operatorName ?? g.operatorId);
  }
  return { choices: [...seen].map(([value, label]) => ({ value, label })), isLoading: false };
}
