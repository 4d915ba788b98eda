import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links.js';

export { ErrorBlock } from './query-state.js';

export function NotFoundBlock() {
  const { t } = useTranslation();
  return (
    <Stack p="xl" gap="sm" align="flex-start">
      <Title order={2}>{t('common.notFoundTitle')}</Title>
      <Text c="dimmed">{t('common.notFound')}</Text>
      <AnchorLink to="/">{t('common.backHome')}</AnchorLink>
    </Stack>
  );
}
