import { regionWithin } from './access.js';

/**
 * The automatic eligibility check of a track (WUB: 17+ and a Depok domicile; Perempuan Pengusaha: women 18+ with a
 * recommendation letter). Pure, so the registration form can show the same verdict the server stores on the
 * enrollment. Staff still decide: a failed rule is information for the selection, not a refusal.
 */
export type EligibilityRule = 'min_age' | 'max_age' | 'residency' | 'sex' | 'documents';
/** `message` in Bahasa Indonesia, `en` in English (results stored before English was added have none). */
export type EligibilityResult = { rule: EligibilityRule; ok: boolean; message: string; en?: string };

export type TrackRules = {
  minAge?: number | null;
  maxAge?: number | null;
  residencyPrefix?: string | null;
  sex?: string | null;
  requiredDocuments?: readonly string[] | null;
};

export type Applicant = { birthDate: string; sex: string; domicileVillageCode: string };

export type EligibilityContext = {
  /** The day the check is about, as `YYYY-MM-DD` (the caller's calendar day) or a Date (its UTC day). */
  today: string | Date;
  /** Kinds of the documents on file (`ktp`, `kk`, `recommendation_letter`, …). */
  documents: readonly string[];
  /** Region names for friendlier messages ("Kota Depok" instead of "32.76"), when the caller has them. */
  regionName?: (code: string) => string | undefined;
};

const documentLabels: Record<string, { id: string; en: string }> = {
  ktp: { id: 'KTP', en: 'ID card (KTP)' },
  kk: { id: 'Kartu Keluarga', en: 'family card (KK)' },
  recommendation_letter: { id: 'surat rekomendasi', en: 'recommendation letter' },
  business_photo: { id: 'foto usaha', en: 'business photo' },
  other: { id: 'dokumen lain', en: 'other document' },
};

const sexLabels: Record<string, { id: string; en: string }> = {
  L: { id: 'laki-laki', en: 'men' },
  P: { id: 'perempuan', en: 'women' },
};

function dayParts(day: string | Date): [number, number, number] {
  const iso = typeof day === 'string' ? day : day.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

/**
 * Completed years of life on `today`. Someone born on 29 February completes a year on 1 March in common years:
 * before that day they have not yet reached the anniversary, the safe reading for a minimum-age rule.
 */
export function ageOn(birthDate: string, today: string | Date): number {
  const [by, bm, bd] = dayParts(birthDate);
  const [ty, tm, td] = dayParts(today);
  const beforeBirthday = tm < bm || (tm === bm && td < bd);
  return ty - by - (beforeBirthday ? 1 : 0);
}

/** One result per rule the track has, in a fixed order; rules the track leaves empty are not listed. */
export function checkEligibility(track: TrackRules, person: Applicant, ctx: EligibilityContext): EligibilityResult[] {
  const results: EligibilityResult[] = [];
  const age = ageOn(person.birthDate, ctx.today);
  if (track.minAge != null) {
    results.push({
      rule: 'min_age',
      ok: age >= track.minAge,
      message: `Usia minimal ${track.minAge} tahun (saat ini ${age})`,
      en: `At least ${track.minAge} years old (now ${age})`,
    });
  }
  if (track.maxAge != null) {
    results.push({
      rule: 'max_age',
      ok: age <= track.maxAge,
      message: `Usia maksimal ${track.maxAge} tahun (saat ini ${age})`,
      en: `At most ${track.maxAge} years old (now ${age})`,
    });
  }
  if (track.sex) {
    const wanted = sexLabels[track.sex] ?? { id: track.sex, en: track.sex };
    const actual = sexLabels[person.sex] ?? { id: person.sex, en: person.sex };
    results.push({
      rule: 'sex',
      ok: person.sex === track.sex,
      message: `Khusus ${wanted.id} (peserta: ${actual.id})`,
      en: `For ${wanted.en} only (applicant: ${actual.en === 'men' ? 'man' : actual.en === 'women' ? 'woman' : actual.en})`,
    });
  }
  if (track.residencyPrefix) {
    const name = (code: string) => ctx.regionName?.(code) ?? code;
    results.push({
      rule: 'residency',
      ok: regionWithin(person.domicileVillageCode, track.residencyPrefix),
      message: `Berdomisili di ${name(track.residencyPrefix)} (domisili saat ini ${name(person.domicileVillageCode)})`,
      en: `Living in ${name(track.residencyPrefix)} (now living in ${name(person.domicileVillageCode)})`,
    });
  }
  const required = [...new Set(track.requiredDocuments ?? [])];
  if (required.length > 0) {
    const labels = (kinds: string[], lang: 'id' | 'en') => kinds.map((k) => documentLabels[k]?.[lang] ?? k).join(', ');
    const missing = required.filter((kind) => !ctx.documents.includes(kind));
    results.push({
      rule: 'documents',
      ok: missing.length === 0,
      message:
        missing.length === 0
          ? `Dokumen wajib lengkap: ${labels(required, 'id')}`
          : `Dokumen wajib belum ada: ${labels(missing, 'id')}`,
      en:
        missing.length === 0
          ? `Required documents complete: ${labels(required, 'en')}`
          : `Required documents missing: ${labels(missing, 'en')}`,
    });
  }
  return results;
}

/** True when every rule passes (also when the track has none). */
export function isEligible(results: readonly EligibilityResult[]): boolean {
  return results.every((r) => r.ok);
}
