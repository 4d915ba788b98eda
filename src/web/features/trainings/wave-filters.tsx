import { Badge, Button, Collapse, Group, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waveStatuses } from '../../../shared/trainings.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useDistrictOptions } from '../participants/use-district-options.js';
import { useCourses, type WavesSearch } from './trainings-api.js';

/** Which waves: upcoming (the default), past or all; then course, kecamatan, status and a name search. */
export function WaveFilters({ search, onSearch }: { search: WavesSearch; onSearch: (next: WavesSearch) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<WavesSearch>) => onSearch({ ...search, ...patch, page: undefined });
  const courses = useCourses();
  const districts = useDistrictOptions();
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback((value: string) => set({ q: value || undefined }), 350);
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  // On a phone the three pickers fold away, so the first waves show without scrolling.
  const isMobile = useIsMobile();
  const chosen = [search.courseId, search.districtCode, search.status].filter(Boolean).length;
  const [more, { toggle }] = useDisclosure(chosen > 0);

  const pickers = (
    <>
      <Select
        label={t('trainings.course')}
        placeholder={t('common.all')}
        data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
        value={search.courseId ?? null}
        onChange={(v) => set({ courseId: v ?? undefined })}
        clearable
        searchable
      />
      <Select
        label={t('trainings.kecamatan')}
        placeholder={t('common.all')}
        data={districts.options}
        value={search.districtCode ?? null}
        onChange={(v) => set({ districtCode: v ?? undefined })}
        clearable
        searchable
      />
      <Select
        label={t('common.status')}
        placeholder={t('common.all')}
        data={waveStatuses.map((s) => ({ value: s, label: t(`trainings.waveStatus.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => set({ status: v ?? undefined })}
        clearable
      />
    </>
  );

  return (
    <>
      <SegmentedControl
        mb="sm"
        fullWidth
        maw={420}
        value={search.when ?? 'upcoming'}
        onChange={(v) => set({ when: v === 'upcoming' ? undefined : (v as 'past' | 'all') })}
        data={(['upcoming', 'past', 'all'] as const).map((w) => ({ value: w, label: t(`trainings.when.${w}`) }))}
        data-testid="wave-when"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" mb={isMobile ? 'xs' : 'md'}>
        <TextInput
          label={t('trainings.search')}
          placeholder={t('trainings.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value.trim());
          }}
        />
        {isMobile ? null : pickers}
      </SimpleGrid>
      {isMobile ? (
        <>
          <Collapse expanded={more}>
            <SimpleGrid cols={1} spacing="sm" mb="sm">
              {pickers}
            </SimpleGrid>
          </Collapse>
          <Group mb="sm">
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconAdjustmentsHorizontal size={14} />}
              rightSection={chosen ? <Badge size="xs">{chosen}</Badge> : null}
              onClick={toggle}
              aria-expanded={more}
            >
              {more ? t('trainings.fewerFilters') : t('trainings.moreFilters')}
            </Button>
          </Group>
        </>
      ) : null}
    </>
  );
}
