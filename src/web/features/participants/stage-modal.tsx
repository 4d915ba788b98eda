import { Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type StageStatus, stageStatuses, stages } from '../../../shared/participants.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useRecordStage } from './member-api.js';
import type { ParticipantDetail } from './participant-types.js';
import { useStageName } from './status-badges.js';

type Values = { stage: string | null; status: StageStatus; occurredOn: string | null; note: string };

/** Today in Jakarta as `YYYY-MM-DD`, the day the program counts in. */
export function todayWib(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
}

/** "Catat tahap": one stage, its new status, when it happened and a note; kept as history. */
export function StageModal({
  person,
  opened,
  onClose,
}: {
  person: ParticipantDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const stageName = useStageName();
  const record = useRecordStage(person.id);
  const form = useForm<Values>({
    initialValues: { stage: null, status: 'in_progress', occurredOn: todayWib(), note: '' },
    validate: { stage: (v) => (v ? null : t('member.stageRequired')) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    // Suggest the first stage that is not done yet.
    const next = stages.find((s) => person.stages[String(s.no)] !== 'done');
    form.setValues({ stage: next ? String(next.no) : null, status: 'in_progress', occurredOn: todayWib(), note: '' });
    form.clearErrors();
  }, [opened]);

  const current = form.values.stage ? person.stages[form.values.stage] : undefined;

  const submit = form.onSubmit((v) => {
    record.mutate(
      { stage: Number(v.stage), status: v.status, occurredOn: v.occurredOn || null, note: v.note.trim() || null },
      {
        onSuccess: () => {
          notifySaved(t, t('member.stageRecorded'));
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('member.recordStage')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('member.stage')}
            required
            data={stages.map((s) => ({ value: String(s.no), label: `${s.no}. ${stageName(s.no)}` }))}
            {...form.getInputProps('stage')}
          />
          {current ? (
            <Text size="xs" c="dimmed" mt={-8}>
              {t('member.currentStatus', { status: t(`participants.stageStatus.${current}`) })}
            </Text>
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('member.stageStatus')}
            </Text>
            <SegmentedControl
              fullWidth
              data={stageStatuses.map((s) => ({ value: s, label: t(`participants.stageStatus.${s}`) }))}
              {...form.getInputProps('status')}
            />
          </Stack>
          <DatePickerInput
            label={t('member.occurredOn')}
            valueFormat="D MMM YYYY"
            maxDate={todayWib()}
            clearable
            {...form.getInputProps('occurredOn')}
          />
          <Textarea label={t('member.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={record.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
