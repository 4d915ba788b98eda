import { type ComboboxItem, type OptionsFilter, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findKbli, kbliCodes, searchKbli } from '../../../shared/kbli.js';

const data: ComboboxItem[] = kbliCodes.map((e) => ({ value: e.code, label: `${e.code} — ${e.title}` }));
const byCode = new Map(data.map((o) => [o.value, o]));

// The shared search: code prefixes ("107") and words of the title or of everyday names ("kopi", "laundry").
const filter: OptionsFilter = ({ search, limit }) =>
  searchKbli(search)
    .slice(0, limit)
    .map((e) => byCode.get(e.code))
    .filter((o): o is ComboboxItem => !!o);

/** A KBLI 2020 code from the curated list, found by number or by everyday words; shows "10710 — Industri…". */
export function KbliSelect({
  value,
  onChange,
  error,
  onBlur,
  onFocus,
}: {
  value?: string | null;
  onChange: (code: string | null) => void;
  error?: ReactNode;
  onBlur?: () => void;
  onFocus?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('kbli.label')}
      description={t('kbli.hint')}
      placeholder={t('kbli.placeholder')}
      searchable
      clearable
      data={data}
      filter={filter}
      limit={40}
      value={value ?? null}
      onChange={onChange}
      onBlur={onBlur}
      onFocus={onFocus}
      error={error}
      size="md"
      nothingFoundMessage={t('kbli.noResults')}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const entry = findKbli(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {entry ? (
              <Text size="xs" c="dimmed">
                {t(`kbli.sectors.${entry.sector}`)}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
