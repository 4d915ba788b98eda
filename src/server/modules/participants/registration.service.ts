import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { checkEligibility } from '../../../shared/eligibility.js';
import { parseNik } from '../../../shared/nik.js';
import type { RegistrationInput } from '../../../shared/participants.js';
import { normalizePhone } from '../../../shared/phone.js';
import { parentRegionCode } from '../../../shared/regions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail, type Text } from '../../platform/errors.js';
import { inScope, type Scope } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { operators } from '../operators/operators.schema.js';
import { withinServiceArea } from '../operators/operators.service.js';
import { tracks } from '../programs/programs.schema.js';
import { regions } from '../regions/regions.schema.js';
import { refreshSearchText } from './businesses.service.js';
import { todayWib, writeStages } from './journey.service.js';
import { businesses, enrollments, people, selectionEvents } from './participants.schema.js';
import { auditView } from './presenters.js';

/** A registration as it arrives: the NIK is still raw text, checked here so every caller gets INVALID_NIK. */
export type RegistrationRequest = Omit<RegistrationInput, 'nik'> & { nik: string };

type Operator = typeof operators.$inferSelect;
type Track = typeof tracks.$inferSelect;

export type CheckedRegistration = {
  nik: string;
  sex: 'L' | 'P';
  birthDate: string;
  phone: string | null;
  operator: Operator;
  districtCode: string;
  businessDistricts: Array<string | null>;
  track: Track | null;
};

export type RegistrationMeta = {
  source: 'staff' | 'public' | 'import';
  /** Scope the 409 is answered for: the existing id is named only when the caller may see that record. */
  scope: Scope | null;
  consentAt?: Date | null;
};

export const invalidPhone: ErrorDetail = {
  path: 'phone',
  code: 'invalid_phone',
  message: 'Nomor HP tidak valid — contoh: 0812-3456-7890',
  en: 'Invalid phone number — e.g. 0812-3456-7890',
};

export const sexMismatch: ErrorDetail = {
  path: 'sex',
  code: 'nik_mismatch',
  message: 'Jenis kelamin tidak sesuai dengan NIK',
  en: 'The sex does not match the NIK',
};
export const birthDateMismatch: ErrorDetail = {
  path: 'birthDate',
  code: 'nik_mismatch',
  message: 'Tanggal lahir tidak sesuai dengan NIK',
  en: 'The birth date does not match the NIK',
};
export const unknownVillage = { message: 'Pilih desa/kelurahan yang terdaftar', en: 'Choose a listed village' };
export const villageOutsideArea = {
  message: 'Desa/kelurahan di luar wilayah layanan program ini',
  en: "The village is outside this program's service area",
};
export const unknownTrack: ErrorDetail = {
  path: 'trackId',
  code: 'unknown_track',
  message: 'Jalur program tidak ditemukan',
  en: 'Program track not found',
};

const nikError = (problem: string, text: Text) =>
  new AppError('INVALID_NIK', text, [{ path: 'nik', code: problem, message: text.id, en: text.en }]);

/**
 * Everything a registration needs checked before it writes: the NIK (structure, date, serial, and its kecamatan
 * in the Kemendagri data — one query for all region codes), sex and birth date against the NIK, the domicile
 * village inside the operator's service area, business villages, and the track.
 */
export async function checkRegistration(
  db: Db,
  input: RegistrationRequest,
  options: { requireActiveOperator?: boolean } = {},
): Promise<CheckedRegistration> {
  const parsed = parseNik(input.nik, { today: new Date() });
  if (!parsed.ok) throw nikError(parsed.problem, parsed.message);
  const villages = input.businesses.map((b) => b.villageCode ?? null);
  const codes = [parsed.districtCode, input.domicileVillageCode, ...villages.filter((c): c is string => !!c)];
  const [found, [operator], [track]] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(inArray(regions.code, [...new Set(codes)])),
    db.select().from(operators).where(eq(operators.id, input.operatorId)),
    input.trackId ? db.select().from(tracks).where(eq(tracks.id, input.trackId)) : Promise.resolve([]),
  ]);
  const levelOf = new Map(found.map((r) => [r.code, r.level]));
  const withRegion = parseNik(input.nik, { today: new Date(), districtExists: (c) => levelOf.get(c) === 3 });
  if (!withRegion.ok) throw nikError(withRegion.problem, withRegion.message);
  if (!operator || (options.requireActiveOperator && !operator.active))
    throw AppError.notFound({ id: 'Operator', en: 'Operator' });

  const problems: ErrorDetail[] = [];
  // Imports and jobs call this without the route's schema: the phone is normalised here as well.
  const phone = input.phone ? (normalizePhone(input.phone) ?? null) : null;
  if (input.phone && !phone) problems.push(invalidPhone);
  if (input.sex && input.sex !== parsed.sex) problems.push(sexMismatch);
  if (input.birthDate && input.birthDate !== parsed.birthDate) problems.push(birthDateMismatch);
  if (levelOf.get(input.domicileVillageCode) !== 4)
    problems.push({
      path: 'domicileVillageCode',
      code: 'unknown_region',
      ...unknownVillage,
    });
  else if (!withinServiceArea(input.domicileVillageCode, operator.serviceArea))
    problems.push({
      path: 'domicileVillageCode',
      code: 'outside_service_area',
      ...villageOutsideArea,
    });
  villages.forEach((code, i) => {
    if (code && levelOf.get(code) !== 4)
      problems.push({
        path: `businesses.${i}.villageCode`,
        code: 'unknown_region',
        ...unknownVillage,
      });
  });
  if (input.trackId && track?.operatorId !== operator.id) problems.push(unknownTrack);
  if (problems.length) throw AppError.validation(problems);

  return {
    nik: parsed.nik,
    sex: parsed.sex,
    birthDate: parsed.birthDate,
    phone,
    operator,
    districtCode: parentRegionCode(input.domicileVillageCode)!,
    businessDistricts: villages.map((c) => (c ? parentRegionCode(c) : null)),
    track: track ?? null,
  };
}

