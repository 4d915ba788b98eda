import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../mentoring/dates.js';
import { newDay, type WaveValues } from './wave-form-values.js';

/**
 * The days of a wave: each with its date and hours (WIB) and an optional topic. A new day follows the last one
 * with the same hours, which is how a 3-day wave is usually typed.
 */
export function WaveDaysField({ form }: { form: UseFormReturnType<WaveValues> }) {
  const { t } = useTranslation();
  const days = form.getValues().sessions;
  const add = () => {
    const last = days[days.length - 1];
    const day = last ? newDay(last.date ? addDays(last.date, 1) : '', last.startsAt, last.endsAt) : newDay();
    form.insertListItem('sessions', day);
  };
  const sessionsError = form.errors.sessions;
  return (
    <Stack gap="sm" data-testid="wave-days">
      {form.values.sessions.map((day, i) => (
        <Card key={day.key} withBorder padding="sm" data-testid="wave-day">
          <Group justify="space-between" mb={4}>
            <Text fw={600} size="sm">
              {t('trainings.waveForm.dayN', { n: i + 1 })}
            </Text>
            {form.values.sessions.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem('sessions', i)}
                aria-label={t('trainings.waveForm.removeDay', { n: i + 1 })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('trainings.waveForm.date')}
              withAsterisk
              {...form.getInputProps(`sessions.${i}.date`)}
              data-testid={`day-${i}-date`}
            />
            <TextInput
              type="time"
              label={t('trainings.waveForm.startsAt')}
              withAsterisk
              {...form.getInputProps(`sessions.${i}.startsAt`)}
              data-testid={`day-${i}-start`}
            />
            <TextInput
              type="time"
              label={t('trainings.waveForm.endsAt')}
              withAsterisk
              {...form.getInputProps(`sessions.${i}.endsAt`)}
              data-testid={`day-${i}-end`}
            />
          </SimpleGrid>
          <TextInput
            mt="xs"
            label={t('trainings.waveForm.dayTopic')}
            placeholder={t('trainings.waveForm.dayTopicPlaceholder')}
            {...form.getInputProps(`sessions.${i}.topic`)}
          />
        </Card>
      ))}
      {typeof sessionsError === 'string' || typeof sessionsError === 'number' ? (
        <Text size="sm" c="red">
          {sessionsError}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          disabled={days.length >= 30}
          data-testid="day-add"
        >
          {t('trainings.waveForm.addDay')}
        </Button>
      </Group>
    </Stack>
  );
}
