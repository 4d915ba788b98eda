import { Group, Select, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconNotes, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useDistrictOptions } from '../participants/use-district-options.js';
import { CaseCards, CaseTable } from './caseload-list.js';
import type { CaseloadPageSearch } from './caseload-search.js';
import { CaseloadSummaryStrip } from './caseload-summary.js';
import { monthOf, todayWib } from './dates.js';
import { MentorMonthPanel } from './mentor-month.js';
import { caseloadPageSize, useCaseload, useMentorList } from './mentoring-api.js';
import { urgencies, urgencyGroupLabel } from './urgency-badge.js';

function CaseloadPanel({
  search,
  onSearch,
  overseer,
}: {
  search: CaseloadPageSearch;
  onSearch: (next: CaseloadPageSearch) => void;
  overseer: boolean;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canLog = useSession().can('mentoring.write');
  const { mentorUserId, districtCode, urgency, page } = search;
  const query = useCaseload({ mentorUserId, districtCode, urgency, page });
  const mentors = useMentorList({}, overseer);
  const districts = useDistrictOptions();
  const set = (patch: Partial<CaseloadPageSearch>) => onSearch({ ...search, ...patch, page: undefined });
  const filtered = Boolean(mentorUserId || districtCode || urgency);

  return (
    <Stack gap="md">
      {overseer ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('mentoring.filters.mentor')}
            placeholder={t('mentoring.filters.allMentors')}
            data={(mentors.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
            value={mentorUserId ?? null}
            onChange={(v) => set({ mentorUserId: v ?? undefined })}
            searchable
            clearable
          />
          {districts.options.length > 1 ? (
            <Select
              label={t('mentoring.filters.kecamatan')}
              placeholder={t('mentoring.filters.allKecamatan')}
              data={districts.options}
              value={districtCode ?? null}
              onChange={(v) => set({ districtCode: v ?? undefined })}
              searchable
              clearable
            />
          ) : null}
          <Select
            label={t('mentoring.filters.urgency')}
            placeholder={t('mentoring.filters.allUrgency')}
            data={urgencies.map((u) => ({ value: u, label: urgencyGroupLabel(u, t) }))}
            value={urgency ?? null}
            onChange={(v) => set({ urgency: urgencies.find((u) => u === v) })}
            clearable
          />
        </SimpleGrid>
      ) : null}
      {query.data ? (
        <CaseloadSummaryStrip summary={query.data.summary} active={urgency} onPick={(u) => set({ urgency: u })} />
      ) : null}
      {query.isLoading ? (
        <LoadingBlock />
      ) : query.isError || !query.data ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        filtered ? (
          <EmptyBlock title={t('mentoring.emptyFiltered')} />
        ) : (
          <EmptyBlock
            title={overseer ? t('mentoring.emptyCoordinator') : t('mentoring.emptyMentor')}
            description={overseer ? t('mentoring.emptyCoordinatorHint') : t('mentoring.emptyMentorHint')}
            action={
              overseer ? (
                <ButtonLink to="/participants" variant="light" size="sm">
                  {t('nav.participants')}
                </ButtonLink>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          {isMobile ? (
            <CaseCards items={query.data.items} showMentor={overseer} canLog={canLog} />
          ) : (
            <CaseTable items={query.data.items} showMentor={overseer} canLog={canLog} />
          )}
          <ListFooter
            page={page ?? 1}
            pageSize={caseloadPageSize}
            total={query.data.total}
            onPage={(p) => onSearch({ ...search, page: p > 1 ? p : undefined })}
          />
        </>
      )}
    </Stack>
  );
}

/**
 * The mentor's home: their members sorted by urgency. Coordinators and program admins (who manage mentoring) see
 * every mentor's members in their area, a mentor filter and each mentor's month.
 */
export function CaseloadPage({
  search,
  onSearch,
}: {
  search: CaseloadPageSearch;
  onSearch: (next: CaseloadPageSearch) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.can('mentoring.read')) return <NoAccess />;
  const overseer = session.can('mentoring.manage');
  const currentMonth = monthOf(todayWib());

  const links = (
    <Group gap="xs">
      {session.can('mentoring.write') ? (
        <ButtonLink to="/mentoring/log" size="xs" leftSection={<IconNotes size={14} />}>
          {t('mentoring.card.logSession')}
        </ButtonLink>
      ) : null}
      <ButtonLink to="/mentoring/clinic" variant="default" size="xs" leftSection={<IconCalendarEvent size={14} />}>
        {t('mentoring.toClinic')}
      </ButtonLink>
      {overseer ? (
        <ButtonLink to="/mentoring/mentors" variant="default" size="xs" leftSection={<IconUsersGroup size={14} />}>
          {t('mentoring.toMentors')}
        </ButtonLink>
      ) : null}
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('mentoring.title')}
        description={overseer ? t('mentoring.descriptionCoordinator') : t('mentoring.descriptionMentor')}
        actions={links}
      />
      {overseer ? (
        <Tabs
          value={search.tab ?? 'caseload'}
          onChange={(v) => onSearch({ ...search, tab: v === 'month' ? 'month' : undefined })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="caseload">{t('mentoring.tabs.caseload')}</Tabs.Tab>
            <Tabs.Tab value="month">{t('mentoring.tabs.month')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="caseload">
            <CaseloadPanel search={search} onSearch={onSearch} overseer />
          </Tabs.Panel>
          <Tabs.Panel value="month">
            <MentorMonthPanel
              month={search.month ?? currentMonth}
              currentMonth={currentMonth}
              districtCode={search.districtCode}
              onMonth={(m) => onSearch({ ...search, month: m === currentMonth ? undefined : m })}
            />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <CaseloadPanel search={search} onSearch={onSearch} overseer={false} />
      )}
    </>
  );
}
