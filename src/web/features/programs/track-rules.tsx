import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { documentKinds } from '../../../shared/participants.js';
import { useRegion } from '../regions/regions-api.js';
import type { Track } from './programs-api.js';

type Rules = Pick<Track, 'minAge' | 'maxAge' | 'residencyPrefix' | 'sex' | 'requiredDocuments'>;

/** "Usia ≥ 17 · Domisili Kota Depok · Perempuan · Dokumen: Surat rekomendasi" — a track's rules in words. */
export function trackRulesText(track: Rules, t: TFunction, regionName?: string): string {
  const parts: string[] = [];
  const { minAge, maxAge } = track;
  if (minAge != null && maxAge != null) parts.push(t('programs.rules.ageBetween', { min: minAge, max: maxAge }));
  else if (minAge != null) parts.push(t('programs.rules.ageMin', { min: minAge }));
  else if (maxAge != null) parts.push(t('programs.rules.ageMax', { max: maxAge }));
  if (track.residencyPrefix) {
    parts.push(t('programs.rules.residency', { region: regionName ?? track.residencyPrefix }));
  }
  if (track.sex) parts.push(t(`programs.sex.${track.sex}`));
  if (track.requiredDocuments.length) {
    const docs = track.requiredDocuments.map((d) => documentLabel(d, t)).join(', ');
    parts.push(t('programs.rules.documents', { docs }));
  }
  return parts.length ? parts.join(' · ') : t('programs.rules.none');
}

export function documentLabel(kind: string, t: TFunction): string {
  const known = documentKinds.find((k) => k === kind);
  return known ? t(`programs.documents.${known}`) : kind;
}

/** The rules of one track as a line of text, with the residency region by its name. */
export function TrackRules({ track }: { track: Rules }) {
  const { t } = useTranslation();
  const region = useRegion(track.residencyPrefix);
  return <>{trackRulesText(track, t, region.data?.name)}</>;
}
