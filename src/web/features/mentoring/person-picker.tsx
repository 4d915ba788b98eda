import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ListResponse } from '../../app/api.js';
import type { ParticipantRow } from '../participants/participant-types.js';

/**
 * Choose one member by typing part of a name, NIK, phone or business (the participant search, so only people in
 * the person's scope). `known` names a member already chosen elsewhere, so the field shows a name, not an id.
 */
export function PersonPicker({
  label,
  placeholder,
  value,
  onChange,
  known,
  error,
  required,
}: {
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (id: string | null, person: ParticipantRow | null) => void;
  known?: { id: string; name: string } | null;
  error?: string | null;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // The chosen option stays an option when the next search no longer finds it (the field shows its label).
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: ['participants', 'pick', debounced],
    queryFn: ({ signal }) =>
      api<ListResponse<ParticipantRow>>('/api/participants', { query: { q: debounced, pageSize: 10 }, signal }),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const rows = results.data?.items ?? [];
  const options = new Map<string, string>();
  if (value && known && known.id === value) options.set(value, known.name);
  if (value && chosen && chosen.id === value) options.set(value, chosen.label);
  for (const r of rows) {
    const place = [r.businesses[0]?.name, r.districtName].filter(Boolean).join(' · ');
    options.set(r.id, place ? `${r.fullName} — ${place}` : r.fullName);
  }

  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      required={required}
      value={value}
      error={error}
      onChange={(id) => {
        setChosen(id ? { id, label: options.get(id) ?? '' } : null);
        onChange(id, rows.find((r) => r.id === id) ?? null);
      }}
      onSearchChange={setSearch}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={debounced.length >= 2 && !results.isFetching ? t('mentoring.log.noMembers') : undefined}
      data-testid="person-picker"
    />
  );
}
