import { Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useFormProblems } from './form-problems.js';
import { useUpdateWave, type WaveDetail } from './trainings-api.js';

type Values = {
  name: string;
  capacity: number | string;
  registrationDeadline: string;
  requiredDays: number | string;
  trainerName: string;
};
const fields = ['name', 'capacity', 'registrationDeadline', 'requiredDays', 'trainerName'] as const;

/** What changes once a wave runs: its name, seats (more seats move the waitlist up), deadline, required days. */
export function WaveEditModal({ wave, opened, onClose }: { wave: WaveDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const problems = useFormProblems();
  const update = useUpdateWave(wave.id);
  const form = useForm<Values>({
    initialValues: { name: '', capacity: 1, registrationDeadline: '', requiredDays: 1, trainerName: '' },
    validate: {
      name: (v) => (v.trim().length < 3 ? t('trainings.waveForm.nameRequired') : null),
      capacity: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : t('trainings.waveForm.capacityInvalid'),
      requiredDays: (v) =>
        typeof v === 'number' && v >= 1 && v <= wave.sessions.length
          ? null
          : t('trainings.waveForm.requiredDaysInvalid', { n: wave.sessions.length }),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      name: wave.name,
      capacity: wave.capacity,
      registrationDeadline: wave.registrationDeadline ?? '',
      requiredDays: wave.requiredDays,
      trainerName: wave.trainerName ?? '',
    });
    form.clearErrors();
  }, [opened]);

  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        name: v.name.trim(),
        capacity: Number(v.capacity),
        registrationDeadline: v.registrationDeadline || null,
        requiredDays: Number(v.requiredDays),
        trainerName: v.trainerName.trim() || null,
      },
      {
        onSuccess: () => {
          notifySaved(t);
          onClose();
        },
        onError: problems(form, fields),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('trainings.edit.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('trainings.waveForm.name')} withAsterisk {...form.getInputProps('name')} />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label={t('trainings.waveForm.capacity')}
              description={t('trainings.edit.capacityHint')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('trainings.waveForm.requiredDays')}
              min={1}
              max={wave.sessions.length}
              allowDecimal={false}
              {...form.getInputProps('requiredDays')}
            />
          </SimpleGrid>
          <TextInput
            type="date"
            label={t('trainings.waveForm.deadline')}
            {...form.getInputProps('registrationDeadline')}
          />
          <TextInput label={t('trainings.waveForm.trainerName')} {...form.getInputProps('trainerName')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
