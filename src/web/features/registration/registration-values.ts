import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type BusinessValues = {
  key: string;
  name: string;
  kbli: string | null;
  productType: string;
  legalForm: string | null;
  nib: string;
  foundedOn: string | null;
  preVenture: boolean;
  /** The business is at home: its address and village are the domicile's. */
  atHome: boolean;
  address: string;
  villageCode: string | null;
  employeesMale: number | string;
  employeesFemale: number | string;
  monthlyRevenue: number | string;
  channels: string[];
};

export type RegistrationValues = {
  nik: string;
  fullName: string;
  phone: string;
  email: string;
  ktpAddress: string;
  domicileVillageCode: string | null;
  domicileAddress: string;
  businesses: BusinessValues[];
  trackId: string | null;
  consent: boolean;
};

const newKey = () => Math.random().toString(36).slice(2, 10);

export function emptyBusiness(): BusinessValues {
  return {
    key: newKey(),
    name: '',
    kbli: null,
    productType: '',
    legalForm: null,
    nib: '',
    foundedOn: null,
    preVenture: false,
    atHome: true,
    address: '',
    villageCode: null,
    employeesMale: 0,
    employeesFemale: 0,
    monthlyRevenue: '',
    channels: [],
  };
}

export function emptyRegistration(): RegistrationValues {
  return {
    nik: '',
    fullName: '',
    phone: '',
    email: '',
    ktpAddress: '',
    domicileVillageCode: null,
    domicileAddress: '',
    businesses: [emptyBusiness()],
    trackId: null,
    consent: false,
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
const numberOrNull = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? null : Number(v.replace(/\D/g, ''));

/** The request body as the shared schema reads it; the schema, not this function, decides what is valid. */
export function toRegistrationInput(v: RegistrationValues, operatorId: string, withConsent: boolean) {
  return {
    operatorId,
    nik: v.nik,
    fullName: v.fullName,
    phone: v.phone,
    email: blankToNull(v.email),
    ktpAddress: blankToNull(v.ktpAddress),
    domicileAddress: blankToNull(v.domicileAddress),
    domicileVillageCode: v.domicileVillageCode ?? '',
    businesses: v.businesses.map((b) => ({
      name: b.name,
      kbli: b.kbli || null,
      productType: blankToNull(b.productType),
      legalForm: b.legalForm || null,
      nib: blankToNull(b.nib),
      foundedOn: b.preVenture ? null : b.foundedOn,
      preVenture: b.preVenture,
      address: b.atHome ? blankToNull(v.domicileAddress) : blankToNull(b.address),
      villageCode: b.atHome ? v.domicileVillageCode : b.villageCode,
      employeesMale: numberOrNull(b.employeesMale) ?? 0,
      employeesFemale: numberOrNull(b.employeesFemale) ?? 0,
      monthlyRevenue: numberOrNull(b.monthlyRevenue),
      channels: b.channels,
    })),
    trackId: v.trackId ?? undefined,
    ...(withConsent ? { consent: v.consent } : {}),
  };
}

// Fields with a message of their own; anything else keeps the schema's words.
const fieldMessages = [
  'fullName',
  'phone',
  'email',
  'domicileVillageCode',
  'businesses',
  'name',
  'kbli',
  'nib',
  'foundedOn',
  'villageCode',
  'employeesMale',
  'employeesFemale',
  'monthlyRevenue',
  'consent',
] as const;

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue, t: TFunction, nikMessage: (problem: string) => string): string {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  if (issue.path[0] === 'nik') {
    const problem = (issue as { params?: { problem?: string } }).params?.problem;
    return nikMessage(problem ?? 'format');
  }
  const known = fieldMessages.find((f) => f === field);
  return known ? t(`registration.invalid.${known}`) : issue.message;
}

/** Checks the body with the shared schema: the parsed body, or form errors keyed by field path. */
export function checkRegistration(
  body: unknown,
  schema: z.ZodType,
  t: TFunction,
  nikMessage: (problem: string) => string,
): { ok: true; data: unknown } | { ok: false; errors: Record<string, string> } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, data: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path === 'operatorId') continue;
    if (!errors[path]) errors[path] = issueMessage(issue, t, nikMessage);
  }
  return { ok: false, errors };
}
