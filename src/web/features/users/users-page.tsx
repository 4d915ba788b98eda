import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink, CardLink } from '../../app/ui/links.js';
import { ListFooter } from '../../app/ui/list-footer.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { RoleBadges } from './role-badges.js';
import { UserCreateModal } from './user-create-modal.js';
import { type UserSummary, usersPageSize, useUsers } from './users-api.js';
import { UsersFilters } from './users-filters.js';
import type { UsersSearch } from './users-search.js';

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

function UserCards({ items }: { items: UserSummary[] }) {
  const fmt = useFormat();
  return (
    <Stack gap="sm">
      {items.map((u) => (
        <CardLink key={u.id} withBorder padding="sm" to="/users/$id" params={{ id: u.id }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{u.name}</Text>
            <ActiveBadge active={u.active} />
          </Group>
          <Text size="sm" c="dimmed">
            {[u.email, u.phoneNumber ? fmt.phone(u.phoneNumber) : null].filter(Boolean).join(' · ')}
          </Text>
          <RoleBadges roles={u.roles} />
        </CardLink>
      ))}
    </Stack>
  );
}

function UserTable({ items }: { items: UserSummary[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.phone')}</Table.Th>
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('common.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>
                <AnchorLink to="/users/$id" params={{ id: u.id }} fw={500}>
                  {u.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{u.email ?? '—'}</Table.Td>
              <Table.Td>{fmt.phone(u.phoneNumber)}</Table.Td>
              <Table.Td>
                <RoleBadges roles={u.roles} />
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={u.active} />
              </Table.Td>
              <Table.Td>{fmt.date(u.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersPage({ search, onSearch }: { search: UsersSearch; onSearch: (next: UsersSearch) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const query = useUsers(search, session.can('users.read'));

  if (!session.can('users.read')) return <NoAccess />;
  const canManage = session.can('users.manage');
  const filtered = Boolean(search.q || search.operatorId || search.role);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          canManage ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <UsersFilters search={search} onSearch={onSearch} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('users.noMatch') : t('users.empty')}
          description={filtered ? t('users.noMatchHint') : canManage ? t('users.emptyHint') : undefined}
        />
      ) : null}
      {query.data?.items.length ? (
        <>
          {isMobile ? <UserCards items={query.data.items} /> : <UserTable items={query.data.items} />}
          <ListFooter
            page={search.page ?? 1}
            pageSize={usersPageSize}
            total={query.data.total}
            onPage={(page) => onSearch({ ...search, page: page > 1 ? page : undefined })}
          />
        </>
      ) : null}
      <UserCreateModal
        opened={creating}
        onClose={close}
        defaultOperatorId={search.operatorId}
        onCreated={(u) => void navigate({ to: '/users/$id', params: { id: u.id } })}
      />
    </>
  );
}
