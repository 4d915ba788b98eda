import { List, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, checkEligibility } from '../../../shared/eligibility.js';
import type { Program } from '../programs/programs-api.js';
import { TrackRules } from '../programs/track-rules.js';
import { useRegion } from '../regions/regions-api.js';

type Person = { sex: 'L' | 'P'; birthDate: string } | null;

/** What the rules say about this applicant, from the NIK and the domicile chosen so far; documents come later. */
function PreCheck({
  track,
  person,
  villageCode,
}: {
  track: Program['tracks'][number];
  person: Person;
  villageCode: string | null;
}) {
  const { t } = useTranslation();
  const region = useRegion(track.residencyPrefix);
  if (!person || !villageCode) return null;
  const results = checkEligibility(
    { ...track, requiredDocuments: [] },
    { ...person, domicileVillageCode: villageCode },
    { today: new Date(), documents: [] },
  );
  if (results.length === 0) return null;
  const regionName = region.data?.name ?? track.residencyPrefix ?? '';
  return (
    <List spacing={2} size="sm" center>
      {results.map((r) => (
        <List.Item
          key={r.rule}
          icon={
            <ThemeIcon size={18} radius="xl" color={r.ok ? 'teal' : 'orange'}>
              {r.ok ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          {t(`registration.precheck.${r.rule as 'min_age' | 'max_age' | 'sex' | 'residency'}`, {
            min: track.minAge ?? 0,
            max: track.maxAge ?? 0,
            age: ageOn(person.birthDate, new Date()),
            sex: track.sex ? t(`programs.sex.${track.sex}`) : '',
            region: regionName,
          })}
        </List.Item>
      ))}
    </List>
  );
}

/** The program track the person applies to (optional), with its rules in words and a first check against them. */
export function TrackSelect({
  programs,
  value,
  onChange,
  error,
  person,
  villageCode,
}: {
  programs: Program[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  person: Person;
  villageCode: string | null;
}) {
  const { t } = useTranslation();
  const open = programs.filter((p) => p.active && p.tracks.length > 0);
  const data = open.map((p) => ({
    group: p.name,
    items: p.tracks.map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` })),
  }));
  const track = open.flatMap((p) => p.tracks).find((tr) => tr.id === value);

  return (
    <Stack gap="xs">
      <Select
        label={t('registration.track')}
        description={t('registration.trackHint')}
        placeholder={t('registration.noTrack')}
        clearable
        size="md"
        data={data}
        value={value}
        onChange={onChange}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {track ? (
        <Stack gap={4}>
          <Text size="sm" data-testid="track-rules">
            <Text span fw={500} size="sm">
              {t('registration.trackRules')}:{' '}
            </Text>
            <TrackRules track={track} />
          </Text>
          <PreCheck track={track} person={person} villageCode={villageCode} />
          {track.requiredDocuments.length ? (
            <Text size="xs" c="dimmed">
              {t('registration.documentsLater')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
