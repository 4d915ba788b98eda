import { eq } from 'drizzle-orm';
import { type Permission, roleHas } from '../../../shared/access.js';
import type { RegistrationInput } from '../../../shared/participants.js';
import { normalizePhone } from '../../../shared/phone.js';
import { parentRegionCode } from '../../../shared/regions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { inScope, requireAccess, type Scope, scopeOf } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { operators } from '../operators/operators.schema.js';
import { withinServiceArea } from '../operators/operators.service.js';
import { regions } from '../regions/regions.schema.js';
import { refreshSearchText } from './businesses.service.js';
import { findDuplicates, markDistinct, mergeInto } from './duplicates.service.js';
import { alreadyMerged, loadPersonFor } from './journey.service.js';
import { listParticipants, type ParticipantQuery, participantDetail } from './participant-query.js';
import { people } from './participants.schema.js';
import { timelineOf } from './participants.timeline.js';
import { auditView, type Person } from './presenters.js';
import {
  birthDateMismatch,
  checkRegistration,
  invalidPhone,
  type RegistrationRequest,
  sexMismatch,
  unknownVillage,
  villageOutsideArea,
  writeRegistration,
} from './registration.service.js';
import { makeSavedFilters } from './saved-filters.js';

export type PublicRegistrationRequest = RegistrationRequest & { consent: true };
export type ParticipantPatch = Partial<
  Pick<
    RegistrationInput,
    'fullName' | 'sex' | 'birthDate' | 'phone' | 'email' | 'ktpAddress' | 'domicileAddress' | 'domicileVillageCode'
  >
>;

// The village is the caller's own input, so naming the problem leaks nothing: a clear 403, not the 404 of a record.
const outsideArea = () =>
  AppError.forbidden({
    id: 'Desa/kelurahan domisili di luar wilayah tugas Anda',
    en: 'The home village is outside your assigned area',
  });

/** The scope of a permission the actor may not hold at all (null then): decides what is shown, not what is allowed. */
function scopeIfHeld(actor: Actor | undefined, permission: Permission): Scope | null {
  if (!actor) return null;
  if (actor.kind === 'user' && !actor.grants.some((g) => roleHas(g.role, permission))) return null;
  return scopeOf(actor, permission);
}

