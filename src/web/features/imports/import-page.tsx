import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { NotFoundBlock } from '../../app/ui/route-states.js';
import { JobStatusBadge } from '../jobs/job-status.js';
import { DryRunNotice, ImportFailure } from './import-actions.js';
import { ImportCounts } from './import-counts.js';
import { ImportIssues } from './import-issues.js';
import { ImportProgress } from './import-progress.js';
import { type ImportRun, type IssueKind, rejectedFileUrl, useImport } from './imports-api.js';

function ImportReport({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IssueKind>(
    run.counts.rejected === 0 && run.counts.duplicates > 0 ? 'duplicate' : 'rejected',
  );
  const notImported = run.counts.rejected + run.counts.duplicates;
  return (
    <Stack gap="md">
      <ImportCounts run={run} onKind={setKind} />
      {run.status === 'done' && notImported > 0 ? (
        <Card withBorder padding="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('imports.rejectedFileHint')}</Text>
            <Button
              component="a"
              href={rejectedFileUrl(run.id)}
              download
              leftSection={<IconDownload size={16} />}
              data-testid="import-download-rejected"
            >
              {t('imports.downloadRejected')}
            </Button>
          </Group>
        </Card>
      ) : null}
      {notImported > 0 ? (
        <Stack gap="xs">
          <Title order={4}>{t('imports.issues.title')}</Title>
          <ImportIssues run={run} kind={kind} onKind={setKind} />
        </Stack>
      ) : null}
    </Stack>
  );
}

/** One import: its progress while it runs (the page can be left and found again), then the report. */
export function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const qc = useQueryClient();
  const query = useImport(id);
  const run = query.data;
  const status = run?.status;
  // The lists of rows not imported grow while the run goes on: read them again once it ends.
  useEffect(() => {
    if (status === 'done' || status === 'failed') void qc.invalidateQueries({ queryKey: ['imports', 'issues', id] });
  }, [status, id, qc]);

  if (!session.can('imports.run')) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (isApiError(query.error, 404))
    return (
      <NotFoundBlock
        message={t('imports.notFound')}
        back={<ButtonLink to="/imports">{t('imports.history')}</ButtonLink>}
      />
    );
  if (query.isError || !run) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="md">
      <PageHeader
        title={run.fileName}
        description={
          <Group gap="xs">
            <JobStatusBadge status={run.status} />
            {run.dryRun ? (
              <Badge color="blue" variant="outline">
                {t('imports.dryRunBadge')}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {[run.sheet, t(`imports.modes.${run.mode}`), fmt.dateTime(run.createdAt)].filter(Boolean).join(' · ')}
            </Text>
          </Group>
        }
        actions={
          <>
            <ButtonLink to="/imports" variant="default" leftSection={<IconHistory size={16} />}>
              {t('imports.history')}
            </ButtonLink>
            <ButtonLink to="/imports/new" leftSection={<IconFileImport size={16} />}>
              {t('imports.new')}
            </ButtonLink>
          </>
        }
      />
      {run.dryRun ? <DryRunNotice run={run} /> : null}
      {run.status !== 'done' ? <ImportProgress run={run} /> : null}
      {run.status === 'failed' ? <ImportFailure run={run} /> : null}
      {run.status === 'queued' ? null : <ImportReport run={run} />}
      {run.status === 'running' || run.status === 'queued' ? (
        <Text size="sm" c="dimmed">
          {t('imports.canLeave')}
        </Text>
      ) : null}
    </Stack>
  );
}
