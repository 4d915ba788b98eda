import { Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { AnchorLink, CardLink } from '../../app/ui/links.js';
import type { ParticipantRow } from './participant-types.js';
import type { ParticipantSort } from './participants-search.js';
import { StageDots } from './stage-dots.js';
import { PersonStatusBadge } from './status-badges.js';

export type Selection = {
  ids: Set<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
};

function BusinessCell({ row }: { row: ParticipantRow }) {
  const [first, ...rest] = row.businesses;
  if (!first) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" truncate maw={140} title={row.businesses.map((b) => b.name).join(', ')}>
        {first.name}
      </Text>
      {rest.length ? (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          +{rest.length}
        </Text>
      ) : null}
    </Group>
  );
}

function SortHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: 'name' | 'birthDate' | 'createdAt';
  sort: ParticipantSort;
  onSort: (s: ParticipantSort) => void;
}) {
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const Icon = active ? (desc ? IconArrowDown : IconArrowUp) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort((active && !desc ? `-${field}` : field) as ParticipantSort)}
        fz="sm"
        fw={700}
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Desk: a dense table; a row opens the member page. */
export function ParticipantsTable({
  items,
  selection,
  sort,
  onSort,
}: {
  items: ParticipantRow[];
  selection?: Selection;
  sort: ParticipantSort;
  onSort: (s: ParticipantSort) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const ids = items.map((r) => r.id);
  const selectedHere = selection ? ids.filter((id) => selection.ids.has(id)).length : 0;
  // Age sorts by birth date, reversed: the youngest have the latest birth dates.
  const ageSort = (s: ParticipantSort) =>
    onSort(s === 'birthDate' ? '-birthDate' : s === '-birthDate' ? 'birthDate' : s);
  const ageShown: ParticipantSort = sort === 'birthDate' ? '-birthDate' : sort === '-birthDate' ? 'birthDate' : sort;

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing={6} horizontalSpacing={6} fz="sm" data-testid="participants-table">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('participants.selectAll')}
                  checked={selectedHere > 0 && selectedHere === ids.length}
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  onChange={(e) => selection.setAll(ids, e.currentTarget.checked)}
                />
              </Table.Th>
            ) : null}
            <Table.Th>{t('participants.col.nik')}</Table.Th>
            <SortHeader label={t('participants.col.name')} field="name" sort={sort} onSort={onSort} />
            <Table.Th>{t('participants.col.sex')}</Table.Th>
            <SortHeader label={t('participants.col.age')} field="birthDate" sort={ageShown} onSort={ageSort} />
            <Table.Th>{t('participants.col.region')}</Table.Th>
            <Table.Th>{t('participants.col.business')}</Table.Th>
            <Table.Th>{t('participants.col.stages')}</Table.Th>
            <Table.Th>{t('participants.col.status')}</Table.Th>
            <SortHeader label={t('participants.col.registered')} field="createdAt" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr
              key={r.id}
              style={{ cursor: 'pointer' }}
              bg={selection?.ids.has(r.id) ? 'var(--mantine-primary-color-light)' : undefined}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a, button, input, label')) return;
                void navigate({ to: '/participants/$id', params: { id: r.id } });
              }}
              data-testid="participant-row"
            >
              {selection ? (
                <Table.Td>
                  <Checkbox
                    aria-label={t('participants.selectRow', { name: r.fullName })}
                    checked={selection.ids.has(r.id)}
                    onChange={() => selection.toggle(r.id)}
                  />
                </Table.Td>
              ) : null}
              <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                {r.nikMasked}
              </Table.Td>
              <Table.Td miw={150}>
                <AnchorLink to="/participants/$id" params={{ id: r.id }} fw={500} size="sm">
                  {r.fullName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{t(`participants.sexShort.${r.sex}`)}</Table.Td>
              <Table.Td>{r.age}</Table.Td>
              <Table.Td data-testid="cell-region">
                <Text size="sm" lh={1.2}>
                  {r.districtName ?? '—'}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {r.villageName ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <BusinessCell row={r} />
              </Table.Td>
              <Table.Td>
                <StageDots value={r.stages} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <PersonStatusBadge status={r.status} size="sm" w="max-content" />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phone: one card per person, big enough to tap. */
export function ParticipantCards({ items, selection }: { items: ParticipantRow[]; selection?: Selection }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="participants-cards">
      {items.map((r) => (
        <Group key={r.id} gap="xs" wrap="nowrap" align="stretch">
          {selection ? (
            <Checkbox
              mt="md"
              aria-label={t('participants.selectRow', { name: r.fullName })}
              checked={selection.ids.has(r.id)}
              onChange={() => selection.toggle(r.id)}
            />
          ) : null}
          <CardLink
            withBorder
            padding="sm"
            to="/participants/$id"
            params={{ id: r.id }}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="participant-row"
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} truncate>
                {r.fullName}
              </Text>
              <PersonStatusBadge status={r.status} size="sm" />
            </Group>
            <Text size="sm" c="dimmed" data-testid="cell-region">
              {t(`participants.sexShort.${r.sex}`)} · {t('participants.ageYears', { n: r.age })} · {r.districtName}
              {r.villageName ? `, ${r.villageName}` : ''}
            </Text>
            <Group justify="space-between" wrap="nowrap" mt={4} gap="xs">
              <Text size="sm" truncate>
                {r.businesses[0]?.name ?? '—'}
                {r.businesses.length > 1 ? ` +${r.businesses.length - 1}` : ''}
              </Text>
              <StageDots value={r.stages} />
            </Group>
          </CardLink>
        </Group>
      ))}
    </Stack>
  );
}
