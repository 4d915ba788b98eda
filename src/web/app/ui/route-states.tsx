import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links.js';

export { ErrorBlock } from './query-state.js';

/** A page or a record that is not there (or not for this person's eyes); the texts can be made specific. */
export function NotFoundBlock({ title, message, back }: { title?: ReactNode; message?: ReactNode; back?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack p="xl" gap="sm" align="flex-start" data-testid="not-found">
      <Title order={2}>{title ?? t('common.notFoundTitle')}</Title>
      <Text c="dimmed">{message ?? t('common.notFound')}</Text>
      {back ?? <AnchorLink to="/">{t('common.backHome')}</AnchorLink>}
    </Stack>
  );
}
