import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, pgErrorOf } from '../../platform/errors.js';
import { inScope, requireAccess, scopeOperatorIds, signInFirst } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { savedFilters } from './participants.schema.js';

export type SavedFilterInput = { name: string; query: Record<string, unknown>; operatorId?: string };

type SavedFilter = { id: string; operatorId: string; name: string; query: Record<string, unknown>; createdAt: Date };

const view = {
  id: savedFilters.id,
  operatorId: savedFilters.operatorId,
  name: savedFilters.name,
  query: savedFilters.query,
  createdAt: savedFilters.createdAt,
};

/** Only a signed-in person owns saved filters; jobs and the CLI have no list screen to fill. */
function userOf(actor: Actor | undefined) {
  if (actor?.kind !== 'user') throw signInFirst();
  return actor;
}

/**
 * Participant-list filters a user saved under a name. Each belongs to one operator the user reads participants of;
 * a filter of an operator the user has since lost access to is no longer listed.
 */
export function makeSavedFilters(db: Db) {
  return {
    async list(actor: Actor | undefined) {
      const scope = requireAccess(actor, 'participants.read');
      const me = userOf(actor);
      const ops = scopeOperatorIds(scope);
      const items = await db
        .select(view)
        .from(savedFilters)
        .where(and(eq(savedFilters.userId, me.userId), ops ? inArray(savedFilters.operatorId, ops) : undefined))
        .orderBy(asc(savedFilters.name));
      return { items: items as SavedFilter[], total: items.length };
    },

    async create(actor: Actor | undefined, input: SavedFilterInput) {
      const scope = requireAccess(actor, 'participants.read');
      const me = userOf(actor);
      const queried = typeof input.query.operatorId === 'string' ? input.query.operatorId : undefined;
      const operatorId = input.operatorId ?? queried ?? scopeOperatorIds(scope)?.[0];
      if (!operatorId)
        throw AppError.validation([
          { path: 'operatorId', code: 'required', message: 'Pilih operator', en: 'Choose an operator' },
        ]);
      if (!inScope(scope, { operatorId, anyRegion: true })) throw AppError.notFound({ id: 'Operator', en: 'Operator' });
      try {
        const [row] = await db
          .insert(savedFilters)
          .values({ operatorId, userId: me.userId, name: input.name, query: input.query })
          .returning(view);
        return row as SavedFilter;
      } catch (err) {
        if (pgErrorOf(err)?.code !== '23505') throw err;
        throw AppError.duplicate('name', {
          id: 'Nama filter ini sudah Anda pakai',
          en: 'You already use this filter name',
        });
      }
    },

    async remove(actor: Actor | undefined, id: string) {
      requireAccess(actor, 'participants.read');
      const me = userOf(actor);
      const deleted = await db
        .delete(savedFilters)
        .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, me.userId)))
        .returning({ id: savedFilters.id });
      if (deleted.length === 0) throw AppError.notFound({ id: 'Filter', en: 'Filter' });
    },
  };
}
