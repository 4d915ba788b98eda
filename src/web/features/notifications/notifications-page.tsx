import { Badge, Button, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import {
  type NotificationChannel,
  type NotificationFilters,
  type NotificationStatus,
  notificationsPageSize,
  useNotifications,
} from './notifications-api.js';

const statuses: NotificationStatus[] = ['queued', 'sent', 'failed'];
const channels: NotificationChannel[] = ['email', 'whatsapp', 'log'];
const statusColor: Record<NotificationStatus, string> = { queued: 'gray', sent: 'teal', failed: 'red' };

/** The outbox: every message Sentra sends, with its delivery state. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const allowed = session.can('notifications.read');
  const [filters, setFilters] = useState<NotificationFilters>({ status: null, channel: null, page: 1 });
  const [open, setOpen] = useState<string | null>(null);
  const query = useNotifications(filters, allowed);

  if (!allowed) return <NoAccess />;

  return (
    <>
      <PageHeader title={t('nav.notifications')} description={t('notifications.description')} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <Select
          label={t('common.status')}
          placeholder={t('common.all')}
          data={statuses.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))}
          value={filters.status}
          onChange={(v) => setFilters({ ...filters, status: v as NotificationStatus | null, page: 1 })}
          clearable
        />
        <Select
          label={t('notifications.channel')}
          placeholder={t('common.all')}
          data={channels.map((c) => ({ value: c, label: t(`notifications.channels.${c}`) }))}
          value={filters.channel}
          onChange={(v) => setFilters({ ...filters, channel: v as NotificationChannel | null, page: 1 })}
          clearable
        />
      </SimpleGrid>
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <EmptyBlock title={t('notifications.empty')} /> : null}
      {query.data?.items.length ? (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notifications.time')}</Table.Th>
                  <Table.Th>{t('notifications.channel')}</Table.Th>
                  <Table.Th>{t('notifications.recipient')}</Table.Th>
                  <Table.Th>{t('notifications.template')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th ta="right">{t('notifications.attempts')}</Table.Th>
                  <Table.Th>{t('notifications.lastError')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((n) => (
                  <Fragment key={n.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(n.createdAt)}</Table.Td>
                      <Table.Td>{t(`notifications.channels.${n.channel}`, { defaultValue: n.channel })}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{n.recipient}</Table.Td>
                      <Table.Td ff="monospace">{n.template}</Table.Td>
                      <Table.Td>
                        <Badge color={statusColor[n.status] ?? 'gray'} variant="light">
                          {t(`notifications.status.${n.status}`, { defaultValue: n.status })}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{fmt.number(n.attempts)}</Table.Td>
                      <Table.Td c={n.lastError ? 'red.8' : undefined}>{n.lastError ?? '—'}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-expanded={open === n.id}
                          onClick={() => setOpen(open === n.id ? null : n.id)}
                        >
                          {open === n.id ? t('notifications.hideBody') : t('notifications.showBody')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open === n.id ? (
                      <Table.Tr>
                        <Table.Td colSpan={8}>
                          <Stack gap={4} py="xs">
                            {n.subject ? <Text fw={600}>{n.subject}</Text> : null}
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {n.body}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('notifications.locale')}: {n.locale} · {t('notifications.sentAt')}:{' '}
                              {fmt.dateTime(n.sentAt)}
                            </Text>
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            page={filters.page}
            pageSize={notificationsPageSize}
            total={query.data.total}
            onPage={(page) => setFilters({ ...filters, page })}
          />
        </>
      ) : null}
    </>
  );
}
