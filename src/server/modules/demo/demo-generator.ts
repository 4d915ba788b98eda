import { ageOn } from '../../../shared/eligibility.js';
import { composeNik } from '../../../shared/nik.js';
import type { SelectionStatus, StageStatus } from '../../../shared/participants.js';
import {
  type BusinessKind,
  businessKinds,
  familyNames,
  fatherNames,
  givenNames,
  kecamatanWeights,
  phonePrefixes,
  singleNames,
  streets,
} from './demo-names.js';

/**
 * Pure generation of demo members: who they are (identity, from one seeded stream, so the same seed always gives the
 * same NIKs) and what happened to them (activity, from a second stream, dated up to "today").
 */

export type Rng = ReturnType<typeof prng>;

/** mulberry32: a small seeded PRNG; Math.random cannot be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const chance = (p: number) => next() < p;
  function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let x = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
  return { next, int, pick, chance, weighted };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Villages per Depok kecamatan, and kecamatan elsewhere in Jawa Barat where a NIK may have been issued. */
export type Places = { villages: Map<string, string[]>; otherDistricts: string[] };

export type Identity = {
  nik: string;
  fullName: string;
  callName: string;
  sex: 'L' | 'P';
  birthDate: string;
  phone: string;
  email: string | null;
  address: string;
  villageCode: string;
  districtCode: string;
};

function nameOf(r: Rng, sex: 'L' | 'P', age: number) {
  const given = r.pick(givenNames[sex]);
  const roll = r.next();
  let callName = given;
  let name: string;
  if (age >= 45 && roll < 0.1) name = callName = r.pick(singleNames[sex]);
  else if (roll < 0.22) {
    const second = r.pick(givenNames[sex]);
    name = `${given}${second === given ? '' : ` ${second}`} ${r.pick(familyNames[sex])}`;
  } else if (roll < 0.3)
    name = `${given} ${r.pick(familyNames[sex])} ${sex === 'L' ? 'bin' : 'binti'} ${r.pick(fatherNames)}`;
  else name = `${given} ${r.pick(familyNames[sex])}`;
  // A hajj title, as older members write it on forms.
  if (age >= 45 && r.chance(0.08)) name = `${sex === 'L' ? 'H.' : 'Hj.'} ${name}`;
  return { name, callName };
}

const ascii = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** The people: ages 17–65 when the program opened (`asOf`), NIK consistent with sex, birth date and a real kecamatan. */
export function generateIdentities(seed: number, count: number, places: Places, asOf: string): Identity[] {
  const r = prng(seed);
  const kecamatan = Object.entries(kecamatanWeights).filter(([code]) => places.villages.get(code)?.length);
  const used = new Set<string>();
  const phones = new Set<string>();
  const out: Identity[] = [];
  for (let i = 0; i < count; i++) {
    const sex = r.chance(0.56) ? 'P' : 'L';
    // Two uniforms averaged: most owners are in their thirties to fifties.
    const age = 17 + Math.floor(((r.next() + r.next()) / 2) * 49);
    const [y, m, d] = asOf.split('-').map(Number);
    const birthDate = isoDay(Date.UTC(y - age, m - 1, d) - r.int(0, 364) * DAY);
    const districtCode = r.weighted(kecamatan);
    const villageCode = r.pick(places.villages.get(districtCode)!);
    // The NIK keeps the kecamatan of first registration; many residents came from elsewhere.
    const roll = r.next();
    const nikDistrict =
      roll < 0.78 || !places.otherDistricts.length
        ? districtCode
        : roll < 0.86
          ? r.pick(kecamatan)[0]
          : r.pick(places.otherDistricts);
    let serial = r.int(1, 2999);
    let nik = composeNik({ districtCode: nikDistrict, birthDate, sex, serial });
    while (used.has(nik)) nik = composeNik({ districtCode: nikDistrict, birthDate, sex, serial: ++serial });
    used.add(nik);
    let phone = `+62${r.pick(phonePrefixes).slice(1)}${r.int(1_000_000, 99_999_999)}`;
    while (phones.has(phone)) phone = `${phone.slice(0, -1)}${r.int(0, 9)}`;
    phones.add(phone);
    const { name, callName } = nameOf(r, sex, age);
    const email = r.chance(0.3)
      ? `${ascii(callName)}.${ascii(name.split(' ').at(-1)!)}${r.int(1, 99)}@gmail.com`
      : null;
    const address = `${r.pick(streets)} No. ${r.int(1, 150)}, RT ${String(r.int(1, 12)).padStart(3, '0')}/RW ${String(r.int(1, 15)).padStart(3, '0')}`;
    out.push({ nik, fullName: name, callName, sex, birthDate, phone, email, address, villageCode, districtCode });
  }
  return out;
}

export type DemoBusiness = {
  name: string;
  kind: BusinessKind;
  preVenture: boolean;
  foundedOn: string | null;
  monthlyRevenue: number | null;
  employeesMale: number;
  employeesFemale: number;
  channels: string[];
  legalForm: string | null;
  status: 'active' | 'paused' | 'closed' | 'moved';
  statusSince: string;
};

