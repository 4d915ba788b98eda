import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Permission, regionWithin, roleHas } from '../../../shared/access.js';
import { AppError, type Text } from '../../platform/errors.js';
import type { Actor, Grant } from './actor.js';

/**
 * Where an actor may use a permission: everywhere (admin, system) or inside a list of
 * (operator, region prefix) pairs. Services turn it into a WHERE clause with `scopeCondition`.
 */
export type Scope = { all: true } | { all: false; areas: Array<{ operatorId: string; regionPrefix: string | null }> };

function grantsWith(actor: Actor, permission: Permission): Grant[] {
  if (actor.kind === 'system') return [];
  return actor.grants.filter((g) => roleHas(g.role, permission));
}

/** 401: the request has no session. */
export const signInFirst = () =>
  new AppError('UNAUTHENTICATED', { id: 'Silakan masuk terlebih dahulu', en: 'Please sign in first' });

/** The scope of a permission; 401/403 when the actor holds it nowhere. */
export function scopeOf(actor: Actor | undefined, permission: Permission): Scope {
  if (!actor) throw signInFirst();
  if (actor.kind === 'system') return { all: true };
  const grants = grantsWith(actor, permission);
  if (grants.length === 0) throw AppError.forbidden();
  if (grants.some((g) => g.role === 'admin')) return { all: true };
  return { all: false, areas: grants.map((g) => ({ operatorId: g.operatorId!, regionPrefix: g.regionPrefix })) };
}

/**
 * The one access check of Sentra. Without a target it asks "may this actor do this at all?" (403 when not).
 * With a target it also asks "is this record inside the actor's scope?" and answers 404 when not, exactly as
 * for a record that does not exist, so that scope never leaks existence.
 */
export function requireAccess(actor: Actor | undefined, permission: Permission, target?: Target, what?: Text): Scope {
  const scope = scopeOf(actor, permission);
  if (target && !inScope(scope, target)) throw AppError.notFound(what);
  return scope;
}

/**
 * A record the access check is about. `regionCode` places it inside the operator's area; without one, only a grant
 * over the operator's whole area reaches it, unless `anyRegion` says any grant at the operator will do (reading
 * the operator itself).
 */
export type Target = { operatorId: string | null; regionCode?: string | null; anyRegion?: boolean };

export function inScope(scope: Scope, target: Target): boolean {
  if (scope.all) return true;
  return scope.areas.some(
    (a) =>
      a.operatorId === target.operatorId &&
      (a.regionPrefix === null ||
        target.anyRegion === true ||
        (target.regionCode != null && regionWithin(target.regionCode, a.regionPrefix))),
  );
}

/** Operators the scope touches (undefined: all of them). */
export function scopeOperatorIds(scope: Scope): string[] | undefined {
  return scope.all ? undefined : [...new Set(scope.areas.map((a) => a.operatorId))];
}

/**
 * The scope as a SQL condition on an operator column and, optionally, a region-code column, so that rows
 * outside it are never loaded (and never counted). Region codes have fixed-width parts, so a prefix LIKE is exact.
 */
export function scopeCondition(scope: Scope, operatorColumn: AnyPgColumn | SQL, regionColumn?: AnyPgColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.areas.length === 0) return sql`false`;
  const parts = scope.areas.map((a) => {
    const op = sql`${operatorColumn} = ${a.operatorId}`;
    if (a.regionPrefix === null) return op;
    if (!regionColumn) return sql`false`;
    return sql`(${op} and (${regionColumn} = ${a.regionPrefix} or ${regionColumn} like ${`${a.regionPrefix}.%`}))`;
  });
  return or(...parts)!;
}
