import { Alert, Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../errors.js';

export function LoadingBlock() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

export function ErrorBlock({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorHandlers();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Empty lists teach what to do next instead of showing a blank table. */
export function EmptyBlock({
  title,
  description,
  action,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <EmptyState py="xl" icon={<IconInbox size={32} />} title={title} description={description}>
      {action}
    </EmptyState>
  );
}

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('common.noAccessTitle')}>
      {t('common.noAccess')}
    </Alert>
  );
}
