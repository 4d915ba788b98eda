import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { kbliCodes, searchKbli } from '../../../shared/kbli.js';

const data: ComboboxItem[] = kbliCodes.map((k) => ({ value: k.code, label: `${k.code} — ${k.title}` }));

/** A KBLI 2020 code from the curated list, found by code, title or everyday words ("kopi", "laundry"). */
export function KbliSelect(props: Omit<SelectProps, 'data' | 'filter' | 'searchable'>) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      clearable
      limit={50}
      nothingFoundMessage={t('participants.kbliNotFound')}
      data={data}
      filter={({ search }) => {
        const found = new Set(searchKbli(search).map((k) => k.code));
        return data.filter((d) => found.has(d.value));
      }}
      {...props}
    />
  );
}
