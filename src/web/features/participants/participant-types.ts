import type { BusinessInput, SelectionStatus, StageStatus } from '../../../shared/participants.js';

/** The shapes of docs/api-participants.md, as the web app reads them. */

export type StageMap = Record<string, StageStatus>;

export type ParticipantRow = {
  id: string;
  nikMasked: string;
  fullName: string;
  sex: 'L' | 'P';
  birthDate: string;
  age: number;
  phone: string | null;
  status: string;
  domicileVillageCode: string;
  villageName: string | null;
  districtCode: string;
  districtName: string | null;
  businesses: { id: string; name: string; kbli: string | null; status: string }[];
  stages: StageMap;
  mentor: { userId: string; name: string } | null;
  createdAt: string;
};

export type Business = {
  id: string;
  personId: string;
  name: string;
  kbli: string | null;
  productType: string | null;
  legalForm: string | null;
  nib: string | null;
  foundedOn: string | null;
  preVenture: boolean;
  address: string | null;
  villageCode: string | null;
  districtCode: string | null;
  employeesMale: number;
  employeesFemale: number;
  monthlyRevenue: number | null;
  channels: string[];
  status: string;
  statusSince: string | null;
  createdAt: string;
};

export type Eligibility = { rule: string; ok: boolean; message: string; en?: string };

export type Enrollment = {
  id: string;
  personId: string;
  trackId: string;
  trackCode: string;
  trackName: string;
  programName: string;
  status: SelectionStatus;
  eligibility: Eligibility[];
  quotaOverride: boolean;
  createdAt: string;
  decidedAt: string | null;
};

export type TrackEnrollment = Enrollment & {
  person: { id: string; fullName: string; nikMasked: string; districtName: string };
};

export type ParticipantDetail = Omit<ParticipantRow, 'businesses'> & {
  operatorId: string;
  email: string | null;
  ktpAddress: string | null;
  domicileAddress: string | null;
  source: string;
  consentAt: string | null;
  mergedInto: string | null;
  businesses: Business[];
  enrollments: Enrollment[];
  stageList: { stage: number; status: StageStatus; since: string | null }[];
};

export type TimelineItem = {
  at: string;
  kind: 'audit' | 'stage' | 'selection' | 'business_status';
  title: string;
  detail: string | null;
  by: string | null;
};

export type DuplicateCandidate = {
  id: string;
  fullName: string;
  nikMasked: string;
  birthDate: string;
  phone: string | null;
  reasons: string[];
};

export type SavedFilter = {
  id: string;
  operatorId: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: string;
};

export type Track = {
  id: string;
  programId: string;
  code: string;
  name: string;
  minAge: number | null;
  maxAge: number | null;
  sex: 'L' | 'P' | null;
  quota: number | null;
};

export type ProgramWithTracks = {
  id: string;
  operatorId: string;
  name: string;
  active: boolean;
  startsOn: string;
  endsOn: string;
  tracks: Track[];
};

export type ProfileInput = {
  fullName?: string;
  phone?: string;
  email?: string | null;
  ktpAddress?: string | null;
  domicileAddress?: string | null;
  domicileVillageCode?: string;
};

export type StageInput = { stage: number; status: StageStatus; occurredOn?: string | null; note?: string | null };

export type BusinessStatusInput = {
  status: string;
  effectiveOn: string;
  reason?: string | null;
  newAddress?: string | null;
};

export type NewBusiness = Partial<BusinessInput> & { name: string };

export type DecisionInput = { status: SelectionStatus; notes?: string | null; quotaOverride?: boolean };
