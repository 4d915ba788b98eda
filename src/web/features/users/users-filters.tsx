import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../shared/access.js';
import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';
import type { UsersSearch } from './users-search.js';

export function UsersFilters({ search, onSearch }: { search: UsersSearch; onSearch: (next: UsersSearch) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const operators = useOperators(session.can('operators.read'));
  const [q, setQ] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback(
    (value: string) => onSearch({ ...search, q: value || undefined, page: undefined }),
    350,
  );

  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const operatorOptions = (operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
      <TextInput
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value.trim());
        }}
      />
      {operatorOptions.length > 1 ? (
        <Select
          label={t('users.operator')}
          placeholder={t('common.all')}
          data={operatorOptions}
          value={search.operatorId ?? null}
          onChange={(v) => onSearch({ ...search, operatorId: v ?? undefined, page: undefined })}
          clearable
          searchable
        />
      ) : null}
      <Select
        label={t('users.role')}
        placeholder={t('common.all')}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={search.role ?? null}
        onChange={(v) => onSearch({ ...search, role: v ?? undefined, page: undefined })}
        clearable
      />
    </SimpleGrid>
  );
}
