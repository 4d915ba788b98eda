import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLevels } from '../../../shared/regions.js';
import type { RegionLevelNumber } from './region-level-select.js';
import { regionSelectable, useRegionSearch } from './regions-api.js';

/** Type a name ("sawangan"), pick a hit, and the cascade jumps to it. */
export function RegionSearch({
  within,
  maxLevel,
  disabled,
  onPick,
}: {
  within: string[] | undefined;
  maxLevel: RegionLevelNumber;
  disabled?: boolean;
  onPick: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const query = useRegionSearch(debounced, within);
  const hits = (query.data?.items ?? []).filter((r) => r.level <= maxLevel && regionSelectable(r.code, within));
  const data = hits.map((r) => ({
    value: r.code,
    label: `${r.name} · ${t(`regions.level.${regionLevels[r.level as RegionLevelNumber]}`)} · ${r.code}`,
  }));

  return (
    <Select
      label={t('regions.search')}
      placeholder={t('regions.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      searchable
      disabled={disabled}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      onChange={(code) => {
        if (!code) return;
        onPick(code);
        setSearch('');
      }}
      nothingFoundMessage={
        debounced.trim().length < 2
          ? t('regions.typeToSearch')
          : query.isFetching
            ? t('common.loading')
            : t('regions.noResults')
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}