const kept = alias(people, 'kept');

/**
 * Writes a checked registration in one transaction: the person, their businesses, stage 1 Pendaftaran in progress,
 * the enrollment when a track was chosen, and the audit entry (NIK masked). A NIK already registered at the operator
 * — also by a concurrent request — ends in 409 PARTICIPANT_EXISTS: the insert skips on the unique constraint and the
 * transaction rolls back, so exactly one record remains.
 */
export async function writeRegistration(
  db: Db,
  actor: Actor,
  input: RegistrationRequest,
  checked: CheckedRegistration,
  meta: RegistrationMeta,
): Promise<string> {
  const operatorId = checked.operator.id;
  const today = todayWib();
  const by = actorId(actor);
  return db.transaction(async (tx) => {
    const [person] = await tx
      .insert(people)
      .values({
        operatorId,
        nik: checked.nik,
        fullName: input.fullName,
        sex: checked.sex,
        birthDate: checked.birthDate,
        phone: checked.phone,
        email: input.email?.toLowerCase() ?? null,
        ktpAddress: input.ktpAddress ?? null,
        domicileAddress: input.domicileAddress ?? null,
        domicileVillageCode: input.domicileVillageCode,
        domicileDistrictCode: checked.districtCode,
        source: meta.source,
        consentAt: meta.consentAt ?? null,
        consentVersion: meta.consentAt ? 'v1' : null,
        registeredBy: by,
      })
      .onConflictDoNothing({ target: [people.operatorId, people.nik] })
      .returning();
    if (!person) {
      // Statements see what committed before them, so the winner of a concurrent registration is found here.
      const [existing] = await tx
        .select({
          id: people.id,
          district: people.domicileDistrictCode,
          keptId: kept.id,
          keptDistrict: kept.domicileDistrictCode,
        })
        .from(people)
        .leftJoin(kept, eq(kept.id, people.mergedInto))
        .where(and(eq(people.operatorId, operatorId), eq(people.nik, checked.nik)));
      const id = existing?.keptId ?? existing?.id;
      const district = existing?.keptDistrict ?? existing?.district;
      const visible = !!id && !!meta.scope && inScope(meta.scope, { operatorId, regionCode: district });
      throw new AppError(
        'PARTICIPANT_EXISTS',
        { id: 'NIK ini sudah terdaftar di program ini', en: 'This NIK is already registered in this program' },
        visible ? { existingId: id } : {},
      );
    }
    const createdBusinesses = await tx
      .insert(businesses)
      .values(
        input.businesses.map((b, i) => ({
          ...b,
          operatorId,
          personId: person.id,
          districtCode: checked.businessDistricts[i],
          statusSince: today,
        })),
      )
      .returning();
    await refreshSearchText(tx, person.id);
    await writeStages(tx, actor, [person], { stage: 1, status: 'in_progress', source: 'registration' }, today);
    let enrollment: typeof enrollments.$inferSelect | undefined;
    if (checked.track) {
      // No documents are on file yet at registration; the check runs again at each selection decision.
      const eligibility = checkEligibility(checked.track, person, { today, documents: [] });
      [enrollment] = await tx
        .insert(enrollments)
        .values({ operatorId, personId: person.id, trackId: checked.track.id, eligibility })
        .returning();
      await tx
        .insert(selectionEvents)
        .values({ operatorId, enrollmentId: enrollment.id, fromStatus: null, toStatus: 'applicant', decidedBy: by });
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'participant',
      entityId: person.id,
      operatorId,
      after: {
        ...auditView(person),
        businesses: createdBusinesses.map((b) => ({ id: b.id, name: b.name, kbli: b.kbli })),
        trackId: enrollment?.trackId ?? null,
      },
    });
    return person.id;
  });
}