export type Activity = {
  createdAt: Date;
  source: 'staff' | 'import' | 'public';
  track: 'WUB' | 'PP';
  steps: Array<{ status: SelectionStatus; at: Date }>;
  personStatus: 'applicant' | 'member' | 'inactive';
  stages: Array<{ stage: number; status: StageStatus; since: string }>;
  businesses: DemoBusiness[];
};

const outcomes = [
  ['accepted', 86],
  ['waitlisted', 4],
  ['rejected', 4],
  ['interviewed', 3],
  ['documents_checked', 2],
  ['applicant', 1],
] as const;
const pathTo: Record<SelectionStatus, SelectionStatus[]> = {
  applicant: [],
  documents_checked: ['documents_checked'],
  interviewed: ['documents_checked', 'interviewed'],
  accepted: ['documents_checked', 'interviewed', 'accepted'],
  waitlisted: ['documents_checked', 'interviewed', 'waitlisted'],
  rejected: ['documents_checked', 'interviewed', 'rejected'],
};
// Stages 2–7 among accepted members (≈86 % of all), so that of everyone P2 ≈ 62 %, P3 55 %, P4 52 %, P5 16 %,
// P6 12 %, P7 2 % — the shape of Jakpreneur's published funnel.
const reach = [0.72, 0.64, 0.605, 0.186, 0.14, 0.023];

function businessOf(r: Rng, who: Identity, createdAt: number, today: number): DemoBusiness {
  const kind = r.weighted(
    businessKinds.map((k) => [k, k.weight * (k.sex === undefined ? 1 : k.sex === who.sex ? 2 : 0.3)] as const),
  );
  const preVenture = r.chance(0.08);
  // Cubed uniform: most micro businesses earn a few million rupiah a month, a few approach 50 million.
  const revenue = Math.round((1_000_000 + 49_000_000 * r.next() ** 3) / 50_000) * 50_000;
  const status = r.weighted([
    ['active', 82],
    ['paused', 7],
    ['closed', 6],
    ['moved', 5],
  ] as const);
  return {
    name: r.pick(kind.names).replace('{n}', who.callName),
    kind,
    preVenture,
    foundedOn: preVenture ? null : isoDay(createdAt - r.int(30, 8 * 365) * DAY),
    monthlyRevenue: preVenture ? null : revenue,
    employeesMale: r.weighted([
      [0, 6],
      [1, 3],
      [2, 1],
      [4, 0.3],
    ] as const),
    employeesFemale: r.weighted([
      [0, 5],
      [1, 3],
      [2, 1.5],
      [5, 0.3],
    ] as const),
    channels: ['offline', 'whatsapp', 'instagram', 'marketplace', 'tiktok', 'bazaar'].filter((_, i) =>
      r.chance([0.8, 0.7, 0.35, 0.25, 0.15, 0.1][i]),
    ),
    legalForm: r.weighted([
      ['perorangan', 85],
      ['pt_perorangan', 5],
      ['cv', 4],
      ['koperasi', 1],
      [null, 5],
    ] as const),
    status,
    statusSince: isoDay(status === 'active' ? createdAt : createdAt + r.next() * (today - createdAt)),
  };
}

/** What happened to one person between the program's start and today. */
export function generateActivity(r: Rng, who: Identity, window: { start: string; today: string }): Activity {
  const start = dayMs(window.start);
  const today = dayMs(window.today);
  const createdAt = start + Math.floor(r.next() * (today - start - 2 * DAY));
  const cap = (ms: number) => Math.min(ms, today);
  const track = who.sex === 'P' && ageOn(who.birthDate, isoDay(createdAt)) >= 18 && r.chance(0.3) ? 'PP' : 'WUB';
  const outcome = r.weighted(outcomes);
  let at = createdAt;
  const steps = pathTo[outcome].map((status) => {
    at = cap(at + r.int(3, 15) * DAY);
    return { status, at: new Date(at) };
  });
  const accepted = outcome === 'accepted';
  const stages: Activity['stages'] = [
    { stage: 1, status: accepted ? 'done' : 'in_progress', since: isoDay(accepted ? at : createdAt) },
  ];
  if (accepted) {
    const u = r.next();
    const deepest = reach.filter((p) => u < p).length + 1;
    let since = at;
    for (let stage = 2; stage <= deepest; stage++) {
      since = cap(since + r.int(14, 90) * DAY);
      const ongoing = stage === 3 ? r.chance(0.65) : stage === deepest ? r.chance(0.55) : r.chance(0.1);
      stages.push({ stage, status: ongoing ? 'in_progress' : 'done', since: isoDay(since) });
    }
  }
  const count = r.chance(0.1) ? 2 : 1;
  return {
    createdAt: new Date(createdAt),
    source: r.weighted([
      ['staff', 5],
      ['import', 3],
      ['public', 2],
    ] as const),
    track,
    steps,
    personStatus: accepted ? (r.chance(0.03) ? 'inactive' : 'member') : 'applicant',
    stages,
    businesses: Array.from({ length: count }, () => businessOf(r, who, createdAt, today)),
  };
}
