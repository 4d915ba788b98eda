import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { CenterFormModal } from './center-form-modal.js';
import { CentersList } from './centers-list.js';
import { OperatorFormModal } from './operator-form-modal.js';
import { type Center, useOperator } from './operators-api.js';

type CenterEdit = { center?: Center } | null;

export function OperatorDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const query = useOperator(id);
  const [editing, setEditing] = useState(false);
  const [centerEdit, setCenterEdit] = useState<CenterEdit>(null);

  if (!session.can('operators.read')) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const op = query.data;
  const canManageCenters = session.can('centers.manage');

  return (
    <Stack gap="lg">
      <AnchorLink to="/operators" size="sm">
        ← {t('operators.back')}
      </AnchorLink>
      <PageHeader
        title={op.name}
        actions={
          session.can('operators.update') ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('operators.edit')}
            </Button>
          ) : null
        }
      />
      <Card withBorder>
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={op.active ? 'teal' : 'gray'}>{op.active ? t('common.active') : t('common.inactive')}</Badge>
            <Text size="sm" c="dimmed">
              {t('common.createdAt')}: {fmt.date(op.createdAt)}
            </Text>
          </Group>
          <Text size="sm" fw={500}>
            {t('operators.serviceArea')}
          </Text>
          <Group gap={6}>
            {op.serviceAreaNames.length
              ? op.serviceAreaNames.map((n, i) => (
                  <Badge key={op.serviceArea[i] ?? n} variant="light" color="gray" tt="none">
                    {n}
                  </Badge>
                ))
              : '—'}
          </Group>
          {session.can('users.read') ? (
            <AnchorLink to="/users" search={{ operatorId: op.id }} size="sm">
              {t('operators.viewUsers')}
            </AnchorLink>
          ) : null}
        </Stack>
      </Card>

      <Stack gap="sm" id="centers">
        <Group justify="space-between">
          <Title order={3}>{t('centers.title', { n: fmt.number(op.centerCount) })}</Title>
          {canManageCenters ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCenterEdit({})}>
              {t('centers.create')}
            </Button>
          ) : null}
        </Group>
        <CentersList operatorId={op.id} canManage={canManageCenters} onEdit={(center) => setCenterEdit({ center })} />
      </Stack>

      <OperatorFormModal opened={editing} onClose={() => setEditing(false)} operator={op} />
      <CenterFormModal
        opened={centerEdit !== null}
        onClose={() => setCenterEdit(null)}
        operator={op}
        center={centerEdit?.center}
      />
    </Stack>
  );
}
