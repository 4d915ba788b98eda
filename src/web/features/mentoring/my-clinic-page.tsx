import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBrandWhatsapp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useLanguage } from '../../app/i18n/index.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { whatsappLink } from '../participants/member-header.js';
import { useBookMySlot, useCancelMyBooking, useMyClinic } from './clinic-api.js';
import { dayTitle, slotTime } from './clinic-schedule.js';
import { dayOfWib } from './dates.js';
import { useMentoringLabels } from './labels.js';
import { ActionItem } from './member-mentoring.js';
import { useMyMentoring } from './mentoring-api.js';
import type { Booking, ClinicSlot } from './mentoring-types.js';

function MyMentor() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useMyMentoring();
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return null;
  const { mentor, sessions, openActions } = query.data;
  const wa = whatsappLink(mentor?.phone ?? null);
  const last = sessions[0];
  return (
    <Card withBorder padding="md" data-testid="my-mentor">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('mentoring.me.myMentor')}
        </Text>
        {mentor ? (
          <Group justify="space-between" gap="sm">
            <Stack gap={0}>
              <Text fw={600}>{mentor.name}</Text>
              {last ? (
                <Text size="xs" c="dimmed">
                  {t('mentoring.me.lastSession', { date: fmt.date(last.heldOn) })}
                  {last.nextFollowUpOn
                    ? ` · ${t('mentoring.me.nextFollowUp', { date: fmt.date(last.nextFollowUpOn) })}`
                    : ''}
                </Text>
              ) : null}
            </Stack>
            {wa ? (
              <Button
                component="a"
                href={wa}
                target="_blank"
                rel="noopener noreferrer"
                color="green"
                leftSection={<IconBrandWhatsapp size={18} />}
              >
                {t('mentoring.me.chat')}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text size="sm">{t('mentoring.me.noMentor')}</Text>
        )}
        {openActions.length ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('mentoring.me.myActions')}
            </Text>
            {openActions.map((a) => (
              <ActionItem key={a.id} action={a} canToggle={false} />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function BookingRow({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useMentoringLabels();
  const errors = useErrorHandlers();
  const cancel = useCancelMyBooking();
  const live = booking.status === 'requested' || booking.status === 'confirmed';
  return (
    <Card withBorder padding="sm" data-testid="my-booking">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={0} miw={0}>
          <Text fw={600} size="sm">
            {booking.startsAt ? fmt.dateTime(booking.startsAt) : '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {[booking.centerName, booking.mentorName, labels.bookingStatus(booking.status)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {live ? (
          <ConfirmButton
            size="xs"
            variant="default"
            color="red"
            question={t('mentoring.me.cancelConfirm')}
            loading={cancel.isPending}
            onConfirm={() =>
              cancel.mutate(booking.id, {
                onSuccess: () => notifySaved(t, t('mentoring.me.cancelled')),
                onError: errors.notify,
              })
            }
          >
            {t('mentoring.me.cancel')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Card>
  );
}

function OpenSlots({ slots: all }: { slots: ClinicSlot[] }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const book = useBookMySlot();
  const lang = useLanguage();
  const [problem, setProblem] = useState<{ title?: string; message: string } | null>(null);
  // A slot someone holds is not open, whoever holds it (the member's own show under "Pemesanan saya").
  const slots = all.filter((s) => !s.booking && !s.cancelled);
  const days = [...new Set(slots.map((s) => dayOfWib(s.startsAt)))].sort();
  return (
    <Stack gap="sm">
      {problem ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={problem.title} data-testid="booking-error">
          {problem.message}
        </Alert>
      ) : null}
      {slots.length === 0 ? <EmptyBlock title={t('mentoring.me.noOpenSlots')} /> : null}
      {days.map((day) => (
        <Stack key={day} gap={6}>
          <Text size="sm" fw={700} tt="capitalize">
            {dayTitle(day, lang)}
          </Text>
          {slots
            .filter((s) => dayOfWib(s.startsAt) === day)
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
            .map((s) => (
              <Card key={s.id} withBorder padding="xs" data-testid="open-slot">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Stack gap={0} miw={0}>
                    <Text fw={600} size="sm">
                      {slotTime(s)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {[s.centerName, s.mentorName].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                  <Button
                    size="sm"
                    style={{ flexShrink: 0 }}
                    loading={book.isPending && book.variables?.slotId === s.id}
                    onClick={() => {
                      setProblem(null);
                      book.mutate(
                        { slotId: s.id },
                        {
                          onSuccess: () => notifySaved(t, t('mentoring.me.booked')),
                          onError: (err) =>
                            setProblem({
                              title:
                                err instanceof ApiError && err.code === 'SLOT_TAKEN'
                                  ? t('mentoring.clinic.slotTaken')
                                  : undefined,
                              message: errors.message(err),
                            }),
                        },
                      );
                    }}
                  >
                    {t('mentoring.me.book')}
                  </Button>
                </Group>
              </Card>
            ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** The member's clinic: their mentor and agreed actions, their bookings, and open slots to book. */
export function MyClinicPage() {
  const { t } = useTranslation();
  const query = useMyClinic();
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('mentoring.me.title')} description={t('mentoring.me.description')} />
      {query.isLoading ? (
        <LoadingBlock />
      ) : isApiError(query.error, 403) || isApiError(query.error, 404) ? (
        <Alert color="yellow">{t('mentoring.me.notMember')}</Alert>
      ) : query.isError || !query.data ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <MyMentor />
          <Stack gap="xs">
            <Title order={4}>{t('mentoring.me.myBookings')}</Title>
            {query.data.bookings.length ? (
              query.data.bookings.map((b) => <BookingRow key={b.id} booking={b} />)
            ) : (
              <Text size="sm" c="dimmed">
                {t('mentoring.me.noBookings')}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={4}>{t('mentoring.me.openSlots')}</Title>
            <OpenSlots slots={query.data.slots} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
