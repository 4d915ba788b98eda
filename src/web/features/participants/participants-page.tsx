import { Select, Space } from '@mantine/core';
import { IconArrowsSort, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { ExportMenu } from '../exports/export-menu.js';
import { BulkBar } from './bulk-bar.js';
import { participantsPageSize, useParticipants } from './participants-api.js';
import { ParticipantsFilters } from './participants-filters.js';
import {
  filtersOf,
  hasFilters,
  type ParticipantSort,
  type ParticipantsSearch,
  participantSorts,
} from './participants-search.js';
import { ParticipantCards, ParticipantsTable, type Selection } from './participants-table.js';
import { SavedFiltersMenu } from './saved-filters-menu.js';

function useSelection(): Selection & { clear: () => void } {
  const [ids, setIds] = useState<Set<string>>(new Set());
  return {
    ids,
    toggle: (id) =>
      setIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (list, on) =>
      setIds((prev) => {
        const next = new Set(prev);
        for (const id of list) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    clear: () => setIds(new Set()),
  };
}

/** Everyone registered in the person's area: search, filter, sort, all kept in the URL. */
export function ParticipantsPage({
  search,
  onSearch,
}: {
  search: ParticipantsSearch;
  onSearch: (next: ParticipantsSearch) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const allowed = session.can('participants.read');
  const query = useParticipants(search, allowed);
  const selection = useSelection();
  // Ticks survive paging, not a new filter: a bulk action must never reach people no longer on screen.
  const filterKey = JSON.stringify(filtersOf(search));
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear when the filters change
  useEffect(() => selection.clear(), [filterKey]);

  if (!allowed) return <NoAccess />;
  const canWrite = session.can('participants.write');
  // Trainers tick people only to enroll them in a wave.
  const canSelect = canWrite || session.can('trainings.enroll');
  const filtered = hasFilters(search);
  const sort: ParticipantSort = search.sort ?? '-createdAt';
  const setSort = (s: ParticipantSort) =>
    onSearch({ ...search, sort: s === '-createdAt' ? undefined : s, page: undefined });

  return (
    <>
      <PageHeader
        title={t('nav.participants')}
        description={t('participants.description')}
        actions={
          <>
            <SavedFiltersMenu search={search} onSearch={onSearch} />
            {session.can('participants.export') ? (
              <ExportMenu filters={filtersOf(search)} total={query.data?.total} />
            ) : null}
            {canWrite ? (
              <ButtonLink to="/participants/new" leftSection={<IconUserPlus size={16} />}>
                {t('participants.register')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <ParticipantsFilters
        search={search}
        onSearch={onSearch}
        aside={
          <Select
            size="xs"
            w={190}
            aria-label={t('participants.sort')}
            leftSection={<IconArrowsSort size={14} />}
            data={participantSorts.map((s) => ({ value: s, label: t(`participants.sorts.${s}`) }))}
            value={sort}
            onChange={(v) => v && setSort(v as ParticipantSort)}
            allowDeselect={false}
          />
        }
      />
      <Space h="sm" />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('participants.noMatch') : t('participants.empty')}
          description={filtered ? t('participants.noMatchHint') : t('participants.emptyHint')}
          action={
            !filtered && canWrite ? (
              <ButtonLink to="/participants/new" mt="md" leftSection={<IconUserPlus size={16} />}>
                {t('participants.register')}
              </ButtonLink>
            ) : undefined
          }
        />
      ) : null}
      {query.data?.items.length ? (
        <>
          {isMobile ? (
            <ParticipantCards items={query.data.items} selection={canSelect ? selection : undefined} />
          ) : (
            <ParticipantsTable
              items={query.data.items}
              selection={canSelect ? selection : undefined}
              sort={sort}
              onSort={setSort}
            />
          )}
          <ListFooter
            page={search.page ?? 1}
            pageSize={participantsPageSize}
            total={query.data.total}
            totalCapped={query.data.totalCapped}
            onPage={(page) => onSearch({ ...search, page: page > 1 ? page : undefined })}
          />
        </>
      ) : null}
      {canSelect ? <BulkBar ids={[...selection.ids]} onClear={selection.clear} /> : null}
      {/* Room under the list so the floating bulk bar never covers the pagination. */}
      {selection.ids.size > 0 ? <Space h={96} /> : null}
    </>
  );
}
