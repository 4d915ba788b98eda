import { Card, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { AssignmentForm } from './assignment-form.js';
import { type Assignment, type UserDetail, useRemoveAssignment } from './users-api.js';

function scopeText(a: Assignment, t: (k: 'assignments.wholeInstallation' | 'assignments.wholeArea') => string) {
  if (a.role === 'admin') return t('assignments.wholeInstallation');
  return a.regionName ?? a.regionPrefix ?? t('assignments.wholeArea');
}

/** Roles held by a person; admins see every grant, a program admin can change those in their operator. */
export function AssignmentsCard({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const isMobile = useIsMobile();
  const errors = useErrorHandlers();
  const remove = useRemoveAssignment(user.id);
  const canManage = session.can('users.manage') && session.grantableRoles.length > 0;
  const canRemove = (a: Assignment) => canManage && session.grantableRoles.includes(a.role);

  const removeButton = (a: Assignment) =>
    canRemove(a) ? (
      <ConfirmButton
        size="xs"
        variant="subtle"
        color="red"
        question={t('assignments.removeConfirm', { role: t(`roles.${a.role}`) })}
        loading={remove.isPending && remove.variables === a.id}
        onConfirm={() => remove.mutate(a.id, { onError: errors.notify, onSuccess: () => undefined })}
      >
        {t('assignments.remove')}
      </ConfirmButton>
    ) : null;

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('assignments.title')}</Title>
        {user.assignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignments.empty')}
          </Text>
        ) : isMobile ? (
          <Stack gap="xs">
            {user.assignments.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={500}>{t(`roles.${a.role}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {[a.operatorName, scopeText(a, t)].filter(Boolean).join(' — ')}
                  </Text>
                </div>
                {removeButton(a)}
              </Group>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignments.role')}</Table.Th>
                <Table.Th>{t('assignments.operator')}</Table.Th>
                <Table.Th>{t('assignments.region')}</Table.Th>
                <Table.Th>{t('common.createdAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
                  <Table.Td>{a.operatorName ?? '—'}</Table.Td>
                  <Table.Td>{scopeText(a, t)}</Table.Td>
                  <Table.Td>{fmt.date(a.createdAt)}</Table.Td>
                  <Table.Td ta="right">{removeButton(a)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canManage ? (
          <>
            <Divider />
            <AssignmentForm userId={user.id} defaultOperatorId={user.operatorId} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
