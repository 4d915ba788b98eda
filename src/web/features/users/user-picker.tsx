import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser, useUsers } from './users-api.js';

/** Choose one person by typing part of a name, email or phone number. */
export function UserPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const results = useUsers({ q: debounced || undefined });
  const selected = useUser(value ?? '');
  const options = new Map<string, string>();
  if (value && selected.data) options.set(value, selected.data.name);
  for (const u of results.data?.items ?? []) options.set(u.id, u.name);

  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      searchable
      clearable
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={t('users.noMatch')}
    />
  );
}
