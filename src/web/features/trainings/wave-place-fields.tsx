import { SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { WaveMode } from '../../../shared/trainings.js';
import { useSession } from '../../app/session.js';
import { useOperatorCenters, useTrainers } from './trainings-api.js';
import type { WaveValues } from './wave-form-values.js';

/** Where the wave happens: a center of the operator, another venue with its address, or online. */
export function WavePlaceFields({ form }: { form: UseFormReturnType<WaveValues> }) {
  const { t } = useTranslation();
  const { mode, operatorId } = form.values;
  const centers = useOperatorCenters(mode === 'offline' ? operatorId : null);
  const centerOptions = (centers.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} — ${c.districtName}`,
  }));

  return (
    <Stack gap="sm">
      <SegmentedControl
        fullWidth
        maw={360}
        value={mode}
        onChange={(v) => form.setFieldValue('mode', v as WaveMode)}
        data={[
          { value: 'offline', label: t('trainings.mode.offline') },
          { value: 'online', label: t('trainings.mode.online') },
        ]}
        data-testid="wave-mode"
      />
      {mode === 'offline' ? (
        <>
          <Select
            label={t('trainings.waveForm.center')}
            description={t('trainings.waveForm.centerHint')}
            placeholder={centers.isLoading ? t('common.loading') : t('trainings.waveForm.centerPlaceholder')}
            data={centerOptions}
            clearable
            searchable
            nothingFoundMessage={t('trainings.waveForm.noCenters')}
            {...form.getInputProps('centerId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('trainings.waveForm.venueName')}
              placeholder={t('trainings.waveForm.venueNamePlaceholder')}
              {...form.getInputProps('venueName')}
              data-testid="wave-venue"
            />
            <Textarea
              label={t('trainings.waveForm.venueAddress')}
              autosize
              minRows={1}
              maxRows={3}
              {...form.getInputProps('venueAddress')}
            />
          </SimpleGrid>
        </>
      ) : (
        <TextInput
          label={t('trainings.waveForm.onlineUrl')}
          placeholder="https://meet.google.com/…"
          withAsterisk
          {...form.getInputProps('onlineUrl')}
        />
      )}
    </Stack>
  );
}

/**
 * Who teaches: an account (the trainer then finds the wave under "today's sessions"), else a name for a guest
 * trainer. Those who cannot list users may pick themselves when they are a trainer.
 */
export function WaveTrainerFields({ form }: { form: UseFormReturnType<WaveValues> }) {
  const { t } = useTranslation();
  const session = useSession();
  const canList = session.can('users.read');
  const trainers = useTrainers(form.values.operatorId, canList);
  const isTrainer = session.grants.some((g) => g.role === 'trainer');
  const options = canList
    ? (trainers.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))
    : isTrainer
      ? [{ value: session.user.id, label: t('trainings.waveForm.me', { name: session.user.name }) }]
      : [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {options.length ? (
        <Select
          label={t('trainings.waveForm.trainerAccount')}
          placeholder={t('trainings.waveForm.trainerAccountPlaceholder')}
          data={options}
          clearable
          searchable
          {...form.getInputProps('trainerUserId')}
        />
      ) : null}
      <TextInput
        label={t('trainings.waveForm.trainerName')}
        description={t('trainings.waveForm.trainerNameHint')}
        {...form.getInputProps('trainerName')}
      />
    </SimpleGrid>
  );
}
