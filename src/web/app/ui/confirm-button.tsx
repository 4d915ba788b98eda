import { Button, type ButtonProps, Group, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action asks once, in place, before it runs. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  loading,
  ...buttonProps
}: ButtonProps & { children: ReactNode; question: ReactNode; onConfirm: () => void; loading?: boolean }) {
  const { t } = useTranslation();
  const [opened, { close, toggle }] = useDisclosure(false);
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} withArrow trapFocus position="bottom-end">
      <Popover.Target>
        <Button flex="none" {...buttonProps} loading={loading} onClick={toggle}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
