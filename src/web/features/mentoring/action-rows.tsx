import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ActionRow = { key: string; description: string; dueOn: string | null };

export const newActionRow = (): ActionRow => ({ key: crypto.randomUUID(), description: '', dueOn: null });

/** "Tindakan yang disepakati": one row per action, a description and an optional due date. */
export function ActionRows({
  value,
  onChange,
  minDate,
  error,
}: {
  value: ActionRow[];
  onChange: (rows: ActionRow[]) => void;
  minDate: string;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const patch = (key: string, p: Partial<ActionRow>) =>
    onChange(value.map((r) => (r.key === key ? { ...r, ...p } : r)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('mentoring.log.actions')}
      </Text>
      {value.map((row, i) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="wrap" data-testid="action-row">
          <TextInput
            label={t('mentoring.log.actionDescription')}
            placeholder={t('mentoring.log.actionPlaceholder')}
            value={row.description}
            onChange={(e) => patch(row.key, { description: e.currentTarget.value })}
            maxLength={500}
            style={{ flex: '1 1 200px' }}
            error={error && !row.description.trim() ? error : undefined}
            data-autofocus={i === value.length - 1 || undefined}
          />
          <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 150px' }} align="flex-end">
            <DatePickerInput
              label={t('mentoring.log.actionDue')}
              valueFormat="D MMM YYYY"
              minDate={minDate}
              clearable
              value={row.dueOn}
              onChange={(v) => patch(row.key, { dueOn: v })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              size={36}
              variant="subtle"
              color="red"
              onClick={() => onChange(value.filter((r) => r.key !== row.key))}
              aria-label={t('mentoring.log.removeAction')}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => onChange([...value, newActionRow()])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('mentoring.log.addAction')}
      </Button>
    </Stack>
  );
}
