import { Badge, Button, Card, Group, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SelectionStatus, selectionTransitions } from '../../../shared/participants.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { type Decision, DecisionModal } from './decision-modal.js';
import type { TrackEnrollment } from './participant-types.js';
import { useProgramsWithTracks } from './participants-api.js';
import { selectionPageSize, useSelectionCounts, useTrackEnrollments } from './selection-api.js';
import { type SelectionSearch, selectionTabs } from './selection-search.js';
import { EligibilitySummary, selectionColor } from './status-badges.js';

type Decided = Exclude<SelectionStatus, 'applicant'>;

function NextSteps({ row, onDecide }: { row: TrackEnrollment; onDecide: (d: Decision) => void }) {
  const { t } = useTranslation();
  const next = selectionTransitions[row.status] as readonly Decided[];
  if (next.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('selection.final')}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {next.map((to) => (
        <Button
          key={to}
          size="compact-xs"
          variant={to === 'rejected' ? 'subtle' : 'light'}
          color={selectionColor[to]}
          onClick={() => onDecide({ enrollment: row, to })}
        >
          {t(`selection.actions.${to}`)}
        </Button>
      ))}
    </Group>
  );
}

function Applicants({ items, onDecide }: { items: TrackEnrollment[]; onDecide: (d: Decision) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isMobile = useIsMobile();
  const name = (r: TrackEnrollment) => (
    <AnchorLink to="/participants/$id" params={{ id: r.person.id }} fw={500} size="sm">
      {r.person.fullName}
    </AnchorLink>
  );
  if (isMobile)
    return (
      <Stack gap="sm">
        {items.map((r) => (
          <Card key={r.id} withBorder padding="sm" data-testid="applicant-row">
            <Group justify="space-between" wrap="nowrap">
              {name(r)}
              <EligibilitySummary items={r.eligibility} />
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {r.person.nikMasked} · {r.person.districtName} · {fmt.date(r.createdAt)}
            </Text>
            <NextSteps row={r} onDecide={onDecide} />
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selection.person')}</Table.Th>
            <Table.Th>{t('participants.col.nik')}</Table.Th>
            <Table.Th>{t('participants.kecamatan')}</Table.Th>
            <Table.Th>{t('selection.eligibility')}</Table.Th>
            <Table.Th>{t('selection.applied')}</Table.Th>
            <Table.Th>{t('selection.nextSteps')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="applicant-row">
              <Table.Td>{name(r)}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {r.person.nikMasked}
              </Table.Td>
              <Table.Td>{r.person.districtName}</Table.Td>
              <Table.Td>
                <EligibilitySummary items={r.eligibility} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.createdAt)}</Table.Td>
              <Table.Td>
                <NextSteps row={r} onDecide={onDecide} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Applicant review per track: a tab per selection status with its count, and the allowed next steps per row. */
export function SelectionPage({
  search,
  onSearch,
}: {
  search: SelectionSearch;
  onSearch: (next: SelectionSearch) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const allowed = session.can('participants.write') && session.can('programs.read');
  const programs = useProgramsWithTracks(allowed);
  const status = search.status ?? 'applicant';
  const page = search.page ?? 1;
  const list = useTrackEnrollments(allowed ? search.trackId : undefined, status, page);
  const counts = useSelectionCounts(allowed ? search.trackId : undefined, selectionTabs);
  const [decision, setDecision] = useState<Decision | null>(null);

  if (!allowed) return <NoAccess />;
  const groups = (programs.data?.items ?? []).map((p) => ({
    group: p.name,
    items: p.tracks.map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` })),
  }));
  const track = programs.data?.items.flatMap((p) => p.tracks).find((tr) => tr.id === search.trackId);

  return (
    <>
      <PageHeader title={t('nav.selection')} description={t('selection.description')} />
      <Group align="flex-end" gap="md" mb="md">
        <Select
          label={t('selection.track')}
          placeholder={programs.isLoading ? t('common.loading') : t('selection.trackPlaceholder')}
          data={groups}
          value={search.trackId ?? null}
          onChange={(v) => onSearch({ trackId: v ?? undefined })}
          searchable
          w={{ base: '100%', sm: 420 }}
          nothingFoundMessage={t('selection.noPrograms')}
          data-testid="selection-track"
        />
        {track?.quota ? (
          <Text size="sm" c="dimmed" pb={6}>
            {t('selection.quota', { accepted: fmt.number(counts.accepted ?? 0), quota: fmt.number(track.quota) })}
          </Text>
        ) : null}
      </Group>
      {programs.isError ? <ErrorBlock error={programs.error} onRetry={() => void programs.refetch()} /> : null}
      {programs.data && groups.length === 0 ? <EmptyBlock title={t('selection.noPrograms')} /> : null}
      {!search.trackId && groups.length > 0 ? <EmptyBlock title={t('selection.pickTrack')} /> : null}
      {search.trackId ? (
        <Tabs
          value={status}
          onChange={(v) => onSearch({ trackId: search.trackId, status: (v as SelectionStatus) ?? undefined })}
        >
          <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }} mb="md">
            {selectionTabs.map((s) => (
              <Tabs.Tab
                key={s}
                value={s}
                style={{ flexShrink: 0 }}
                rightSection={
                  <Badge size="sm" variant="light" color={selectionColor[s]}>
                    {counts[s] === undefined ? '…' : fmt.number(counts[s])}
                  </Badge>
                }
              >
                {t(`participants.selectionStatus.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {list.isLoading ? <LoadingBlock /> : null}
          {list.isError ? <ErrorBlock error={list.error} onRetry={() => void list.refetch()} /> : null}
          {list.data && list.data.items.length === 0 ? <EmptyBlock title={t('selection.empty')} /> : null}
          {list.data?.items.length ? (
            <>
              <Applicants items={list.data.items} onDecide={setDecision} />
              <ListFooter
                page={page}
                pageSize={selectionPageSize}
                total={list.data.total}
                onPage={(p) => onSearch({ ...search, page: p > 1 ? p : undefined })}
              />
            </>
          ) : null}
        </Tabs>
      ) : null}
      <DecisionModal decision={decision} onClose={() => setDecision(null)} />
    </>
  );
}