export function makeParticipantsService(db: Db) {
  async function byId(id: string): Promise<Person> {
    const [p] = await db.select().from(people).where(eq(people.id, id));
    if (!p) throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
    return p;
  }

  const detailFor = (actor: Actor | undefined, p: Person) =>
    participantDetail(db, p, scopeIfHeld(actor, 'participants.write'));

  /** Two records to merge or tell apart: both in scope (else 404), different, of one operator, neither merged. */
  async function pair(actor: Actor | undefined, id: string, otherId: string, permission: Permission) {
    requireAccess(actor, permission);
    if (id === otherId)
      throw AppError.validation([
        {
          path: 'otherId',
          code: 'same_record',
          message: 'Pilih data peserta yang lain',
          en: 'Choose a different participant record',
        },
      ]);
    const a = await loadPersonFor(db, actor, id, permission);
    const b = await loadPersonFor(db, actor, otherId, permission);
    if (a.operatorId !== b.operatorId)
      throw AppError.validation([
        {
          path: 'otherId',
          code: 'other_operator',
          message: 'Data peserta berasal dari operator lain',
          en: 'The participant record belongs to another operator',
        },
      ]);
    if (a.status === 'merged' || b.status === 'merged') throw alreadyMerged();
    return [a, b] as const;
  }

  return {
    /** Staff registration (kecamatan office, roadshow): 201 with the record and the records it may duplicate. */
    async register(actor: Actor | undefined, input: RegistrationRequest) {
      const scope = requireAccess(actor, 'participants.write');
      if (!inScope(scope, { operatorId: input.operatorId, anyRegion: true }))
        throw AppError.notFound({ id: 'Operator', en: 'Operator' });
      if (!inScope(scope, { operatorId: input.operatorId, regionCode: input.domicileVillageCode })) throw outsideArea();
      const checked = await checkRegistration(db, input);
      const id = await writeRegistration(db, actor!, input, checked, { source: 'staff', scope });
      const person = await byId(id);
      const [detail, duplicates] = await Promise.all([
        participantDetail(db, person, scope),
        findDuplicates(db, scopeIfHeld(actor, 'participants.read') ?? scope, scope, person),
      ]);
      return {
        ...detail,
        possibleDuplicates: duplicates.map(({ id, fullName, reasons }) => ({ id, fullName, reasons })),
      };
    },

    /** Self-registration without an account: consent recorded (UU PDP), nothing about other records revealed. */
    async registerPublic(input: PublicRegistrationRequest, meta: { requestId?: string } = {}) {
      if (input.consent !== true)
        throw AppError.validation([
          {
            path: 'consent',
            code: 'required',
            message: 'persetujuan pemrosesan data wajib dicentang',
            en: 'consent to data processing is required',
          },
        ]);
      const actor: Actor = { kind: 'system', label: 'public-registration', requestId: meta.requestId };
      const checked = await checkRegistration(db, input, { requireActiveOperator: true });
      const id = await writeRegistration(db, actor, input, checked, {
        source: 'public',
        scope: null,
        consentAt: new Date(),
      });
      return { id, sex: checked.sex, birthDate: checked.birthDate, status: 'applicant' as const };
    },

    list(actor: Actor | undefined, q: ParticipantQuery) {
      const scope = requireAccess(actor, 'participants.read');
      return listParticipants(db, scope, scopeIfHeld(actor, 'participants.write'), q);
    },

    async get(actor: Actor | undefined, id: string) {
      return detailFor(actor, await loadPersonFor(db, actor, id, 'participants.read'));
    },

    async update(actor: Actor | undefined, id: string, patch: ParticipantPatch) {
      const scope = requireAccess(actor, 'participants.write');
      const before = await loadPersonFor(db, actor, id, 'participants.write');
      if (before.status === 'merged') throw alreadyMerged();
      const problems: ErrorDetail[] = [];
      // Sex and birth date are read from the NIK; a form may send them back, but not change them.
      if (patch.sex && patch.sex !== before.sex) problems.push(sexMismatch);
      if (patch.birthDate && patch.birthDate !== before.birthDate) problems.push(birthDateMismatch);
      const phone = patch.phone ? normalizePhone(patch.phone) : undefined;
      if (patch.phone && !phone) problems.push(invalidPhone);
      const village = patch.domicileVillageCode;
      if (village && village !== before.domicileVillageCode) {
        if (!inScope(scope, { operatorId: before.operatorId, regionCode: village })) throw outsideArea();
        const [[found], [op]] = await Promise.all([
          db.select().from(regions).where(eq(regions.code, village)),
          db.select().from(operators).where(eq(operators.id, before.operatorId)),
        ]);
        if (found?.level !== 4)
          problems.push({
            path: 'domicileVillageCode',
            code: 'unknown_region',
            ...unknownVillage,
          });
        else if (!withinServiceArea(village, op.serviceArea))
          problems.push({
            path: 'domicileVillageCode',
            code: 'outside_service_area',
            ...villageOutsideArea,
          });
      }
      if (problems.length) throw AppError.validation(problems);
      const after = await db.transaction(async (tx) => {
        await tx
          .update(people)
          .set({
            fullName: patch.fullName,
            phone,
            email: patch.email === undefined ? undefined : (patch.email?.toLowerCase() ?? null),
            ktpAddress: patch.ktpAddress,
            domicileAddress: patch.domicileAddress,
            domicileVillageCode: village,
            domicileDistrictCode: village ? parentRegionCode(village)! : undefined,
            updatedAt: new Date(),
          })
          .where(eq(people.id, id));
        if (patch.fullName !== undefined) await refreshSearchText(tx, id);
        const [row] = await tx.select().from(people).where(eq(people.id, id));
        const { updatedAt: _b, ...was } = auditView(before);
        const { updatedAt: _a, ...now } = auditView(row);
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'participant',
          entityId: id,
          operatorId: row.operatorId,
          before: was,
          after: now,
        });
        return row;
      });
      return detailFor(actor, after);
    },

    /** The full NIK, for the moment staff need it (a bank form); every look is in the trail (UU PDP). */
    async revealNik(actor: Actor | undefined, id: string) {
      const p = await loadPersonFor(db, actor, id, 'participants.reveal_nik');
      await recordAudit(db, actor!, {
        action: 'view_nik',
        entity: 'participant',
        entityId: id,
        operatorId: p.operatorId,
      });
      return { nik: p.nik };
    },

    async timeline(actor: Actor | undefined, id: string) {
      const p = await loadPersonFor(db, actor, id, 'participants.read');
      return { items: await timelineOf(db, p.id) };
    },

    async duplicates(actor: Actor | undefined, id: string) {
      const scope = requireAccess(actor, 'participants.read');
      const p = await loadPersonFor(db, actor, id, 'participants.read');
      return { items: await findDuplicates(db, scope, scopeIfHeld(actor, 'participants.write'), p) };
    },

    /** Keeps `id`, folds `otherId` into it (program admins: a wrong merge is costly to undo). */
    async merge(actor: Actor | undefined, id: string, input: { otherId: string; reason?: string | null }) {
      const [kept, other] = await pair(actor, id, input.otherId, 'participants.merge');
      await mergeInto(db, actor!, kept, other, input.reason ?? null);
      return detailFor(actor, await byId(id));
    },

    /** Anyone who registers people may say two flagged records are two people; it hides a flag, it moves no data. */
    async markDistinct(actor: Actor | undefined, id: string, otherId: string) {
      const [a, b] = await pair(actor, id, otherId, 'participants.write');
      await markDistinct(db, actor!, a, b);
    },

    savedFilters: makeSavedFilters(db),
  };
}

export type ParticipantsService = ReturnType<typeof makeParticipantsService>;
