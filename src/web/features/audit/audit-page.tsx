import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useOperators } from '../operators/operators-api.js';
import { type AuditEntry, auditPageSize, useAudit } from './audit-api.js';
import { AuditChanges } from './audit-changes.js';
import { AuditFilters } from './audit-filters.js';
import type { AuditSearch } from './audit-search.js';

const actionColor: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  view_nik: 'orange',
  export: 'grape',
};

export function AuditPage({ search, onSearch }: { search: AuditSearch; onSearch: (next: AuditSearch) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const allowed = session.can('audit.read');
  const query = useAudit(search, allowed);
  const operators = useOperators(allowed && session.can('operators.read'));
  const [open, setOpen] = useState<Set<AuditEntry['id']>>(new Set());

  if (!allowed) return <NoAccess />;
  const operatorName = (id: string | null) => (id ? (operators.data?.items.find((o) => o.id === id)?.name ?? id) : '—');
  const toggle = (id: AuditEntry['id']) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <AuditFilters search={search} onSearch={onSearch} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <EmptyBlock title={t('audit.empty')} /> : null}
      {query.data?.items.length ? (
        <>
          <Table.ScrollContainer minWidth={900} mt="md">
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.operator')}</Table.Th>
                  <Table.Th>{t('audit.requestId')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((e) => (
                  <Fragment key={e.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
                      <Table.Td>
                        {e.actorId ? (
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => onSearch({ ...search, actorId: e.actorId ?? undefined, page: undefined })}
                          >
                            {e.actorName ?? e.actorId}
                          </Anchor>
                        ) : (
                          (e.actorName ?? t('audit.system'))
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={actionColor[e.action] ?? 'gray'} tt="none">
                          {e.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {e.entity}
                        {e.entityId ? (
                          <Text span size="xs" c="dimmed" ff="monospace">
                            {' '}
                            {e.entityId}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{operatorName(e.operatorId)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" c="dimmed">
                          {e.requestId ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => toggle(e.id)}
                          aria-expanded={open.has(e.id)}
                        >
                          {open.has(e.id) ? t('audit.hideChanges') : t('audit.showChanges')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open.has(e.id) ? (
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <AuditChanges entry={e} />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            page={search.page ?? 1}
            pageSize={auditPageSize}
            total={query.data.total}
            onPage={(page) => onSearch({ ...search, page: page > 1 ? page : undefined })}
          />
        </>
      ) : null}
    </>
  );
}
