import { Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { AssignmentsCard } from './assignments-card.js';
import { ResetPasswordForm } from './reset-password-form.js';
import { UserEditForm } from './user-edit-form.js';
import { useUser } from './users-api.js';

export function UserDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const query = useUser(id);

  if (!session.can('users.read')) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const user = query.data;
  const canManage = session.can('users.manage');

  return (
    <Stack gap="md">
      <AnchorLink to="/users" size="sm">
        ← {t('users.back')}
      </AnchorLink>
      <PageHeader
        title={user.name}
        description={
          <Group gap="xs">
            <Badge color={user.active ? 'teal' : 'gray'}>
              {user.active ? t('common.active') : t('common.inactive')}
            </Badge>
            <Text span size="sm" c="dimmed">
              {t('common.createdAt')}: {fmt.date(user.createdAt)}
            </Text>
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <UserEditForm user={user} canManage={canManage} />
            {canManage ? <ResetPasswordForm userId={user.id} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AssignmentsCard user={user} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
