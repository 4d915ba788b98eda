import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { requireAccess, scopeOperatorIds } from '../access/access.js';
import { type Actor, actorId, actorName } from '../access/actor.js';
import { auditLog } from './audit.schema.js';

// Never written to the trail, even as "changed": secrets have no place in a log people browse.
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'token',
  'secret',
  'accessToken',
  'refreshToken',
  'idToken',
]);

export type AuditEntry = {
  action: 'create' | 'update' | 'delete' | 'view_nik' | 'export' | 'import' | 'merge' | (string & {});
  entity: string;
  entityId?: string | null;
  operatorId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
};

type Changes = Record<string, { before?: unknown; after?: unknown }>;

const comparable = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

/** The fields that differ between two versions of a record, each with its value before and after. */
export function diffRecords(before?: Record<string, unknown> | null, after?: Record<string, unknown> | null): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (SECRET_FIELDS.has(key)) continue;
    const b = before?.[key];
    const a = after?.[key];
    if (before && after && comparable(b) === comparable(a)) continue;
    changes[key] = {};
    if (before) changes[key].before = b instanceof Date ? b.toISOString() : (b ?? null);
    if (after) changes[key].after = a instanceof Date ? a.toISOString() : (a ?? null);
  }
  return changes;
}

/** Appends one entry to the audit trail, inside the caller's transaction so it lands with the change or not at all. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  const changes = entry.before || entry.after ? diffRecords(entry.before, entry.after) : null;
  if (entry.action === 'update' && changes && Object.keys(changes).length === 0) return;
  await tx.insert(auditLog).values({
    actorId: actorId(actor),
    actorName: actorName(actor),
    operatorId: entry.operatorId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changes,
    requestId: actor.requestId ?? null,
    ip: actor.kind === 'user' ? (actor.ip ?? null) : null,
    reason: entry.reason ?? null,
  });
}

export type AuditQuery = {
  operatorId?: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export function makeAuditService(db: Db) {
  return {
    /** Admins see everything; program admins see their operators' entries. */
    async list(actor: Actor | undefined, q: AuditQuery) {
      const scope = requireAccess(actor, 'audit.read');
      const ops = scopeOperatorIds(scope);
      const where = and(
        ops ? inArray(auditLog.operatorId, ops) : undefined,
        q.operatorId ? eq(auditLog.operatorId, q.operatorId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.entity ? eq(auditLog.entity, q.entity) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lte(auditLog.at, q.to) : undefined,
      );
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      return { items, total };
    },
  };
}
