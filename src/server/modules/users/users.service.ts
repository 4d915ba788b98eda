import { randomUUID } from 'node:crypto';
import { and, asc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { delegableRoles, type Permission, type Role, rolePermissions } from '../../../shared/access.js';
import { normalizePhone } from '../../../shared/phone.js';
import { account, session, user } from '../../platform/auth/auth.schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, pgErrorOf } from '../../platform/errors.js';
import { inScope, requireAccess, type Scope, scopeCondition, signInFirst } from '../access/access.js';
import { roleAssignments } from '../access/access.schema.js';
import type { Actor, Grant } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { operators } from '../operators/operators.schema.js';
import { withinServiceArea } from '../operators/operators.service.js';
import type { RegionsService } from '../regions/regions.service.js';

export type NewUser = {
  name: string;
  email?: string | null;
  phone?: string | null;
  password: string;
  operatorId?: string | null;
};
export type UserPatch = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  password?: string;
};
export type AssignmentInput = { role: Role; operatorId: string | null; regionPrefix: string | null };

const publicUser = {
  id: user.id,
  name: user.name,
  email: user.email,
  phoneNumber: user.phoneNumber,
  active: user.active,
  locale: user.locale,
  operatorId: user.operatorId,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
};

/** The role grants of a user, loaded on every request so that a change of role takes effect at once. */
export async function loadGrants(db: DbOrTx, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      operatorId: roleAssignments.operatorId,
      regionPrefix: roleAssignments.regionPrefix,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

const contactRequired = { message: 'Isi email atau nomor HP', en: 'Give an email or a phone number' };

/** Which field a unique violation on the user table is about. */
function duplicateField(err: unknown): AppError | undefined {
  const pg = pgErrorOf(err);
  if (pg?.code !== '23505') return undefined;
  const field = pg.constraint?.includes('phone') ? 'phone' : 'email';
  return AppError.duplicate(
    field,
    field === 'phone'
      ? { id: 'Nomor HP sudah dipakai akun lain', en: 'Another account already uses this phone number' }
      : { id: 'Email sudah dipakai akun lain', en: 'Another account already uses this email' },
  );
}

export function makeUsersService(db: Db, regionsService: RegionsService) {
  /** Users an actor may see: those holding a role inside the actor's scope, or created for an operator the actor fully covers. */
  function visible(scope: Scope): SQL {
    if (scope.all) return sql`true`;
    const wholeOperators = scope.areas.filter((a) => a.regionPrefix === null).map((a) => a.operatorId);
    const viaRole = exists(
      db
        .select({ one: sql`1` })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, user.id),
            scopeCondition(scope, roleAssignments.operatorId, roleAssignments.regionPrefix),
          ),
        ),
    );
    return wholeOperators.length ? or(viaRole, inArray(user.operatorId, wholeOperators))! : viaRole;
  }

  async function loadVisible(actor: Actor | undefined, id: string, permission: Permission) {
    const scope = requireAccess(actor, permission);
    const [u] = await db
      .select(publicUser)
      .from(user)
      .where(and(eq(user.id, id), visible(scope)));
    if (!u) throw AppError.notFound({ id: 'Pengguna', en: 'User' });
    return { u, scope };
  }

  function contact(input: { email?: string | null; phone?: string | null }) {
    const email = input.email?.trim().toLowerCase() || null;
    let phone: string | null = null;
    if (input.phone) {
      phone = normalizePhone(input.phone) ?? null;
      if (!phone)
        throw AppError.validation([
          {
            path: 'phone',
            code: 'invalid_phone',
            message: 'Nomor HP tidak valid — contoh: 0812-3456-7890',
            en: 'Invalid phone number — e.g. 0812-3456-7890',
          },
        ]);
    }
    return { email, phone };
  }

  async function assignmentsOf(userIds: string[]) {
    if (userIds.length === 0) return [];
    const rows = await db
      .select({
        id: roleAssignments.id,
        userId: roleAssignments.userId,
        role: roleAssignments.role,
        operatorId: roleAssignments.operatorId,
        operatorName: operators.name,
        regionPrefix: roleAssignments.regionPrefix,
        createdAt: roleAssignments.createdAt,
      })
      .from(roleAssignments)
      .leftJoin(operators, eq(operators.id, roleAssignments.operatorId))
      .where(inArray(roleAssignments.userId, userIds))
      .orderBy(asc(roleAssignments.createdAt));
    const names = await regionsService.names(rows.map((r) => r.regionPrefix).filter((c): c is string => !!c));
    return rows.map((r) => ({
      ...r,
      regionName: r.regionPrefix ? (names.get(r.regionPrefix) ?? r.regionPrefix) : null,
    }));
  }

  return {
    async me(actor: Actor | undefined) {
      if (actor?.kind !== 'user') throw signInFirst();
      const [u] = await db.select(publicUser).from(user).where(eq(user.id, actor.userId));
      const grants = (await assignmentsOf([actor.userId])).map(
        ({ role, operatorId, operatorName, regionPrefix, regionName }) => ({
          role,
          operatorId,
          operatorName,
          regionPrefix,
          regionName,
        }),
      );
      const permissions = [...new Set(actor.grants.flatMap((g) => rolePermissions[g.role]))].sort();
      return { user: u, grants, permissions };
    },

    async list(
      actor: Actor | undefined,
      q: { q?: string; operatorId?: string; role?: string; page: number; pageSize: number },
    ) {
      const scope = requireAccess(actor, 'users.read');
      const term = q.q?.trim();
      const where = and(
        visible(scope),
        term
          ? or(
              ilike(user.name, `%${term}%`),
              ilike(user.email, `%${term}%`),
              ilike(user.phoneNumber, `%${term.replace(/^0/, '')}%`),
            )
          : undefined,
        q.operatorId || q.role
          ? exists(
              db
                .select({ one: sql`1` })
                .from(roleAssignments)
                .where(
                  and(
                    eq(roleAssignments.userId, user.id),
                    q.operatorId ? eq(roleAssignments.operatorId, q.operatorId) : undefined,
                    q.role ? eq(roleAssignments.role, q.role) : undefined,
                  ),
                ),
            )
          : undefined,
      );
      const [rows, [{ total }]] = await Promise.all([
        db
          .select(publicUser)
          .from(user)
          .where(where)
          .orderBy(asc(user.name), asc(user.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(user).where(where),
      ]);
      const assignments = await assignmentsOf(rows.map((r) => r.id));
      const items = rows.map((r) => ({
        ...r,
        roles: [...new Set(assignments.filter((a) => a.userId === r.id).map((a) => a.role))],
      }));
      return { items, total };
    },

    async get(actor: Actor | undefined, id: string) {
      const { u } = await loadVisible(actor, id, 'users.read');
      return { ...u, assignments: await assignmentsOf([id]) };
    },

    async create(actor: Actor | undefined, input: NewUser) {
      const scope = requireAccess(actor, 'users.manage');
      const { email, phone } = contact(input);
      if (!email && !phone) {
        throw AppError.validation([
          { path: 'email', code: 'contact_required', ...contactRequired },
          { path: 'phone', code: 'contact_required', ...contactRequired },
        ]);
      }
      const operatorId = input.operatorId ?? (scope.all ? null : scope.areas[0].operatorId);
      if (!scope.all && (!operatorId || !inScope(scope, { operatorId })))
        throw AppError.forbidden({
          id: 'Pengguna hanya dapat dibuat untuk operator Anda',
          en: 'Users can only be created for your operator',
        });
      if (operatorId) {
        const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, operatorId));
        if (!op)
          throw AppError.validation([
            {
              path: 'operatorId',
              code: 'unknown_operator',
              message: 'Operator tidak ditemukan',
              en: 'Operator not found',
            },
          ]);
      }
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          const id = randomUUID();
          const [u] = await tx
            .insert(user)
            .values({
              id,
              name: input.name.trim(),
              email,
              phoneNumber: phone,
              emailVerified: false,
              phoneNumberVerified: false,
              operatorId,
            })
            .returning(publicUser);
          await tx
            .insert(account)
            .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
          await recordAudit(tx, actor!, { action: 'create', entity: 'user', entityId: id, operatorId, after: u });
          return u;
        });
      } catch (err) {
        throw duplicateField(err) ?? err;
      }
    },

    async update(actor: Actor | undefined, id: string, patch: UserPatch) {
      const { u: before } = await loadVisible(actor, id, 'users.manage');
      const changes: Partial<typeof user.$inferInsert> = {};
      if (patch.name !== undefined) changes.name = patch.name.trim();
      if (patch.email !== undefined || patch.phone !== undefined) {
        const { email, phone } = contact({ email: patch.email, phone: patch.phone });
        if (patch.email !== undefined) changes.email = email;
        if (patch.phone !== undefined) changes.phoneNumber = phone;
        if (!(changes.email ?? before.email) && !(changes.phoneNumber ?? before.phoneNumber))
          throw AppError.validation([
            {
              path: 'email',
              code: 'contact_required',
              message: 'Akun harus punya email atau nomor HP',
              en: 'An account needs an email or a phone number',
            },
          ]);
      }
      if (patch.active !== undefined) changes.active = patch.active;
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      try {
        return await db.transaction(async (tx) => {
          const [after] = await tx
            .update(user)
            .set({ ...changes, updatedAt: new Date() })
            .where(eq(user.id, id))
            .returning(publicUser);
          if (passwordHash)
            await tx
              .update(account)
              .set({ password: passwordHash, updatedAt: new Date() })
              .where(and(eq(account.userId, id), eq(account.providerId, 'credential')));
          // A deactivated account or a new password ends every open session of that account.
          if (patch.active === false || passwordHash) await tx.delete(session).where(eq(session.userId, id));
          await recordAudit(tx, actor!, {
            action: 'update',
            entity: 'user',
            entityId: id,
            operatorId: before.operatorId,
            before: passwordHash ? { ...before, passwordChanged: false } : before,
            after: passwordHash ? { ...after, passwordChanged: true } : after,
          });
          return after;
        });
      } catch (err) {
        throw duplicateField(err) ?? err;
      }
    },

    async addAssignment(actor: Actor | undefined, userId: string, input: AssignmentInput) {
      const { u, scope } = await loadVisible(actor, userId, 'users.manage');
      if (input.role === 'admin') {
        if (!scope.all)
          throw AppError.forbidden({
            id: 'Hanya admin yang dapat memberi peran admin',
            en: 'Only an admin can grant the admin role',
          });
        if (input.operatorId || input.regionPrefix)
          throw AppError.validation([
            {
              path: 'operatorId',
              code: 'admin_is_global',
              message: 'Peran admin berlaku untuk seluruh instalasi',
              en: 'The admin role covers the whole installation',
            },
          ]);
      } else {
        if (!delegableRoles.includes(input.role)) throw AppError.forbidden();
        if (!input.operatorId)
          throw AppError.validation([
            { path: 'operatorId', code: 'required', message: 'Pilih operator', en: 'Choose an operator' },
          ]);
        const [op] = await db.select().from(operators).where(eq(operators.id, input.operatorId));
        if (!op || !inScope(scope, { operatorId: op.id, regionCode: input.regionPrefix }))
          throw AppError.notFound({ id: 'Operator', en: 'Operator' });
        if (input.regionPrefix) {
          const unknown = await regionsService.unknownCodes([input.regionPrefix]);
          if (unknown.length || !withinServiceArea(input.regionPrefix, op.serviceArea))
            throw AppError.validation([
              {
                path: 'regionPrefix',
                code: 'outside_service_area',
                message: 'Wilayah tugas harus di dalam wilayah layanan operator',
                en: "The assigned region must lie inside the operator's service area",
              },
            ]);
        }
      }
      return db.transaction(async (tx) => {
        const [a] = await tx
          .insert(roleAssignments)
          .values({
            userId: u.id,
            role: input.role,
            operatorId: input.operatorId,
            regionPrefix: input.regionPrefix,
            createdBy: actor!.kind === 'user' ? actor!.userId : null,
          })
          .returning();
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'role_assignment',
          entityId: a.id,
          operatorId: a.operatorId,
          after: a,
        });
        return a;
      });
    },

    async removeAssignment(actor: Actor | undefined, userId: string, assignmentId: string) {
      const { scope } = await loadVisible(actor, userId, 'users.manage');
      const [a] = await db
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
      if (
        !a ||
        (a.role === 'admin' ? !scope.all : !inScope(scope, { operatorId: a.operatorId, regionCode: a.regionPrefix }))
      )
        throw AppError.notFound({ id: 'Penugasan', en: 'Role assignment' });
      await db.transaction(async (tx) => {
        if (a.role === 'admin') {
          // Lock the admin rows so two concurrent removals cannot leave the installation without an admin.
          const admins = await tx
            .select({ id: roleAssignments.id })
            .from(roleAssignments)
            .where(eq(roleAssignments.role, 'admin'))
            .for('update');
          if (admins.length <= 1)
            throw new AppError('CONFLICT', {
              id: 'Admin terakhir tidak dapat dicabut',
              en: 'The last admin cannot be removed',
            });
        }
        await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
        await recordAudit(tx, actor!, {
          action: 'delete',
          entity: 'role_assignment',
          entityId: a.id,
          operatorId: a.operatorId,
          before: a,
        });
      });
    },
  };
}

export type UsersService = ReturnType<typeof makeUsersService>;
