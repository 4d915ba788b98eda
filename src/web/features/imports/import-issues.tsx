import { Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { cellText, useFieldLabel } from './import-words.js';
import { type ImportIssue, type ImportRun, type IssueKind, issuesPageSize, useImportIssues } from './imports-api.js';

/** The row's cells as `header: value`, the first few, so the person recognises the row. */
function rowSummary(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${cellText(v)}`)
    .join(' · ');
}

function IssueRows({ items }: { items: ImportIssue[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('imports.issues.rowNo')}</Table.Th>
            <Table.Th>{t('imports.issues.reasons')}</Table.Th>
            <Table.Th>{t('imports.issues.values')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((issue) => (
            <Table.Tr key={issue.rowNo} data-testid="issue-row" style={{ verticalAlign: 'top' }}>
              <Table.Td data-testid="issue-row-no">{issue.rowNo}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {issue.reasons.map((r) => (
                    <Text key={`${r.field}-${r.code}-${r.message}`} size="sm">
                      {r.field ? `${label(r.field)}: ` : ''}
                      {r.message}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {rowSummary(issue.values)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IssueList({ importId, kind }: { importId: string; kind: IssueKind }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useImportIssues(importId, kind, page);
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data?.items.length) return <EmptyBlock title={t(`imports.issues.empty.${kind}`)} />;
  return (
    <>
      <IssueRows items={query.data.items} />
      <ListFooter page={page} pageSize={issuesPageSize} total={query.data.total} onPage={setPage} />
    </>
  );
}

/** The rows that were not imported, by kind: why, and what the row held. */
export function ImportIssues({
  run,
  kind,
  onKind,
}: {
  run: ImportRun;
  kind: IssueKind;
  onKind: (kind: IssueKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={kind} onChange={(v) => v && onKind(v as IssueKind)} keepMounted={false} data-testid="import-issues">
      <Tabs.List>
        <Tabs.Tab value="rejected" data-testid="issues-tab-rejected">
          {t('imports.issues.rejected', { n: formatNumber(run.counts.rejected) })}
        </Tabs.Tab>
        <Tabs.Tab value="duplicate" data-testid="issues-tab-duplicate">
          {t('imports.issues.duplicate', { n: formatNumber(run.counts.duplicates) })}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="rejected" pt="sm">
        <IssueList importId={run.id} kind="rejected" />
      </Tabs.Panel>
      <Tabs.Panel value="duplicate" pt="sm">
        <IssueList importId={run.id} kind="duplicate" />
      </Tabs.Panel>
    </Tabs>
  );
}
