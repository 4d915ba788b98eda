import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink, CardLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { OperatorFormModal } from './operator-form-modal.js';
import { type Operator, useOperators } from './operators-api.js';

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

function OperatorCards({ items }: { items: Operator[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm">
      {items.map((op) => (
        <CardLink key={op.id} withBorder padding="sm" to="/operators/$id" params={{ id: op.id }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{op.name}</Text>
            <StatusBadge active={op.active} />
          </Group>
          <Text size="sm" c="dimmed">
            {op.serviceAreaNames.join(', ') || '—'}
          </Text>
          <Text size="sm">{t('operators.centerCount', { n: fmt.number(op.centerCount) })}</Text>
        </CardLink>
      ))}
    </Stack>
  );
}

function OperatorTable({ items }: { items: Operator[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('operators.name')}</Table.Th>
            <Table.Th>{t('operators.serviceArea')}</Table.Th>
            <Table.Th ta="right">{t('operators.centers')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((op) => (
            <Table.Tr key={op.id}>
              <Table.Td>
                <AnchorLink to="/operators/$id" params={{ id: op.id }} fw={500}>
                  {op.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{op.serviceAreaNames.join(', ') || '—'}</Table.Td>
              <Table.Td ta="right">
                <AnchorLink to="/operators/$id" params={{ id: op.id }} hash="centers">
                  {fmt.number(op.centerCount)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <StatusBadge active={op.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OperatorsPage({ openCreate }: { openCreate: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const canCreate = session.can('operators.create');
  const [creating, { open, close }] = useDisclosure(false);
  const query = useOperators(session.can('operators.read'));

  useEffect(() => {
    if (openCreate && canCreate) open();
  }, [openCreate, canCreate, open]);

  if (!session.can('operators.read')) return <NoAccess />;

  const createButton = canCreate ? (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('operators.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('nav.operators')} description={t('operators.description')} actions={createButton} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock
          title={t('operators.empty')}
          description={canCreate ? t('operators.emptyHint') : t('operators.emptyNoAccess')}
          action={createButton}
        />
      ) : null}
      {query.data?.items.length ? (
        isMobile ? (
          <OperatorCards items={query.data.items} />
        ) : (
          <OperatorTable items={query.data.items} />
        )
      ) : null}
      <OperatorFormModal
        opened={creating}
        onClose={() => {
          close();
          if (openCreate) void navigate({ to: '/operators', search: {}, replace: true });
        }}
        onCreated={(op) => void navigate({ to: '/operators/$id', params: { id: op.id } })}
      />
    </>
  );
}
