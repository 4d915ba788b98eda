import { Badge, Button, Collapse, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personStatuses, stageStatuses, stages } from '../../../shared/participants.js';
import { useSession } from '../../app/session.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useRegionChildren } from '../regions/regions-api.js';
import { KbliSelect } from './kbli-select.js';
import { useMentors, useProgramsWithTracks } from './participants-api.js';
import { ageBands, type ParticipantsSearch } from './participants-search.js';
import { useStageName } from './status-badges.js';
import { useDistrictOptions } from './use-district-options.js';

const secondaryKeys = [
  'programId',
  'trackId',
  'stage',
  'stageStatus',
  'sex',
  'ageMin',
  'ageMax',
  'kbli',
  'mentorId',
] as const;

/** The mentors to filter by: all of the operator's for those who may read users, else "my caseload". */
function useMentorOptions() {
  const { t } = useTranslation();
  const session = useSession();
  const canList = session.can('users.read');
  const operatorId = session.grants.find((g) => g.operatorId)?.operatorId ?? undefined;
  const mentors = useMentors(operatorId, canList);
  if (canList) return (mentors.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (session.grants.some((g) => g.role === 'mentor'))
    return [{ value: session.user.id, label: t('participants.mine') }];
  return [];
}

export function ParticipantsFilters({
  search,
  onSearch,
  aside,
}: {
  search: ParticipantsSearch;
  onSearch: (next: ParticipantsSearch) => void;
  /** Shown at the end of the filter toggles' row (the sort control). */
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const stageName = useStageName();
  const set = (patch: Partial<ParticipantsSearch>) => onSearch({ ...search, ...patch, page: undefined });
  const isMobile = useIsMobile();
  // On a phone everything but the search box folds away, so the first people show without scrolling.
  const folded = isMobile ? ([...secondaryKeys, 'kecamatan', 'kelurahan', 'status'] as const) : secondaryKeys;
  // An age band is one filter, though it travels as ageMin and ageMax.
  const secondaryCount = folded.filter(
    (k) => search[k] !== undefined && !(k === 'ageMax' && search.ageMin !== undefined),
  ).length;
  const [more, { toggle }] = useDisclosure(secondaryCount > 0);

  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback((value: string) => set({ q: value || undefined }), 350);
  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const districts = useDistrictOptions();
  // A coordinator of one kecamatan picks villages straight away.
  const kecamatan = search.kecamatan ?? (districts.options.length === 1 ? districts.options[0].value : undefined);
  const villages = useRegionChildren(kecamatan ?? null, !!kecamatan);
  const programs = useProgramsWithTracks(session.can('programs.read'));
  const program = programs.data?.items.find((p) => p.id === search.programId);
  const mentorOptions = useMentorOptions();
  const band = ageBands.find((b) => b.min === search.ageMin && b.max === search.ageMax)?.key ?? null;

  const primary = (
    <>
      <Select
        label={t('participants.kecamatan')}
        placeholder={t('common.all')}
        data={districts.options}
        value={search.kecamatan ?? null}
        onChange={(v) => set({ kecamatan: v ?? undefined, kelurahan: undefined })}
        clearable
        searchable
        data-testid="filter-kecamatan"
      />
      <Select
        label={t('participants.kelurahan')}
        placeholder={kecamatan ? t('common.all') : t('participants.pickKecamatanFirst')}
        data={(villages.data ?? []).map((v) => ({ value: v.code, label: v.name }))}
        value={search.kelurahan ?? null}
        onChange={(v) => set({ kelurahan: v ?? undefined })}
        disabled={!kecamatan}
        clearable
        searchable
      />
      <Select
        label={t('participants.status')}
        placeholder={t('common.all')}
        data={personStatuses.map((s) => ({ value: s, label: t(`participants.personStatus.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => set({ status: v ?? undefined })}
        clearable
      />
    </>
  );

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('participants.search')}
          placeholder={t('participants.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value.trim());
          }}
          data-testid="participants-search"
        />
        {isMobile ? null : primary}
      </SimpleGrid>
      <Collapse expanded={more}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" mt="sm">
          {isMobile ? primary : null}
          {session.can('programs.read') ? (
            <>
              <Select
                label={t('participants.program')}
                placeholder={t('common.all')}
                data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                value={search.programId ?? null}
                onChange={(v) => set({ programId: v ?? undefined, trackId: undefined })}
                clearable
                searchable
              />
              <Select
                label={t('participants.track')}
                placeholder={program ? t('common.all') : t('participants.pickProgramFirst')}
                data={(program?.tracks ?? []).map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` }))}
                value={search.trackId ?? null}
                onChange={(v) => set({ trackId: v ?? undefined })}
                disabled={!program}
                clearable
              />
            </>
          ) : null}
          <Select
            label={t('participants.stage')}
            placeholder={t('common.all')}
            data={stages.map((s) => ({ value: String(s.no), label: `${s.no}. ${stageName(s.no)}` }))}
            value={search.stage ? String(search.stage) : null}
            onChange={(v) => set({ stage: v ? Number(v) : undefined, stageStatus: v ? search.stageStatus : undefined })}
            clearable
          />
          <Select
            label={t('participants.stageStatusLabel')}
            placeholder={search.stage ? t('common.all') : t('participants.pickStageFirst')}
            data={stageStatuses.map((s) => ({ value: s, label: t(`participants.stageStatus.${s}`) }))}
            value={search.stageStatus ?? null}
            onChange={(v) => set({ stageStatus: v ?? undefined })}
            disabled={!search.stage}
            clearable
          />
          <Select
            label={t('participants.sex')}
            placeholder={t('common.all')}
            data={(['L', 'P'] as const).map((s) => ({ value: s, label: t(`participants.sexLong.${s}`) }))}
            value={search.sex ?? null}
            onChange={(v) => set({ sex: (v as 'L' | 'P' | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('participants.age')}
            placeholder={t('common.all')}
            data={ageBands.map((b) => ({ value: b.key, label: t(`participants.ages.${b.key}`) }))}
            value={band}
            onChange={(v) => {
              const b = ageBands.find((x) => x.key === v);
              set({ ageMin: b?.min, ageMax: b?.max });
            }}
            clearable
          />
          <KbliSelect
            label={t('participants.kbli')}
            placeholder={t('common.all')}
            value={search.kbli ?? null}
            onChange={(v) => set({ kbli: v ?? undefined })}
          />
          {mentorOptions.length ? (
            <Select
              label={t('participants.mentor')}
              placeholder={t('common.all')}
              data={mentorOptions}
              value={search.mentorId ?? null}
              onChange={(v) => set({ mentorId: v ?? undefined })}
              clearable
              searchable
            />
          ) : null}
        </SimpleGrid>
      </Collapse>
      <Group mt="xs" gap="xs" justify="space-between">
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconAdjustmentsHorizontal size={14} />}
            rightSection={secondaryCount ? <Badge size="xs">{secondaryCount}</Badge> : null}
            onClick={toggle}
            aria-expanded={more}
          >
            {more ? t('participants.fewerFilters') : t('participants.moreFilters')}
          </Button>
          {Object.entries(search).some(([k, v]) => k !== 'page' && k !== 'sort' && v !== undefined) ? (
            <Button size="xs" variant="subtle" color="gray" onClick={() => onSearch({ sort: search.sort })}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>
        {aside}
      </Group>
    </>
  );
}
