import { Autocomplete, Button, Group, Select, SimpleGrid } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';
import { UserPicker } from '../users/user-picker.js';
import type { AuditSearch } from './audit-search.js';

const knownEntities = ['user', 'role_assignment', 'operator', 'center', 'file'];
const knownActions = ['create', 'update', 'delete', 'sign_in', 'sign_out', 'view_nik', 'export'];

/** Free text that updates the URL a moment after typing stops. */
function useDebouncedText(value: string | undefined, push: (v: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedCallback((v: string) => push(v.trim() || undefined), 350);
  useEffect(() => setText(value ?? ''), [value]);
  return {
    value: text,
    onChange: (v: string) => {
      setText(v);
      debounced(v);
    },
  };
}

export function AuditFilters({ search, onSearch }: { search: AuditSearch; onSearch: (next: AuditSearch) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const operators = useOperators(session.can('operators.read'));
  const set = (patch: Partial<AuditSearch>) => onSearch({ ...search, ...patch, page: undefined });
  const entity = useDebouncedText(search.entity, (v) => set({ entity: v }));
  const action = useDebouncedText(search.action, (v) => set({ action: v }));
  const operatorOptions = (operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const [range, setRange] = useState<[string | null, string | null]>([search.from ?? null, search.to ?? null]);
  useEffect(() => setRange([search.from ?? null, search.to ?? null]), [search.from, search.to]);
  const any = Object.entries(search).some(([k, v]) => k !== 'page' && v !== undefined);

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Autocomplete label={t('audit.entity')} placeholder={t('common.all')} data={knownEntities} {...entity} />
        <Autocomplete label={t('audit.action')} placeholder={t('common.all')} data={knownActions} {...action} />
        {session.can('users.read') ? (
          <UserPicker
            label={t('audit.actor')}
            value={search.actorId ?? null}
            onChange={(v) => set({ actorId: v ?? undefined })}
          />
        ) : null}
        {operatorOptions.length > 1 ? (
          <Select
            label={t('audit.operator')}
            placeholder={t('common.all')}
            data={operatorOptions}
            value={search.operatorId ?? null}
            onChange={(v) => set({ operatorId: v ?? undefined })}
            clearable
            searchable
          />
        ) : null}
        <DatePickerInput
          type="range"
          label={t('audit.dateRange')}
          placeholder={t('audit.anyDate')}
          valueFormat="D MMM YYYY"
          clearable
          allowSingleDateInRange
          value={range}
          onChange={([from, to]) => {
            setRange([from, to]);
            // A range is sent once both ends are picked, or when it is cleared.
            if (from && to) set({ from, to });
            else if (!from && !to) set({ from: undefined, to: undefined });
          }}
        />
      </SimpleGrid>
      {any ? (
        <Group mt="xs">
          <Button size="xs" variant="subtle" onClick={() => onSearch({})}>
            {t('common.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
