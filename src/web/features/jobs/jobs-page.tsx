import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { JobDrawer } from './job-drawer.js';
import { JobProgress, JobStatusBadge } from './job-status.js';
import { type Job, jobsPageSize, useJobs } from './jobs-api.js';

function JobCards({ items, onOpen }: { items: Job[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm">
      {items.map((j) => (
        <Card key={j.id} withBorder padding="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{j.queue}</Text>
              <JobStatusBadge status={j.status} />
            </Group>
            <JobProgress job={j} />
            {j.message ? <Text size="sm">{j.message}</Text> : null}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {fmt.dateTime(j.createdAt)}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => onOpen(j.id)}>
                {t('jobs.details')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function JobTable({ items, onOpen }: { items: Job[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('jobs.queue')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th w={200}>{t('jobs.progress')}</Table.Th>
            <Table.Th>{t('jobs.message')}</Table.Th>
            <Table.Th>{t('jobs.createdAt')}</Table.Th>
            <Table.Th>{t('jobs.finishedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td fw={500}>{j.queue}</Table.Td>
              <Table.Td>
                <JobStatusBadge status={j.status} />
              </Table.Td>
              <Table.Td>
                <JobProgress job={j} />
              </Table.Td>
              <Table.Td>{j.message ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(j.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(j.finishedAt)}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="light" onClick={() => onOpen(j.id)}>
                  {t('jobs.details')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function JobsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = useJobs(page, session.can('jobs.read'));

  if (!session.can('jobs.read')) return <NoAccess />;

  return (
    <>
      <PageHeader title={t('nav.jobs')} description={t('jobs.description')} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock title={t('jobs.empty')} description={t('jobs.emptyHint')} />
      ) : null}
      {query.data?.items.length ? (
        <>
          {isMobile ? (
            <JobCards items={query.data.items} onOpen={setOpenId} />
          ) : (
            <JobTable items={query.data.items} onOpen={setOpenId} />
          )}
          <ListFooter page={page} pageSize={jobsPageSize} total={query.data.total} onPage={setPage} />
        </>
      ) : null}
      <JobDrawer jobId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
