import { asc, inArray } from 'drizzle-orm';
import { type ImportField, importFieldHeaders, importFields } from '../../../shared/import/fields.js';
import { maskNik } from '../../../shared/nik.js';
import { stages } from '../../../shared/participants.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { inScope, type Scope } from '../access/access.js';
import { businesses, participantStages } from '../participants/participants.schema.js';
import { type BusinessRow, maskPhone, type Person } from '../participants/presenters.js';
import { regions } from '../regions/regions.schema.js';

/**
 * One spreadsheet row per person, in the importer's columns (`importFieldHeaders[…].id`) so an exported file can be
 * edited and imported back, then two columns for people reading it that the importer does not know and ignores.
 */
export const exportHeaders = [...importFields.map((f) => importFieldHeaders[f].id), 'Status', 'Tahap'];

const codeFields: ImportField[] = ['nik', 'phone', 'kbli', 'nib'];
/** Codes Excel would turn into numbers (3.27603E+15) or strip of their leading zero. */
export const exportTextColumns = codeFields.map((f) => importFields.indexOf(f));

// Bahasa Indonesia, as the web app says them.
const personStatusLabel: Record<string, string> = {
  applicant: 'Pendaftar',
  member: 'Anggota',
  inactive: 'Nonaktif',
  merged: 'Digabung',
};
const stageStatusLabel: Record<string, string> = { in_progress: 'berjalan', done: 'selesai' };

type FirstBusiness = Pick<
  BusinessRow,
  | 'personId'
  | 'name'
  | 'kbli'
  | 'productType'
  | 'legalForm'
  | 'nib'
  | 'foundedOn'
  | 'employeesMale'
  | 'employeesFemale'
  | 'monthlyRevenue'
  | 'channels'
>;

export type ExportExtras = {
  regionNames: Map<string, string>;
  firstBusiness: Map<string, FirstBusiness>;
  stages: Map<string, Array<{ stage: number; status: string }>>;
};

/** Region names, each person's first business and current stages of a page: one query each, looked up by map. */
export async function exportExtrasOf(db: DbOrTx, page: Person[]): Promise<ExportExtras> {
  const ids = page.map((p) => p.id);
  const codes = [...new Set(page.flatMap((p) => [p.domicileVillageCode, p.domicileDistrictCode]))];
  const [names, owned, reached] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)),
    db
      .selectDistinctOn([businesses.personId], {
        personId: businesses.personId,
        name: businesses.name,
        kbli: businesses.kbli,
        productType: businesses.productType,
        legalForm: businesses.legalForm,
        nib: businesses.nib,
        foundedOn: businesses.foundedOn,
        employeesMale: businesses.employeesMale,
        employeesFemale: businesses.employeesFemale,
        monthlyRevenue: businesses.monthlyRevenue,
        channels: businesses.channels,
      })
      .from(businesses)
      .where(inArray(businesses.personId, ids))
      .orderBy(asc(businesses.personId), asc(businesses.createdAt), asc(businesses.id)),
    db
      .select({
        personId: participantStages.personId,
        stage: participantStages.stage,
        status: participantStages.status,
      })
      .from(participantStages)
      .where(inArray(participantStages.personId, ids))
      .orderBy(asc(participantStages.stage)),
  ]);
  const stagesByPerson = new Map<string, Array<{ stage: number; status: string }>>();
  for (const s of reached) {
    const list = stagesByPerson.get(s.personId) ?? [];
    list.push(s);
    stagesByPerson.set(s.personId, list);
  }
  return {
    regionNames: new Map(names.map((r) => [r.code, r.name])),
    firstBusiness: new Map(owned.map((b) => [b.personId, b])),
    stages: stagesByPerson,
  };
}

/** `+6281234567890` → `081234567890`, the local form the importer reads and people type. */
export function localPhone(e164: string | null): string | null {
  if (!e164) return null;
  return e164.startsWith('+62') ? `0${e164.slice(3)}` : e164;
}

/** "2 Pelatihan: berjalan; 1 Pendaftaran: selesai" — the stages a person reached, in funnel order. */
function stagesSummary(rows: Array<{ stage: number; status: string }> = []): string {
  return stages
    .map((s) => ({ s, status: rows.find((r) => r.stage === s.no)?.status }))
    .filter(({ status }) => status && status !== 'not_started')
    .map(({ s, status }) => `${s.no} ${s.id}: ${stageStatusLabel[status!] ?? status}`)
    .join('; ');
}

/**
 * Who sees what in a row: the full NIK only where the requester may reveal NIKs (`participants.reveal_nik`), the
 * phone only where they work with the person (`participants.write`), as the list and detail screens show them.
 */
export type RowPolicy = { revealNik: Scope | null; phone: Scope | null };

const covers = (scope: Scope | null, p: Person) =>
  scope !== null && inScope(scope, { operatorId: p.operatorId, regionCode: p.domicileDistrictCode });

export function exportRow(p: Person, extras: ExportExtras, policy: RowPolicy): { values: unknown[]; fullNik: boolean } {
  const fullNik = covers(policy.revealNik, p);
  const b = extras.firstBusiness.get(p.id);
  const byField: Record<ImportField, unknown> = {
    nik: fullNik ? p.nik : maskNik(p.nik),
    fullName: p.fullName,
    sex: p.sex,
    birthDate: p.birthDate,
    phone: localPhone(covers(policy.phone, p) ? p.phone : maskPhone(p.phone)),
    email: p.email,
    ktpAddress: p.ktpAddress,
    domicileAddress: p.domicileAddress,
    kecamatan: extras.regionNames.get(p.domicileDistrictCode) ?? null,
    kelurahan: extras.regionNames.get(p.domicileVillageCode) ?? null,
    businessName: b?.name ?? null,
    kbli: b?.kbli ?? null,
    productType: b?.productType ?? null,
    legalForm: b?.legalForm ?? null,
    nib: b?.nib ?? null,
    foundedOn: b?.foundedOn ?? null,
    employeesMale: b?.employeesMale ?? null,
    employeesFemale: b?.employeesFemale ?? null,
    monthlyRevenue: b?.monthlyRevenue ?? null,
    channels: b?.channels.length ? b.channels.join(', ') : null,
  };
  return {
    values: [
      ...importFields.map((f) => byField[f]),
      personStatusLabel[p.status] ?? p.status,
      stagesSummary(extras.stages.get(p.id)),
    ],
    fullNik,
  };
}
