import { Button, Chip, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { mentoringTopics, type SessionMode, sessionModes } from '../../../shared/mentoring.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { addDays } from './dates.js';
import { useMentoringLabels } from './labels.js';

/** Topics of a session as chips: a tap each, no typing. */
export function TopicChips({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const labels = useMentoringLabels();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('mentoring.log.topics')}{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap={6} data-testid="log-topics">
          {mentoringTopics.map((topic) => (
            <Chip key={topic} value={topic} size="md">
              {labels.topic(topic)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

const followUpPicks = [7, 14, 30];

/** The next follow-up: a date, or one tap for a week, two weeks or a month after the session. */
export function FollowUpField({
  heldOn,
  value,
  onChange,
  error,
}: {
  heldOn: string;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <DatePickerInput
        label={t('mentoring.log.nextFollowUp')}
        valueFormat="D MMM YYYY"
        minDate={heldOn}
        clearable
        value={value}
        onChange={onChange}
        error={error}
        data-testid="next-follow-up"
      />
      <Group gap="xs">
        {followUpPicks.map((n) => {
          const day = addDays(heldOn, n);
          return (
            <Button key={n} size="xs" variant={value === day ? 'filled' : 'light'} onClick={() => onChange(day)}>
              {t('mentoring.log.plusDays', { n })}
            </Button>
          );
        })}
      </Group>
    </Stack>
  );
}

/**
 * How the session took place. A segmented control on wider screens; on a phone four segments do not fit in 360 px,
 * so the same choice is two rows of two buttons.
 */
export function ModePicker({ value, onChange }: { value: SessionMode; onChange: (m: SessionMode) => void }) {
  const { t } = useTranslation();
  const labels = useMentoringLabels();
  const isMobile = useIsMobile();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="log-mode-label">
        {t('mentoring.log.mode')}
      </Text>
      {isMobile ? (
        <SimpleGrid cols={2} spacing={6} role="radiogroup" aria-labelledby="log-mode-label" data-testid="log-mode">
          {sessionModes.map((m) => (
            <Button
              key={m}
              role="radio"
              aria-checked={value === m}
              variant={value === m ? 'filled' : 'default'}
              onClick={() => onChange(m)}
            >
              {labels.mode(m)}
            </Button>
          ))}
        </SimpleGrid>
      ) : (
        <SegmentedControl
          fullWidth
          data={sessionModes.map((m) => ({ value: m, label: labels.mode(m) }))}
          value={value}
          onChange={(v) => onChange(v as SessionMode)}
          aria-labelledby="log-mode-label"
          data-testid="log-mode"
        />
      )}
    </Stack>
  );
}
