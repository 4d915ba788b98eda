import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconClock, IconMapPin, IconUser, IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { todayWib } from '../mentoring/dates.js';
import type { WaveDetail } from './trainings-api.js';
import { LevelBadge, useWaveWords, WaveStatusBadge } from './wave-words.js';
import { SeatsBar } from './waves-list.js';

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text c="dimmed" lh={1} pt={2}>
        {icon}
      </Text>
      <Text size="sm" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/** The wave at a glance: course, dates and days, place, trainer, seats and the waitlist. */
export function WaveHeader({ wave, actions }: { wave: WaveDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useWaveWords();
  const today = todayWib();
  return (
    <Card withBorder padding="md" data-testid="wave-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {wave.name}
              </Title>
              <WaveStatusBadge wave={wave} />
            </Group>
            <Group gap="xs">
              <Text c="dimmed" size="sm">
                {wave.course.title} · {t('trainings.hoursN', { n: fmt.number(wave.course.hours) })}
              </Text>
              <LevelBadge level={wave.course.level} size="xs" />
            </Group>
          </Stack>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Stack gap={6}>
            <Fact icon={<IconCalendar size={16} />}>{words.dates(wave)}</Fact>
            <Fact icon={wave.mode === 'online' ? <IconVideo size={16} /> : <IconMapPin size={16} />}>
              {wave.mode === 'online' && wave.onlineUrl ? (
                <Anchor href={wave.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  {t('trainings.mode.online')}
                </Anchor>
              ) : (
                words.place(wave)
              )}
              {wave.mode === 'offline' && wave.venueAddress ? (
                <Text span size="xs" c="dimmed" display="block">
                  {wave.venueAddress}
                </Text>
              ) : null}
            </Fact>
            <Fact icon={<IconUser size={16} />}>{wave.trainerName ?? t('trainings.noTrainer')}</Fact>
          </Stack>
          <Stack gap={4}>
            {wave.sessions.map((s) => (
              <Group key={s.id} gap={6} wrap="nowrap">
                <Badge size="sm" variant={s.date === today ? 'filled' : 'light'} color="teal" w={64}>
                  {t('trainings.dayShort', { n: s.dayNo })}
                </Badge>
                <Text size="sm">{fmt.date(s.date)}</Text>
                <Text size="xs" c="dimmed">
                  <IconClock size={12} /> {s.startsAt}–{s.endsAt}
                </Text>
              </Group>
            ))}
          </Stack>
          <Stack gap={6}>
            <SeatsBar wave={wave} />
            <Text size="xs" c="dimmed">
              {t('trainings.requiredDaysOf', { n: wave.requiredDays, of: wave.sessions.length })}
              {wave.registrationDeadline
                ? ` · ${t('trainings.deadlineOn', { date: fmt.date(wave.registrationDeadline) })}`
                : ''}
            </Text>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
