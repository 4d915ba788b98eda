import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { ErrorBlock } from '../../app/ui/query-state.js';
import { type ExportRun, exportFileUrl } from './exports-api.js';

function failureText(error: unknown): string | null {
  if (typeof error === 'string') return error;
  const m = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : null;
}

function ExportProgress({ run }: { run: ExportRun }) {
  const { t } = useTranslation();
  const { done, total } = run.progress;
  const live = run.status === 'queued' || run.status === 'running';
  const percent = run.status === 'done' ? 100 : total ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div>
      <Progress
        value={percent ?? 100}
        striped={live}
        animated={live}
        color={run.status === 'failed' ? 'red' : run.status === 'done' ? 'teal' : 'blue'}
        aria-label={t('exports.progress')}
      />
      <Text size="sm" c="dimmed" mt={4}>
        {run.status === 'queued'
          ? t('exports.queued')
          : total
            ? t('exports.rows', { done: formatNumber(done), total: formatNumber(total) })
            : t('exports.rowsNoTotal', { done: formatNumber(done) })}
      </Text>
    </div>
  );
}

/** The export on its way: progress, then the file (downloaded automatically, and here again on request). */
export function ExportProgressModal({
  run,
  error,
  opened,
  onClose,
}: {
  run: ExportRun | undefined;
  error: unknown;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('exports.title')} data-testid="export-modal">
      <Stack gap="sm">
        {error ? <ErrorBlock error={error} /> : null}
        {run ? <ExportProgress run={run} /> : null}
        {run?.status === 'done' ? (
          <Text size="sm" data-testid="export-ready">
            {t('exports.ready', { n: formatNumber(run.rowCount ?? run.progress.done), name: run.fileName ?? '' })}
          </Text>
        ) : null}
        {run?.status === 'failed' ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('exports.failed')}>
            {failureText(run.error) ?? t('errors.UNKNOWN')}
          </Alert>
        ) : null}
        {run && run.status !== 'done' && run.status !== 'failed' ? (
          <Text size="xs" c="dimmed">
            {t('exports.keepOpen')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('exports.close')}
          </Button>
          {run?.status === 'done' ? (
            <Button
              component="a"
              href={exportFileUrl(run.id)}
              download
              leftSection={<IconDownload size={16} />}
              data-testid="export-download"
            >
              {t('exports.downloadAgain')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
