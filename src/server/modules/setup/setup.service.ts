import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { account, user } from '../../platform/auth/auth.schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { roleAssignments } from '../access/access.schema.js';
import { type Actor, systemActor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { settings } from '../system/system.schema.js';

const SETUP_TOKEN = 'setup_token';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type FirstAdmin = { name: string; email: string; password: string };

/** The first administrator: from the environment on first start, or through a one-time setup link. */
export function makeSetupService(db: Db) {
  async function hasAdmin(): Promise<boolean> {
    const rows = await db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(eq(roleAssignments.role, 'admin'))
      .limit(1);
    return rows.length > 0;
  }

  async function createAdmin(actor: Actor, input: FirstAdmin) {
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      // Serialises concurrent setup attempts: only the first creates an administrator.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7261002)`);
      const existing = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(eq(roleAssignments.role, 'admin'))
        .limit(1);
      if (existing.length)
        throw new AppError('CONFLICT', {
          id: 'Sentra sudah memiliki administrator',
          en: 'Sentra already has an administrator',
        });
      const id = randomUUID();
      const email = input.email.trim().toLowerCase();
      const [u] = await tx.insert(user).values({ id, name: input.name.trim(), email, emailVerified: true }).returning();
      await tx
        .insert(account)
        .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
      await tx.insert(roleAssignments).values({ userId: id, role: 'admin' });
      await tx.delete(settings).where(eq(settings.key, SETUP_TOKEN));
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'user',
        entityId: id,
        after: { id, name: u.name, email, role: 'admin' },
        reason: 'first administrator',
      });
      return { userId: id };
    });
  }

  return {
    hasAdmin,

    async status() {
      return { needsSetup: !(await hasAdmin()) };
    },

    /**
     * Called at start: creates the administrator from SENTRA_ADMIN_* when there is none, or else issues a fresh
     * one-time setup token (only its hash is stored). Returns the token to print, if any.
     */
    async prepare(admin?: FirstAdmin): Promise<{ created?: string; setupToken?: string }> {
      if (await hasAdmin()) return {};
      if (admin) {
        try {
          const { userId } = await createAdmin(systemActor('setup'), admin);
          return { created: userId };
        } catch (err) {
          // Another Sentra process won the race; that is fine.
          if (err instanceof AppError && err.code === 'CONFLICT') return {};
          throw err;
        }
      }
      const token = randomBytes(24).toString('base64url');
      await db
        .insert(settings)
        .values({ key: SETUP_TOKEN, value: { hash: sha256(token) } })
        .onConflictDoUpdate({ target: settings.key, set: { value: { hash: sha256(token) }, updatedAt: new Date() } });
      return { setupToken: token };
    },

    async complete(token: string, input: FirstAdmin, requestId?: string) {
      const [row] = await db.select().from(settings).where(eq(settings.key, SETUP_TOKEN));
      const stored = (row?.value as { hash?: string } | undefined)?.hash;
      const given = sha256(token);
      if (!stored || !timingSafeEqual(Buffer.from(stored), Buffer.from(given))) {
        throw new AppError(
          'FORBIDDEN',
          (await hasAdmin())
            ? { id: 'Sentra sudah disiapkan', en: 'Sentra is already set up' }
            : {
                id: 'Tautan penyiapan tidak valid atau sudah dipakai',
                en: 'The setup link is invalid or already used',
              },
        );
      }
      return createAdmin({ ...systemActor('setup'), requestId }, input);
    },
  };
}

export type SetupService = ReturnType<typeof makeSetupService>;
