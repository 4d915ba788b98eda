import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLevels } from '../../../shared/regions.js';
import { regionSelectable, regionVisible, useRegionChildren } from './regions-api.js';

export type RegionLevelNumber = 1 | 2 | 3 | 4;

/** One step of the cascade (province, kab/kota, kecamatan or kelurahan), listing the children of `parent`. */
export function RegionLevelSelect({
  level,
  parent,
  selected,
  within,
  disabled,
  onSelect,
}: {
  level: RegionLevelNumber;
  parent: string | null;
  selected: string | null;
  within: string[] | undefined;
  disabled?: boolean;
  onSelect: (level: RegionLevelNumber, code: string | null) => void;
}) {
  const { t } = useTranslation();
  const enabled = level === 1 || parent !== null;
  const query = useRegionChildren(level === 1 ? null : parent, enabled);
  // Without a parent this level has nothing to list (the provinces query shares the null key).
  const options = enabled ? (query.data ?? []).filter((r) => regionVisible(r.code, within)) : [];
  // A person limited to one area gets the levels above it filled in and fixed.
  const onlyAncestor = options.length === 1 && !regionSelectable(options[0].code, within) ? options[0].code : null;

  useEffect(() => {
    if (onlyAncestor && selected !== onlyAncestor) onSelect(level, onlyAncestor);
  }, [onlyAncestor, selected, level, onSelect]);

  return (
    <Select
      label={t(`regions.level.${regionLevels[level]}`)}
      placeholder={!enabled ? t('regions.chooseAbove') : query.isLoading ? t('common.loading') : t('regions.choose')}
      data={options.map((r) => ({ value: r.code, label: r.name }))}
      value={selected}
      onChange={(code) => onSelect(level, code)}
      searchable
      clearable={onlyAncestor === null}
      readOnly={onlyAncestor !== null}
      variant={onlyAncestor !== null ? 'filled' : 'default'}
      rightSection={onlyAncestor !== null ? <span /> : undefined}
      disabled={disabled || !enabled}
      nothingFoundMessage={t('regions.noResults')}
      error={query.isError ? t('regions.loadFailed') : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
