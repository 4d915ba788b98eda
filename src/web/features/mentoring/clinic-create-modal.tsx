import { Modal, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useCreateSlots } from './clinic-api.js';
import { minutesOf, slotCount, todayWib } from './dates.js';
import { useMentorList } from './mentoring-api.js';

type Values = {
  centerId: string | null;
  mentorUserId: string | null;
  date: string | null;
  from: string;
  to: string;
  minutes: number | string;
};

const hhmm = (v: string) => v.slice(0, 5);

/** A clinic day at a center split into bookable slots: date, opening hours and the length of one consultation. */
export function ClinicCreateModal({
  opened,
  onClose,
  centers,
  centerId,
  operatorId,
  date,
}: {
  opened: boolean;
  onClose: () => void;
  centers: { value: string; label: string }[];
  centerId: string | null;
  operatorId?: string;
  date: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const create = useCreateSlots();
  const mentors = useMentorList({ operatorId }, opened);
  const today = todayWib();
  const form = useForm<Values>({
    initialValues: { centerId, mentorUserId: null, date, from: '09:00', to: '12:00', minutes: 30 },
    validate: {
      centerId: (v) => (v ? null : t('mentoring.clinic.chooseCenter')),
      date: (v) => (v ? null : t('mentoring.clinic.date')),
      from: (v) => (Number.isNaN(minutesOf(hhmm(v))) ? t('mentoring.clinic.timeInvalid') : null),
      to: (v, all) =>
        Number.isNaN(minutesOf(hhmm(v)))
          ? t('mentoring.clinic.timeInvalid')
          : minutesOf(hhmm(v)) <= minutesOf(hhmm(all.from))
            ? t('mentoring.clinic.toBeforeFrom')
            : null,
      minutes: (v) => (Number(v) >= 15 && Number(v) <= 240 ? null : t('mentoring.clinic.minutesRange')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: start from the page's center and week on each opening
  useEffect(() => {
    if (!opened) return;
    form.setValues({ centerId, date: date < today ? today : date });
    form.clearErrors();
  }, [opened]);

  const count = slotCount(hhmm(form.values.from), hhmm(form.values.to), Number(form.values.minutes));

  const submit = form.onSubmit((v) => {
    create.mutate(
      {
        centerId: v.centerId ?? '',
        mentorUserId: v.mentorUserId,
        date: v.date ?? today,
        from: hhmm(v.from),
        to: hhmm(v.to),
        minutes: Number(v.minutes),
      },
      {
        onSuccess: (r) => {
          notifySaved(t, t('mentoring.clinic.created', { n: fmt.number(r.created) }));
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('mentoring.clinic.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('mentoring.clinic.center')}
            data={centers}
            required
            searchable
            allowDeselect={false}
            {...form.getInputProps('centerId')}
          />
          <DatePickerInput
            label={t('mentoring.clinic.date')}
            valueFormat="dddd, D MMM YYYY"
            minDate={today}
            required
            {...form.getInputProps('date')}
          />
          <SimpleGrid cols={3} spacing="sm">
            <TimeInput label={t('mentoring.clinic.from')} required {...form.getInputProps('from')} />
            <TimeInput label={t('mentoring.clinic.to')} required {...form.getInputProps('to')} />
            <NumberInput
              label={t('mentoring.clinic.minutes')}
              min={15}
              max={240}
              step={15}
              allowDecimal={false}
              required
              {...form.getInputProps('minutes')}
            />
          </SimpleGrid>
          <Select
            label={t('mentoring.clinic.mentor')}
            placeholder={t('mentoring.clinic.anyMentor')}
            data={(mentors.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.userId, label: m.name }))}
            searchable
            clearable
            {...form.getInputProps('mentorUserId')}
          />
          <Text size="sm" c={count > 0 ? undefined : 'dimmed'} data-testid="slots-preview">
            {t('mentoring.clinic.preview', { n: fmt.number(count) })}
          </Text>
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('mentoring.clinic.createSlots')} />
        </Stack>
      </form>
    </Modal>
  );
}
