import { and, eq, sql } from 'drizzle-orm';
import type { BusinessInput, businessStatuses } from '../../../shared/participants.js';
import { parentRegionCode } from '../../../shared/regions.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { requireAccess } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { regions } from '../regions/regions.schema.js';
import { alreadyMerged, latestToday, loadPersonFor, personTarget, todayWib } from './journey.service.js';
import { businesses, businessStatusEvents, people } from './participants.schema.js';

export type BusinessStatus = (typeof businessStatuses)[number];
export type BusinessPatch = Partial<BusinessInput>;
export type StatusInput = {
  status: BusinessStatus;
  effectiveOn: string;
  reason?: string | null;
  newAddress?: string | null;
};

type Business = typeof businesses.$inferSelect;

/**
 * Keeps the person's search text (name and business names, lower-cased) in step with their businesses, so the
 * participant search finds a person by a business name.
 */
export async function refreshSearchText(tx: DbOrTx, personId: string): Promise<void> {
  await tx
    .update(people)
    .set({
      searchText: sql`lower(${people.fullName} || coalesce(' ' || (select string_agg(b.name, ' ' order by b.created_at, b.id) from ${businesses} b where b.person_id = ${people.id}), ''))`,
    })
    .where(eq(people.id, personId));
}

export function makeBusinessesService(db: Db) {
  /** The district of a village, after checking it is a known village (a clear 400 instead of a foreign-key 422). */
  async function districtOf(villageCode: string | null | undefined): Promise<string | null> {
    if (!villageCode) return null;
    const [v] = await db
      .select()
      .from(regions)
      .where(and(eq(regions.code, villageCode), eq(regions.level, 4)));
    if (!v)
      throw AppError.validation([
        {
          path: 'villageCode',
          code: 'unknown_region',
          message: 'Pilih desa/kelurahan yang terdaftar',
          en: 'Choose a listed village',
        },
      ]);
    return parentRegionCode(villageCode);
  }

  /** A business is reached through its owner: scope is the owner's domicile kecamatan. */
  async function loadBusiness(actor: Actor | undefined, id: string) {
    requireAccess(actor, 'participants.write');
    const [row] = await db
      .select({ business: businesses, person: people })
      .from(businesses)
      .innerJoin(people, eq(people.id, businesses.personId))
      .where(eq(businesses.id, id));
    requireAccess(actor, 'participants.write', row ? personTarget(row.person) : undefined, {
      id: 'Usaha',
      en: 'Business',
    });
    if (!row) throw AppError.notFound({ id: 'Usaha', en: 'Business' });
    return row.business;
  }

  /**
   * `lastChange` is the latest recorded change: history is appended in date order, so the newest event is the
   * current status. The registration date is no bound: a business may have closed before it was registered.
   */
  function checkStatus(current: Business, lastChange: string | null, input: StatusInput) {
    const problems: ErrorDetail[] = [];
    if (input.effectiveOn > latestToday())
      problems.push({
        path: 'effectiveOn',
        code: 'future_date',
        message: 'Tanggal berlaku tidak boleh di masa depan',
        en: 'The effective date cannot be in the future',
      });
    else if (lastChange && input.effectiveOn < lastChange)
      problems.push({
        path: 'effectiveOn',
        code: 'before_current_status',
        message: `Tanggal berlaku tidak boleh sebelum perubahan status terakhir (${lastChange})`,
        en: `The effective date cannot be before the last status change (${lastChange})`,
      });
    if (input.status === 'moved' && !input.newAddress?.trim())
      problems.push({
        path: 'newAddress',
        code: 'required',
        message: 'Isi alamat baru usaha yang pindah',
        en: 'Give the new address of the business that moved',
      });
    if (input.status === 'closed' && !input.reason?.trim())
      problems.push({
        path: 'reason',
        code: 'required',
        message: 'Isi alasan usaha tutup',
        en: 'Give the reason the business closed',
      });
    if (problems.length) throw AppError.validation(problems);
    // Moving again is a real event; any other status repeated is not.
    if (input.status === current.status && input.status !== 'moved')
      throw new AppError(
        'INVALID_TRANSITION',
        { id: 'Status usaha sudah sama', en: 'The business already has this status' },
        { from: current.status, to: input.status },
      );
  }

  return {
    async create(actor: Actor | undefined, personId: string, input: BusinessInput): Promise<Business> {
      const person = await loadPersonFor(db, actor, personId, 'participants.write');
      if (person.status === 'merged') throw alreadyMerged();
      const districtCode = await districtOf(input.villageCode);
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(businesses)
          .values({ ...input, operatorId: person.operatorId, personId, districtCode, statusSince: todayWib() })
          .returning();
        await refreshSearchText(tx, personId);
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'business',
          entityId: created.id,
          operatorId: person.operatorId,
          after: created,
        });
        return created;
      });
    },

    async update(actor: Actor | undefined, id: string, patch: BusinessPatch): Promise<Business> {
      const before = await loadBusiness(actor, id);
      const districtCode = patch.villageCode !== undefined ? await districtOf(patch.villageCode) : undefined;
      return db.transaction(async (tx) => {
        const [updated] = await tx
          .update(businesses)
          .set({ ...patch, districtCode, updatedAt: new Date() })
          .where(eq(businesses.id, id))
          .returning();
        if (patch.name !== undefined && patch.name !== before.name) await refreshSearchText(tx, before.personId);
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'business',
          entityId: id,
          operatorId: before.operatorId,
          before,
          after: updated,
        });
        return updated;
      });
    },

    /**
     * A change of business status (active, moved, paused, closed), kept as history: survival figures and the
     * "it moved, it did not close" argument are answered from business_status_events.
     */
    async setStatus(actor: Actor | undefined, id: string, input: StatusInput): Promise<Business> {
      await loadBusiness(actor, id);
      return db.transaction(async (tx) => {
        // Locked, so two status changes cannot both pass the date check against the same current status.
        const [before] = await tx.select().from(businesses).where(eq(businesses.id, id)).for('update');
        const [{ lastChange }] = await tx
          .select({ lastChange: sql<string | null>`max(${businessStatusEvents.effectiveOn})` })
          .from(businessStatusEvents)
          .where(eq(businessStatusEvents.businessId, id));
        checkStatus(before, lastChange, input);
        await tx.insert(businessStatusEvents).values({
          operatorId: before.operatorId,
          businessId: id,
          status: input.status,
          effectiveOn: input.effectiveOn,
          reason: input.reason?.trim() || null,
          newAddress: input.status === 'moved' ? input.newAddress!.trim() : null,
          recordedBy: actorId(actor!),
        });
        const [updated] = await tx
          .update(businesses)
          .set({
            status: input.status,
            statusSince: input.effectiveOn,
            address: input.status === 'moved' ? input.newAddress!.trim() : undefined,
            updatedAt: new Date(),
          })
          .where(eq(businesses.id, id))
          .returning();
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'business',
          entityId: id,
          operatorId: before.operatorId,
          before,
          after: updated,
          reason: input.reason ?? null,
        });
        return updated;
      });
    },
  };
}

export type BusinessesService = ReturnType<typeof makeBusinessesService>;
