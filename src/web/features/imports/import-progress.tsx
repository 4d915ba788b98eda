import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { etaWords } from './import-words.js';
import type { ImportRun } from './imports-api.js';

export function importPercent(run: ImportRun): number | null {
  if (run.status === 'done') return 100;
  const total = run.progress.total;
  if (!total) return null;
  return Math.min(100, Math.round((run.progress.done / total) * 100));
}

/** Rows done of the total with the time left in words; an indeterminate bar while the total is unknown. */
export function ImportProgress({ run, compact }: { run: ImportRun; compact?: boolean }) {
  const { t } = useTranslation();
  const percent = importPercent(run);
  const live = run.status === 'running' || run.status === 'queued';
  const { done, total, etaSeconds } = run.progress;
  const rows =
    run.status === 'queued'
      ? t('imports.progress.queued')
      : total
        ? t('imports.progress.rows', { done: formatNumber(done), total: formatNumber(total) })
        : t('imports.progress.rowsNoTotal', { done: formatNumber(done) });
  return (
    <div data-testid="import-progress">
      <Progress
        value={percent ?? (live ? 100 : 0)}
        size={compact ? 'sm' : 'lg'}
        color={run.status === 'failed' ? 'red' : run.status === 'done' ? 'teal' : 'blue'}
        striped={live}
        animated={run.status === 'running'}
        aria-label={t('imports.progress.label')}
      />
      <Group justify="space-between" gap={4} mt={compact ? 2 : 4}>
        <Text size={compact ? 'xs' : 'sm'} c="dimmed">
          {rows}
          {percent !== null && live ? ` · ${percent}%` : ''}
        </Text>
        {run.status === 'running' && etaSeconds !== null && etaSeconds !== undefined ? (
          <Text size={compact ? 'xs' : 'sm'} c="dimmed" data-testid="import-eta">
            {etaWords(etaSeconds, t)}
          </Text>
        ) : null}
      </Group>
    </div>
  );
}
