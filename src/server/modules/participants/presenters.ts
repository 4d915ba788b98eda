import { z } from 'zod';
import { ageOn } from '../../../shared/eligibility.js';
import { maskNik } from '../../../shared/nik.js';
import { type StageStatus, stages } from '../../../shared/participants.js';
import { inScope, type Scope } from '../access/access.js';
import { todayWib } from './journey.service.js';
import type { businesses, people } from './participants.schema.js';

/**
 * What the participant endpoints answer, as zod schemas (response validation and OpenAPI) and the functions that
 * shape database rows into them. The full NIK never leaves through here: only `nikMasked`.
 */

export type Person = typeof people.$inferSelect;
export type BusinessRow = typeof businesses.$inferSelect;

export const stageStatusMap = z.record(z.string(), z.enum(['not_started', 'in_progress', 'done']));

export const participantRow = z.object({
  id: z.uuid(),
  nikMasked: z.string(),
  fullName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  phone: z.string().nullable(),
  status: z.string(),
  domicileVillageCode: z.string(),
  villageName: z.string().nullable(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  businesses: z.array(z.object({ id: z.uuid(), name: z.string(), kbli: z.string().nullable(), status: z.string() })),
  stages: stageStatusMap,
  mentor: z.object({ userId: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
});

export const business = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  kbli: z.string().nullable(),
  productType: z.string().nullable(),
  legalForm: z.string().nullable(),
  nib: z.string().nullable(),
  foundedOn: z.string().nullable(),
  preVenture: z.boolean(),
  address: z.string().nullable(),
  villageCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  employeesMale: z.number().int(),
  employeesFemale: z.number().int(),
  monthlyRevenue: z.number().int().nullable(),
  channels: z.array(z.string()),
  status: z.string(),
  statusSince: z.string().nullable(),
  createdAt: z.date(),
});

export const enrollment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  trackId: z.uuid(),
  trackCode: z.string(),
  trackName: z.string(),
  programName: z.string(),
  status: z.string(),
  eligibility: z.array(z.object({ rule: z.string(), ok: z.boolean(), message: z.string(), en: z.string().optional() })),
  quotaOverride: z.boolean(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});

export const participantDetail = participantRow.extend({
  operatorId: z.uuid(),
  email: z.string().nullable(),
  ktpAddress: z.string().nullable(),
  domicileAddress: z.string().nullable(),
  source: z.string(),
  consentAt: z.date().nullable(),
  mergedInto: z.uuid().nullable(),
  businesses: z.array(business),
  enrollments: z.array(enrollment),
  stageList: z.array(z.object({ stage: z.number().int(), status: z.string(), since: z.string() })),
});

export const duplicateCandidate = z.object({
  id: z.uuid(),
  fullName: z.string(),
  nikMasked: z.string(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  reasons: z.array(z.string()),
});

export const timelineItem = z.object({
  at: z.date(),
  kind: z.enum(['audit', 'stage', 'selection', 'business_status']),
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});

export type ParticipantRow = z.infer<typeof participantRow>;
export type ParticipantDetail = z.infer<typeof participantDetail>;

/** `+6281234567890` → `+62812****7890`: enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length > 10 ? `${phone.slice(0, 6)}****${phone.slice(-4)}` : '****';
}

/** The latest birth date of someone at least `years` old on `today`; used to turn age bands into sargable ranges. */
export function bornOnOrBefore(years: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d));
  // 29 Feb minus N years lands on 1 Mar in a common year; the cut-off is then 28 Feb.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Stages without a row have not started: only the ones a person reached are stored. */
export function stagesMap(rows: Array<{ stage: number; status: string }>): Record<string, StageStatus> {
  const map: Record<string, StageStatus> = {};
  for (const s of stages) map[String(s.no)] = 'not_started';
  for (const r of rows) map[String(r.stage)] = r.status as StageStatus;
  return map;
}

/** Phones are for the staff who work with the person (write access over their kecamatan); readers see them masked. */
export function phoneFor(writeScope: Scope | null, person: Pick<Person, 'operatorId' | 'domicileDistrictCode'>) {
  return (phone: string | null) =>
    writeScope && inScope(writeScope, { operatorId: person.operatorId, regionCode: person.domicileDistrictCode })
      ? phone
      : maskPhone(phone);
}

export type RowExtras = {
  villageName: string | null;
  districtName: string | null;
  businesses: Array<Pick<BusinessRow, 'id' | 'name' | 'kbli' | 'status'>>;
  stages: Array<{ stage: number; status: string }>;
  mentor: { userId: string; name: string } | null;
};

export function toRow(p: Person, extras: RowExtras, writeScope: Scope | null, today = todayWib()): ParticipantRow {
  return {
    id: p.id,
    nikMasked: maskNik(p.nik),
    fullName: p.fullName,
    sex: p.sex,
    birthDate: p.birthDate,
    age: ageOn(p.birthDate, today),
    phone: phoneFor(writeScope, p)(p.phone),
    status: p.status,
    domicileVillageCode: p.domicileVillageCode,
    villageName: extras.villageName,
    districtCode: p.domicileDistrictCode,
    districtName: extras.districtName,
    businesses: extras.businesses.map(({ id, name, kbli, status }) => ({ id, name, kbli, status })),
    stages: stagesMap(extras.stages),
    mentor: extras.mentor,
    createdAt: p.createdAt,
  };
}

/** The person as the audit trail keeps it: NIK masked (UU PDP: the trail is browsed by people), search text left out. */
export function auditView(p: Person): Record<string, unknown> {
  const { nik, searchText: _searchText, ...rest } = p;
  return { ...rest, nikMasked: maskNik(nik) };
}
