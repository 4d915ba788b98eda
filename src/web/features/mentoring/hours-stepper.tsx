import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';

const STEP = 0.25;

/** Hours in quarter steps with two big buttons: typing "1,25" on a phone keyboard in the field is error-prone. */
export function HoursStepper({
  label,
  value,
  onChange,
  min,
  max = 24,
  error,
  testId,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max?: number;
  error?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const step = (d: number) => onChange(Math.min(max, Math.max(min, Math.round((value + d) / STEP) * STEP)));
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          size={44}
          variant="default"
          onClick={() => step(-STEP)}
          disabled={value <= min}
          aria-label={t('mentoring.log.less', { label })}
        >
          <IconMinus size={20} />
        </ActionIcon>
        <Text
          fw={700}
          size="lg"
          miw={80}
          ta="center"
          aria-live="polite"
          data-testid={testId ? `${testId}-value` : undefined}
        >
          {t('mentoring.log.hoursValue', { n: formatNumber(value) })}
        </Text>
        <ActionIcon
          size={44}
          variant="default"
          onClick={() => step(STEP)}
          disabled={value >= max}
          aria-label={t('mentoring.log.more', { label })}
        >
          <IconPlus size={20} />
        </ActionIcon>
      </Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
