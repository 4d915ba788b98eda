import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink, ButtonLink, CardLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useWaves, type WaveSummary, type WavesSearch, wavesPageSize } from './trainings-api.js';
import { WaveFilters } from './wave-filters.js';
import { useWaveWords, WaveStatusBadge } from './wave-words.js';

/** Enrolled against capacity as a bar, the waitlist beside it. */
export function SeatsBar({ wave }: { wave: Pick<WaveSummary, 'seatsTaken' | 'capacity' | 'waitlisted'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useWaveWords();
  const full = wave.seatsTaken >= wave.capacity;
  return (
    <Stack gap={2} miw={120}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" fw={500}>
          {words.seats(wave)}
        </Text>
        {wave.waitlisted ? (
          <Text size="xs" c="yellow.8">
            {t('trainings.waitlistN', { n: fmt.number(wave.waitlisted) })}
          </Text>
        ) : null}
      </Group>
      <Progress
        value={wave.capacity ? Math.min(100, (wave.seatsTaken / wave.capacity) * 100) : 0}
        color={full ? 'orange' : 'teal'}
        size="sm"
        aria-label={words.seats(wave)}
      />
    </Stack>
  );
}

function WavesTable({ items }: { items: WaveSummary[] }) {
  const { t } = useTranslation();
  const words = useWaveWords();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing={8} fz="sm" data-testid="waves-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trainings.col.wave')}</Table.Th>
            <Table.Th>{t('trainings.col.dates')}</Table.Th>
            <Table.Th>{t('trainings.col.place')}</Table.Th>
            <Table.Th>{t('trainings.col.trainer')}</Table.Th>
            <Table.Th>{t('trainings.col.seats')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((w) => (
            <Table.Tr
              key={w.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a, button')) return;
                void navigate({ to: '/trainings/waves/$id', params: { id: w.id } });
              }}
              data-testid="wave-row"
            >
              <Table.Td miw={200}>
                <AnchorLink to="/trainings/waves/$id" params={{ id: w.id }} fw={600} size="sm">
                  {w.name}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {w.course.title}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{words.dates(w)}</Table.Td>
              <Table.Td maw={220}>
                <Text size="sm" truncate>
                  {words.place(w)}
                </Text>
              </Table.Td>
              <Table.Td>{w.trainerName ?? '—'}</Table.Td>
              <Table.Td>
                <SeatsBar wave={w} />
              </Table.Td>
              <Table.Td>
                <WaveStatusBadge wave={w} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WaveCards({ items }: { items: WaveSummary[] }) {
  const words = useWaveWords();
  return (
    <Stack gap="sm" data-testid="waves-cards">
      {items.map((w) => (
        <CardLink
          key={w.id}
          withBorder
          padding="sm"
          to="/trainings/waves/$id"
          params={{ id: w.id }}
          data-testid="wave-row"
        >
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={0} miw={0}>
              <Text fw={600} truncate>
                {w.name}
              </Text>
              <Text size="sm" c="dimmed" truncate>
                {w.course.title}
              </Text>
            </Stack>
            <WaveStatusBadge wave={w} size="sm" />
          </Group>
          <Text size="sm" mt={4}>
            {words.dates(w)} · {words.place(w)}
          </Text>
          <SeatsBar wave={w} />
        </CardLink>
      ))}
    </Stack>
  );
}

/** The waves tab: filters kept in the URL, a table on desks and cards on phones. */
export function WavesList({ search, onSearch }: { search: WavesSearch; onSearch: (next: WavesSearch) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const query = useWaves(search);
  const filtered = !!(search.courseId || search.districtCode || search.status || search.q || search.when);
  return (
    <>
      <WaveFilters search={search} onSearch={onSearch} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('trainings.noMatch') : t('trainings.empty')}
          description={filtered ? t('trainings.noMatchHint') : t('trainings.emptyHint')}
          action={
            !filtered && session.can('trainings.manage') ? (
              <ButtonLink to="/trainings/waves/new" mt="md" leftSection={<IconPlus size={16} />}>
                {t('trainings.newWave')}
              </ButtonLink>
            ) : undefined
          }
        />
      ) : null}
      {query.data?.items.length ? (
        <>
          {isMobile ? <WaveCards items={query.data.items} /> : <WavesTable items={query.data.items} />}
          <ListFooter
            page={search.page ?? 1}
            pageSize={wavesPageSize}
            total={query.data.total}
            onPage={(page) => onSearch({ ...search, page: page > 1 ? page : undefined })}
          />
        </>
      ) : null}
    </>
  );
}
