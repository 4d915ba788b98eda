import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconId, IconPrinter, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';

type Account = { userId: string; phoneNumber: string | null; email: string | null; createdAt: string };
type Created = { userId: string; login: string; password: string | null };

/**
 * Staff side of a member's self-service: whether they have an account (sign-in with their phone), opening one, and
 * printing the member card whose QR is scanned at training days.
 */
export function MemberAccountPanel({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const client = useQueryClient();
  const key = ['participants', personId, 'account'];
  const account = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ account: Account | null }>(`/api/participants/${personId}/account`, { signal }),
  });
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation({
    mutationFn: () => api<Created>(`/api/participants/${personId}/account`, { method: 'POST', body: {} }),
    onSuccess: (res) => {
      setCreated(res);
      void client.invalidateQueries({ queryKey: key });
    },
    onError: errors.notify,
  });

  const current = account.data?.account;
  return (
    <Card withBorder padding="md" data-testid="member-account">
      <Stack gap="sm">
        <Group gap="xs">
          <IconId size={20} />
          <Title order={5}>{t('members.account')}</Title>
        </Group>
        {current ? (
          <Text size="sm">
            {t('members.accountLogin', { login: fmt.phone(current.phoneNumber) })} ·{' '}
            {t('members.accountSince', { date: fmt.date(current.createdAt) })}
          </Text>
        ) : account.isSuccess ? (
          <Text size="sm" c="dimmed">
            {t('members.accountNone')}
          </Text>
        ) : null}
        {created?.password ? (
          <Alert color="teal">
            <Text size="sm">{t('members.accountCreated')}</Text>
            <Code fz="lg" data-testid="member-password">
              {created.password}
            </Code>
          </Alert>
        ) : null}
        <Group gap="xs">
          {!current && canWrite && account.isSuccess ? (
            <Button
              size="xs"
              leftSection={<IconUserPlus size={14} />}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {t('members.accountCreate')}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="light"
            component="a"
            href={`/api/participants/${personId}/member-card.pdf`}
            leftSection={<IconPrinter size={14} />}
          >
            {t('members.printCard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
