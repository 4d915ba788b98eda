import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFlask, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { type ImportRun, startOptionsOf, useResumeImport, useStartImport } from './imports-api.js';

function failureText(error: unknown): string | null {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return null;
}

/** A failed run: what went wrong, and "Lanjutkan impor" from the last saved batch when the server allows it. */
export function ImportFailure({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const resume = useResumeImport(run.id);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('imports.failed')} data-testid="import-failed">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{failureText(run.error) ?? t('imports.failedHint')}</Text>
        {run.canResume ? (
          <>
            <Text size="sm">{t('imports.resumeHint')}</Text>
            <Button
              size="sm"
              leftSection={<IconRefresh size={16} />}
              loading={resume.isPending}
              onClick={() => resume.mutate(undefined, { onError: errors.notify })}
              data-testid="import-resume"
            >
              {t('imports.resume')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A dry run saved nothing; once it is done the same file can be imported for real with the same options. */
export function DryRunNotice({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const navigate = useNavigate();
  const start = useStartImport();
  const runForReal = () => {
    start.mutate(startOptionsOf(run), {
      onSuccess: (r) => void navigate({ to: '/imports/$id', params: { id: r.id } }),
      onError: errors.notify,
    });
  };
  return (
    <Alert
      color="blue"
      icon={<IconFlask size={18} />}
      title={t('imports.dryRunTitle')}
      data-testid="import-dry-run-notice"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('imports.dryRunHint')}</Text>
        {run.status === 'done' ? (
          <Button
            size="sm"
            leftSection={<IconPlayerPlay size={16} />}
            loading={start.isPending}
            onClick={runForReal}
            data-testid="import-run-for-real"
          >
            {t('imports.runForReal')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
