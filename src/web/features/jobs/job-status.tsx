import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { type Job, type JobStatus, jobPercent } from './jobs-api.js';

const statusColor: Record<JobStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor[status] ?? 'gray'}
      variant={status === 'running' ? 'filled' : 'light'}
      style={{ flexShrink: 0 }}
    >
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}

export function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation();
  const percent = jobPercent(job);
  const running = job.status === 'running';
  return (
    <div>
      <Progress
        value={percent ?? (running ? 100 : 0)}
        color={job.status === 'failed' ? 'red' : job.status === 'done' ? 'teal' : 'blue'}
        striped={running}
        animated={running}
        aria-label={t('jobs.progress')}
      />
      <Group justify="space-between" gap={4} mt={2}>
        <Text size="xs" c="dimmed">
          {job.progressTotal
            ? `${formatNumber(job.progressDone)} / ${formatNumber(job.progressTotal)}`
            : formatNumber(job.progressDone)}
        </Text>
        {percent !== null ? (
          <Text size="xs" c="dimmed">
            {percent}%
          </Text>
        ) : null}
      </Group>
    </div>
  );
}
