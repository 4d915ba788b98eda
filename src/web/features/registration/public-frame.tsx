import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/language-switch.js';

/** The frame of the public registration: like the login page's, but wide enough for a form of cards. */
export function PublicFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" px="sm" py="md">
      <Stack w="100%" maw={640} mx="auto" gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={1} c="teal.8">
              Sentra
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Box>
  );
}
