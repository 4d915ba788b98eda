import type { Role } from '../../../shared/access.js';

/** One role held at one operator inside one region prefix (null prefix: the operator's whole area). */
export type Grant = { role: Role; operatorId: string | null; regionPrefix: string | null };

/** Who is acting: a signed-in user with their grants, or Sentra itself (start-up, CLI, jobs). */
export type Actor =
  | { kind: 'user'; userId: string; name: string; grants: Grant[]; requestId?: string; ip?: string }
  | { kind: 'system'; label: string; requestId?: string };

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.name : `system:${actor.label}`;
}
