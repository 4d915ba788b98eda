import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconNotes, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { AnchorLink, ButtonLink } from '../../app/ui/links.js';
import { type BookingStep, useBookingStep, useBookSlot, useCancelSlot } from './clinic-api.js';
import { SlotStateBadge, slotState, slotTime } from './clinic-schedule.js';
import type { ClinicSlot } from './mentoring-types.js';
import { PersonPicker } from './person-picker.js';

type Failure = { title?: string; message: string };

function BookForm({
  slot,
  onBooked,
  onFailure,
}: {
  slot: ClinicSlot;
  onBooked: () => void;
  onFailure: (f: Failure | null) => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const book = useBookSlot();
  const [personId, setPersonId] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (!personId) {
      setMissing(true);
      return;
    }
    onFailure(null);
    book.mutate(
      { slotId: slot.id, personId, topic: topic.trim() || undefined },
      {
        onSuccess: () => {
          notifySaved(t, t('mentoring.clinic.booked'));
          onBooked();
        },
        // The list refreshes after a lost race and this form gives way to the booking that won; the modal keeps the
        // message, so the person reads why.
        onError: (err) =>
          onFailure({
            title: err instanceof ApiError && err.code === 'SLOT_TAKEN' ? t('mentoring.clinic.slotTaken') : undefined,
            message: errors.message(err),
          }),
      },
    );
  };

  return (
    <Stack gap="sm">
      <PersonPicker
        label={t('mentoring.clinic.member')}
        placeholder={t('mentoring.clinic.memberPlaceholder')}
        value={personId}
        onChange={(id) => {
          setPersonId(id);
          setMissing(false);
        }}
        error={missing ? t('mentoring.clinic.memberRequired') : null}
        required
      />
      <TextInput
        label={t('mentoring.clinic.topic')}
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
        maxLength={200}
      />
      <Group justify="flex-end">
        <Button onClick={submit} loading={book.isPending} data-testid="book-submit">
          {t('mentoring.clinic.book')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One slot: who booked it and what can be done next (confirm, mark done, log the session, cancel). */
export function ClinicSlotModal({ slot, onClose }: { slot: ClinicSlot | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const session = useSession();
  const step = useBookingStep();
  const cancelSlot = useCancelSlot();
  const [failure, setFailure] = useState<Failure | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new slot starts without the last one's error
  useEffect(() => setFailure(null), [slot?.id]);
  if (!slot) return <Modal opened={false} onClose={onClose} />;

  const state = slotState(slot);
  const booking = slot.booking && slot.booking.status !== 'cancelled' ? slot.booking : null;
  const canBook = session.can('mentoring.write') || session.can('mentoring.manage');
  const canManage = session.can('mentoring.manage');
  const run = (s: BookingStep, message: string) =>
    booking &&
    step.mutate(
      { id: booking.id, step: s },
      {
        onSuccess: () => {
          notifySaved(t, message);
          onClose();
        },
        onError: (err) => setFailure({ message: errors.message(err) }),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('mentoring.clinic.slotTitle', { time: slotTime(slot) })}>
      <Stack gap="sm">
        <Group gap="xs">
          <SlotStateBadge state={state} />
          <Text size="sm" c="dimmed">
            {fmt.dateTime(slot.startsAt)} · {slot.centerName}
            {slot.mentorName ? ` · ${slot.mentorName}` : ''}
          </Text>
        </Group>
        {booking ? (
          <Stack gap={4}>
            {booking.personName && booking.personId ? (
              <AnchorLink to="/participants/$id" params={{ id: booking.personId }} fw={600}>
                {booking.personName}
              </AnchorLink>
            ) : null}
            {booking.topic ? <Text size="sm">{booking.topic}</Text> : null}
          </Stack>
        ) : null}
        {state === 'free' && canBook ? <BookForm slot={slot} onBooked={onClose} onFailure={setFailure} /> : null}
        {failure ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={failure.title} data-testid="booking-error">
            {failure.message}
          </Alert>
        ) : null}
        <Group gap="xs" justify="flex-end">
          {booking?.status === 'requested' ? (
            <Button
              leftSection={<IconCheck size={16} />}
              loading={step.isPending}
              onClick={() => run('confirm', t('mentoring.clinic.confirmed'))}
            >
              {t('mentoring.clinic.confirm')}
            </Button>
          ) : null}
          {booking?.status === 'confirmed' ? (
            <>
              {session.can('mentoring.write') && booking.personId ? (
                <ButtonLink
                  to="/mentoring/log"
                  search={{ personId: booking.personId, bookingId: booking.id, from: 'clinic' }}
                  leftSection={<IconNotes size={16} />}
                >
                  {t('mentoring.clinic.logSession')}
                </ButtonLink>
              ) : null}
              <Button
                variant="light"
                loading={step.isPending}
                onClick={() => run('done', t('mentoring.clinic.markedDone'))}
              >
                {t('mentoring.clinic.markDone')}
              </Button>
            </>
          ) : null}
          {booking && booking.status !== 'done' ? (
            <ConfirmButton
              variant="default"
              color="red"
              leftSection={<IconX size={16} />}
              question={t('mentoring.clinic.cancelBookingConfirm')}
              onConfirm={() => run('cancel', t('mentoring.clinic.bookingCancelled'))}
            >
              {t('mentoring.clinic.cancelBooking')}
            </ConfirmButton>
          ) : null}
          {canManage && !slot.cancelled && state !== 'done' && state !== 'past' ? (
            <ConfirmButton
              variant="subtle"
              color="red"
              question={t('mentoring.clinic.cancelSlotConfirm')}
              loading={cancelSlot.isPending}
              onConfirm={() =>
                cancelSlot.mutate(slot.id, {
                  onSuccess: () => {
                    notifySaved(t, t('mentoring.clinic.slotCancelledDone'));
                    onClose();
                  },
                  onError: (err) => setFailure({ message: errors.message(err) }),
                })
              }
            >
              {t('mentoring.clinic.cancelSlot')}
            </ConfirmButton>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
