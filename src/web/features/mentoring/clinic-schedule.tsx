import { Badge, Card, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/i18n/index.js';
import { dayOfWib, timeOfWib } from './dates.js';
import type { ClinicSlot } from './mentoring-types.js';

export type SlotState = 'free' | 'requested' | 'confirmed' | 'done' | 'cancelled' | 'past';

export function slotState(slot: ClinicSlot, now: Date = new Date()): SlotState {
  if (slot.cancelled) return 'cancelled';
  if (slot.booking && slot.booking.status !== 'cancelled') return slot.booking.status;
  return new Date(slot.startsAt) <= now ? 'past' : 'free';
}

const stateColor: Record<SlotState, string> = {
  free: 'teal',
  requested: 'yellow',
  confirmed: 'blue',
  done: 'gray',
  cancelled: 'red',
  past: 'gray',
};

export function SlotStateBadge({ state }: { state: SlotState }) {
  const { t } = useTranslation();
  const label =
    state === 'past'
      ? t('mentoring.clinic.past')
      : state === 'cancelled'
        ? t('mentoring.clinic.slotCancelled')
        : t(`mentoring.clinic.status.${state}`);
  return (
    <Badge size="sm" color={stateColor[state]} variant={state === 'free' ? 'outline' : 'light'} tt="none">
      {label}
    </Badge>
  );
}

export const slotTime = (s: ClinicSlot) => `${timeOfWib(s.startsAt)}–${timeOfWib(s.endsAt)}`;

function SlotItem({ slot, onOpen }: { slot: ClinicSlot; onOpen: (s: ClinicSlot) => void }) {
  const state = slotState(slot);
  return (
    <UnstyledButton
      onClick={() => onOpen(slot)}
      w="100%"
      data-testid="clinic-slot"
      data-slot-id={slot.id}
      data-state={state}
    >
      <Paper withBorder p={6} radius="sm" opacity={state === 'cancelled' || state === 'past' ? 0.6 : 1}>
        <Text size="sm" fw={600}>
          {slotTime(slot)}
        </Text>
        <SlotStateBadge state={state} />
        {slot.booking?.personName && state !== 'cancelled' ? (
          <Text size="xs" truncate="end" mt={2}>
            {slot.booking.personName}
          </Text>
        ) : null}
        {slot.mentorName ? (
          <Text size="xs" c="dimmed" truncate="end">
            {slot.mentorName}
          </Text>
        ) : null}
      </Paper>
    </UnstyledButton>
  );
}

/** `Senin, 7 Des` — a clinic day as people say it. */
export function dayTitle(day: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

function byDay(slots: ClinicSlot[], days: string[]): Map<string, ClinicSlot[]> {
  const map = new Map(days.map((d) => [d, [] as ClinicSlot[]]));
  for (const s of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt)))
    map.get(dayOfWib(s.startsAt))?.push(s);
  return map;
}

/** Desk: the week as seven columns of slots. */
export function ClinicWeekGrid({
  slots,
  days,
  today,
  onOpen,
}: {
  slots: ClinicSlot[];
  days: string[];
  today: string;
  onOpen: (s: ClinicSlot) => void;
}) {
  const lang = useLanguage();
  const grouped = byDay(slots, days);
  return (
    <SimpleGrid cols={7} spacing={6} data-testid="clinic-week">
      {days.map((day) => (
        <Stack key={day} gap={6}>
          <Text size="xs" fw={700} c={day === today ? 'teal' : undefined} tt="capitalize">
            {dayTitle(day, lang)}
          </Text>
          {grouped.get(day)?.map((s) => (
            <SlotItem key={s.id} slot={s} onOpen={onOpen} />
          ))}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Phone: the days one under another, only those with slots. */
export function ClinicDayList({
  slots,
  days,
  today,
  onOpen,
}: {
  slots: ClinicSlot[];
  days: string[];
  today: string;
  onOpen: (s: ClinicSlot) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const grouped = byDay(slots, days);
  return (
    <Stack gap="sm" data-testid="clinic-days">
      {days.map((day) => {
        const list = grouped.get(day) ?? [];
        if (list.length === 0 && day !== today) return null;
        return (
          <Card key={day} withBorder padding="sm">
            <Text size="sm" fw={700} mb={6} c={day === today ? 'teal' : undefined} tt="capitalize">
              {dayTitle(day, lang)}
            </Text>
            {list.length ? (
              <SimpleGrid cols={2} spacing={6}>
                {list.map((s) => (
                  <SlotItem key={s.id} slot={s} onOpen={onOpen} />
                ))}
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed">
                {t('mentoring.clinic.noDaySlots')}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
