import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { regionWithin } from '../../../shared/access.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { requireAccess, scopeCondition, scopeOperatorIds } from '../access/access.js';
import { roleAssignments } from '../access/access.schema.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { regions } from '../regions/regions.schema.js';
import type { RegionsService } from '../regions/regions.service.js';
import { centers, operators } from './operators.schema.js';

export type OperatorInput = { name: string; serviceArea: string[] };
export type CenterInput = {
  districtCode: string;
  name: string;
  address?: string | null;
  villageCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string | null;
};

type Operator = typeof operators.$inferSelect;
type Center = typeof centers.$inferSelect;

/** Drops codes already covered by another code of the list (`32.76` covers `32.76.03`). */
export function normalizeServiceArea(codes: string[]): string[] {
  const unique = [...new Set(codes)].sort();
  return unique.filter((c) => !unique.some((o) => o !== c && regionWithin(c, o)));
}

export function withinServiceArea(code: string, serviceArea: string[]): boolean {
  return serviceArea.some((a) => regionWithin(code, a));
}

export function makeOperatorsService(db: Db, regionsService: RegionsService) {
  async function checkServiceArea(codes: string[]) {
    const unknown = await regionsService.unknownCodes(codes);
    if (unknown.length) {
      throw AppError.validation(
        unknown.map((c) => ({
          path: `serviceArea.${codes.indexOf(c)}`,
          code: 'unknown_region',
          message: `Kode wilayah ${c} tidak dikenal`,
          en: `Unknown region code ${c}`,
        })),
      );
    }
  }

  async function loadOperator(id: string): Promise<Operator> {
    const [op] = await db.select().from(operators).where(eq(operators.id, id));
    if (!op) throw AppError.notFound({ id: 'Operator', en: 'Operator' });
    return op;
  }

  async function present(list: Operator[]) {
    const names = await regionsService.names(list.flatMap((o) => o.serviceArea));
    const counts = list.length
      ? await db
          .select({ operatorId: centers.operatorId, n: sql<number>`count(*)::int` })
          .from(centers)
          .where(
            inArray(
              centers.operatorId,
              list.map((o) => o.id),
            ),
          )
          .groupBy(centers.operatorId)
      : [];
    const countOf = new Map(counts.map((c) => [c.operatorId, c.n]));
    return list.map((o) => ({
      ...o,
      serviceAreaNames: o.serviceArea.map((c) => names.get(c) ?? c),
      centerCount: countOf.get(o.id) ?? 0,
    }));
  }

  async function loadCenter(
    actor: Actor | undefined,
    id: string,
    permission: 'centers.read' | 'centers.manage',
  ): Promise<Center> {
    const [center] = await db.select().from(centers).where(eq(centers.id, id));
    // Not found and out of scope answer the same.
    requireAccess(
      actor,
      permission,
      center ? { operatorId: center.operatorId, regionCode: center.districtCode } : undefined,
      { id: 'Sentra', en: 'Center' },
    );
    if (!center) throw AppError.notFound({ id: 'Sentra', en: 'Center' });
    return center;
  }

  async function checkCenter(op: Operator, input: Partial<CenterInput>) {
    const problems: ErrorDetail[] = [];
    const codes = [input.districtCode, input.villageCode].filter((c): c is string => !!c);
    const rows = codes.length ? await db.select().from(regions).where(inArray(regions.code, codes)) : [];
    if (input.districtCode) {
      const d = rows.find((r) => r.code === input.districtCode);
      if (d?.level !== 3)
        problems.push({
          path: 'districtCode',
          code: 'unknown_region',
          message: 'Pilih kecamatan yang terdaftar',
          en: 'Choose a listed kecamatan',
        });
      else if (!withinServiceArea(d.code, op.serviceArea))
        problems.push({
          path: 'districtCode',
          code: 'outside_service_area',
          message: 'Kecamatan di luar wilayah layanan operator',
          en: "Kecamatan outside the operator's service area",
        });
    }
    if (input.villageCode) {
      const v = rows.find((r) => r.code === input.villageCode);
      if (v?.level !== 4 || (input.districtCode && v.parentCode !== input.districtCode))
        problems.push({
          path: 'villageCode',
          code: 'unknown_region',
          message: 'Kelurahan/desa harus berada di kecamatan sentra',
          en: "The village must lie in the center's kecamatan",
        });
    }
    if (problems.length) throw AppError.validation(problems);
  }

  return {
    async list(actor: Actor | undefined) {
      const scope = requireAccess(actor, 'operators.read');
      const ids = scopeOperatorIds(scope);
      const list = await db
        .select()
        .from(operators)
        .where(ids ? inArray(operators.id, ids) : undefined)
        .orderBy(asc(operators.name));
      return { items: await present(list), total: list.length };
    },

    /** What the public registration form may know about an operator: its name and area, nothing about its people. */
    async getPublic(id: string) {
      const [op] = await db.select().from(operators).where(eq(operators.id, id));
      if (!op?.active) throw AppError.notFound({ id: 'Operator', en: 'Operator' });
      const names = await regionsService.names(op.serviceArea);
      return {
        id: op.id,
        name: op.name,
        serviceArea: op.serviceArea,
        serviceAreaNames: op.serviceArea.map((c) => names.get(c) ?? c),
      };
    },

    async get(actor: Actor | undefined, id: string) {
      requireAccess(actor, 'operators.read', { operatorId: id, anyRegion: true }, { id: 'Operator', en: 'Operator' });
      const [op] = await present([await loadOperator(id)]);
      return op;
    },

    async create(actor: Actor | undefined, input: OperatorInput) {
      requireAccess(actor, 'operators.create');
      const serviceArea = normalizeServiceArea(input.serviceArea);
      await checkServiceArea(serviceArea);
      const created = await db.transaction(async (tx) => {
        const [op] = await tx.insert(operators).values({ name: input.name.trim(), serviceArea }).returning();
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'operator',
          entityId: op.id,
          operatorId: op.id,
          after: op,
        });
        return op;
      });
      const [presented] = await present([created]);
      return presented;
    },

    async update(actor: Actor | undefined, id: string, input: Partial<OperatorInput> & { active?: boolean }) {
      requireAccess(actor, 'operators.update', { operatorId: id }, { id: 'Operator', en: 'Operator' });
      const before = await loadOperator(id);
      const serviceArea = input.serviceArea ? normalizeServiceArea(input.serviceArea) : undefined;
      if (serviceArea) {
        await checkServiceArea(serviceArea);
        // Shrinking the area must not strand centers or staff scopes outside it.
        const stranded = await db
          .select({ code: centers.districtCode })
          .from(centers)
          .where(eq(centers.operatorId, id));
        const scopes = await db
          .select({ code: roleAssignments.regionPrefix })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.operatorId, id), sql`${roleAssignments.regionPrefix} is not null`));
        const outside = [...stranded, ...scopes].map((r) => r.code!).filter((c) => !withinServiceArea(c, serviceArea));
        if (outside.length)
          throw new AppError(
            'CONFLICT',
            {
              id: 'Masih ada sentra atau petugas di luar wilayah layanan yang baru',
              en: 'Some centers or staff are still outside the new service area',
            },
            { regions: [...new Set(outside)] },
          );
      }
      const updated = await db.transaction(async (tx) => {
        const [op] = await tx
          .update(operators)
          .set({ name: input.name?.trim(), serviceArea, active: input.active, updatedAt: new Date() })
          .where(eq(operators.id, id))
          .returning();
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'operator',
          entityId: id,
          operatorId: id,
          before,
          after: op,
        });
        return op;
      });
      const [presented] = await present([updated]);
      return presented;
    },

    async listCenters(actor: Actor | undefined, operatorId: string) {
      const scope = requireAccess(actor, 'centers.read');
      requireAccess(actor, 'operators.read', { operatorId, anyRegion: true }, { id: 'Operator', en: 'Operator' });
      const rows = await db
        .select({ center: centers, districtName: regions.name })
        .from(centers)
        .innerJoin(regions, eq(regions.code, centers.districtCode))
        .where(and(eq(centers.operatorId, operatorId), scopeCondition(scope, centers.operatorId, centers.districtCode)))
        .orderBy(asc(regions.name));
      const coordinators = rows.length
        ? await db
            .select({ userId: user.id, name: user.name, prefix: roleAssignments.regionPrefix })
            .from(roleAssignments)
            .innerJoin(user, eq(user.id, roleAssignments.userId))
            .where(
              and(
                eq(roleAssignments.operatorId, operatorId),
                eq(roleAssignments.role, 'coordinator'),
                or(...rows.map((r) => like(roleAssignments.regionPrefix, `${r.center.districtCode}%`))),
              ),
            )
        : [];
      const items = rows.map(({ center, districtName }) => ({
        ...center,
        districtName,
        coordinators: coordinators
          .filter((c) => c.prefix && regionWithin(c.prefix, center.districtCode))
          .map(({ userId, name }) => ({ userId, name })),
      }));
      return { items, total: items.length };
    },

    async createCenter(actor: Actor | undefined, operatorId: string, input: CenterInput) {
      requireAccess(actor, 'operators.read', { operatorId, anyRegion: true }, { id: 'Operator', en: 'Operator' });
      requireAccess(actor, 'centers.manage', { operatorId, regionCode: input.districtCode });
      const op = await loadOperator(operatorId);
      await checkCenter(op, input);
      return db.transaction(async (tx) => {
        const [c] = await tx
          .insert(centers)
          .values({ ...input, operatorId })
          .returning();
        await recordAudit(tx, actor!, { action: 'create', entity: 'center', entityId: c.id, operatorId, after: c });
        return c;
      });
    },

    async updateCenter(actor: Actor | undefined, id: string, input: Partial<CenterInput>) {
      const before = await loadCenter(actor, id, 'centers.manage');
      if (input.districtCode)
        requireAccess(actor, 'centers.manage', { operatorId: before.operatorId, regionCode: input.districtCode });
      const op = await loadOperator(before.operatorId);
      await checkCenter(op, {
        ...input,
        districtCode: input.districtCode ?? (input.villageCode ? before.districtCode : undefined),
      });
      return db.transaction(async (tx) => {
        const [c] = await tx
          .update(centers)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(centers.id, id))
          .returning();
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'center',
          entityId: id,
          operatorId: c.operatorId,
          before,
          after: c,
        });
        return c;
      });
    },

    async deleteCenter(actor: Actor | undefined, id: string) {
      const before = await loadCenter(actor, id, 'centers.manage');
      await db.transaction(async (tx) => {
        await tx.delete(centers).where(eq(centers.id, id));
        await recordAudit(tx, actor!, {
          action: 'delete',
          entity: 'center',
          entityId: id,
          operatorId: before.operatorId,
          before,
        });
      });
    },

    loadOperator,
  };
}

export type OperatorsService = ReturnType<typeof makeOperatorsService>;
