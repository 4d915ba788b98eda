import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink, ButtonLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { JobStatusBadge } from '../jobs/job-status.js';
import { ImportFieldsHelp } from './import-fields-help.js';
import { ImportProgress } from './import-progress.js';
import { type ImportRun, importsPageSize, useImports } from './imports-api.js';

/** "97.000 diimpor · 2.000 duplikat · 1.000 ditolak" */
function CountsLine({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const c = run.counts;
  return (
    <Text size="sm" data-testid="import-counts-line">
      {t('imports.list.counts', {
        imported: formatNumber(c.imported),
        updated: formatNumber(c.updated),
        duplicates: formatNumber(c.duplicates),
        rejected: formatNumber(c.rejected),
      })}
    </Text>
  );
}

function RunName({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <AnchorLink to="/imports/$id" params={{ id: run.id }} fw={500} data-testid="import-link">
        {run.fileName}
      </AnchorLink>
      {run.dryRun ? (
        <Badge size="xs" color="blue" variant="outline">
          {t('imports.dryRunBadge')}
        </Badge>
      ) : null}
    </Group>
  );
}

function ImportRows({ items }: { items: ImportRun[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <Stack gap="sm">
        {items.map((r) => (
          <Card key={r.id} withBorder padding="sm" data-testid="import-row">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <RunName run={r} />
                <JobStatusBadge status={r.status} />
              </Group>
              {r.status === 'done' ? <CountsLine run={r} /> : <ImportProgress run={r} compact />}
              <Text size="xs" c="dimmed">
                {fmt.dateTime(r.createdAt)}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.list.file')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th w={300}>{t('imports.list.result')}</Table.Th>
            <Table.Th>{t('imports.list.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="import-row">
              <Table.Td>
                <RunName run={r} />
                <Text size="xs" c="dimmed">
                  {[r.sheet, t(`imports.modes.${r.mode}`)].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <JobStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.status === 'done' ? <CountsLine run={r} /> : <ImportProgress run={r} compact />}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Recent imports in the person's scope, so a long import can be left and found again. */
export function ImportsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.can('imports.run');
  const [page, setPage] = useState(1);
  const query = useImports(page, allowed);
  if (!allowed) return <NoAccess />;

  const newButton = (
    <ButtonLink to="/imports/new" leftSection={<IconFileImport size={16} />} data-testid="import-new">
      {t('imports.new')}
    </ButtonLink>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('imports.title')} description={t('imports.description')} actions={newButton} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <>
          <EmptyBlock
            title={t('imports.empty')}
            description={t('imports.emptyHint')}
            action={
              <ButtonLink to="/imports/new" mt="md" leftSection={<IconFileImport size={16} />}>
                {t('imports.new')}
              </ButtonLink>
            }
          />
          <ImportFieldsHelp defaultOpen />
        </>
      ) : null}
      {query.data?.items.length ? (
        <>
          <ImportRows items={query.data.items} />
          <ListFooter page={page} pageSize={importsPageSize} total={query.data.total} onPage={setPage} />
          <ImportFieldsHelp />
        </>
      ) : null}
    </Stack>
  );
}
