import { Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { JsonBlock } from '../../app/ui/json-block.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { JobProgress, JobStatusBadge } from './job-status.js';
import { useJob } from './jobs-api.js';

export function JobDrawer({ jobId, onClose }: { jobId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isMobile = useIsMobile();
  const query = useJob(jobId);
  const job = query.data;

  return (
    <Drawer
      opened={jobId !== null}
      onClose={onClose}
      position={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '90%' : 'lg'}
      title={t('jobs.detail')}
    >
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {job ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{job.queue}</Text>
            <JobStatusBadge status={job.status} />
          </Group>
          <JobProgress job={job} />
          {job.message ? <Text size="sm">{job.message}</Text> : null}
          <Text size="sm" c="dimmed">
            {t('jobs.createdAt')}: {fmt.dateTime(job.createdAt)} · {t('jobs.startedAt')}: {fmt.dateTime(job.startedAt)}{' '}
            · {t('jobs.finishedAt')}: {fmt.dateTime(job.finishedAt)}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {job.id}
          </Text>
          {job.error ? (
            <>
              <Title order={5} c="red.8">
                {t('jobs.error')}
              </Title>
              <JsonBlock value={job.error} />
            </>
          ) : null}
          <Title order={5}>{t('jobs.result')}</Title>
          {job.result === null || job.result === undefined ? (
            <Text size="sm" c="dimmed">
              {t('jobs.noResult')}
            </Text>
          ) : (
            <JsonBlock value={job.result} />
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
