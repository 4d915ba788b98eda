import { Grid, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds } from '../../../shared/participants.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { RegionPicker } from '../regions/region-picker.js';
import { type DocumentKind, type Track, type TrackInput, useSaveTrack } from './programs-api.js';

type Values = {
  code: string;
  name: string;
  minAge: number | string;
  maxAge: number | string;
  residencyPrefix: string | null;
  sex: string | null;
  requiredDocuments: string[];
  quota: number | string;
};

const numberOrNull = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/** Add or edit a track of a program: its code, eligibility rules and quota. */
export function TrackFormModal({
  opened,
  onClose,
  programId,
  serviceArea,
  track,
}: {
  opened: boolean;
  onClose: () => void;
  programId: string;
  /** The operator's service area: residency can only be required inside it. */
  serviceArea: string[] | undefined;
  track?: Track;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const save = useSaveTrack(programId);
  const form = useForm<Values>({
    initialValues: {
      code: '',
      name: '',
      minAge: '',
      maxAge: '',
      residencyPrefix: null,
      sex: null,
      requiredDocuments: [],
      quota: '',
    },
    validate: {
      code: (v) => (/^[A-Za-z0-9_]{2,20}$/.test(v.trim()) ? null : t('programs.trackCodeInvalid')),
      name: (v) => (v.trim().length < 2 ? t('programs.trackNameRequired') : null),
      maxAge: (v, values) => {
        const max = numberOrNull(v);
        const min = numberOrNull(values.minAge);
        return max !== null && min !== null && max < min ? t('programs.maxBelowMin') : null;
      },
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      code: track?.code ?? '',
      name: track?.name ?? '',
      minAge: track?.minAge ?? '',
      maxAge: track?.maxAge ?? '',
      residencyPrefix: track?.residencyPrefix ?? null,
      sex: track?.sex ?? null,
      requiredDocuments: track?.requiredDocuments ?? [],
      quota: track?.quota ?? '',
    });
    form.clearErrors();
  }, [opened, track?.id]);

  const submit = form.onSubmit((v) => {
    const input: TrackInput = {
      code: v.code.trim().toUpperCase(),
      name: v.name.trim(),
      minAge: numberOrNull(v.minAge),
      maxAge: numberOrNull(v.maxAge),
      residencyPrefix: v.residencyPrefix,
      sex: v.sex === 'L' || v.sex === 'P' ? v.sex : null,
      requiredDocuments: v.requiredDocuments.filter((d): d is DocumentKind =>
        (documentKinds as readonly string[]).includes(d),
      ),
      quota: numberOrNull(v.quota),
    };
    save.mutate(
      { trackId: track?.id, input },
      {
        onSuccess: () => {
          notifySaved(t);
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={track ? t('programs.editTrack') : t('programs.addTrack')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Grid>
            <Grid.Col span={{ base: 12, xs: 4 }}>
              <TextInput
                label={t('programs.trackCode')}
                description={t('programs.trackCodeHint')}
                required
                data-autofocus
                autoCapitalize="characters"
                {...form.getInputProps('code')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 8 }}>
              <TextInput
                label={t('programs.trackName')}
                description={t('programs.trackNameHint')}
                required
                {...form.getInputProps('name')}
              />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 2, xs: 3 }}>
            <NumberInput
              label={t('programs.minAge')}
              min={0}
              max={120}
              allowDecimal={false}
              {...form.getInputProps('minAge')}
            />
            <NumberInput
              label={t('programs.maxAge')}
              min={0}
              max={120}
              allowDecimal={false}
              {...form.getInputProps('maxAge')}
            />
            <Select
              label={t('programs.sexRule')}
              placeholder={t('programs.sexAny')}
              clearable
              data={[
                { value: 'L', label: t('programs.sex.L') },
                { value: 'P', label: t('programs.sex.P') },
              ]}
              {...form.getInputProps('sex')}
            />
          </SimpleGrid>
          <RegionPicker
            label={t('programs.residency')}
            description={t('programs.residencyHint')}
            maxLevel={3}
            within={serviceArea}
            value={form.values.residencyPrefix}
            onChange={(code) => form.setFieldValue('residencyPrefix', code)}
            error={form.errors.residencyPrefix}
          />
          <MultiSelect
            label={t('programs.requiredDocuments')}
            placeholder={t('programs.noDocuments')}
            data={documentKinds.map((d) => ({ value: d, label: t(`programs.documents.${d}`) }))}
            clearable
            {...form.getInputProps('requiredDocuments')}
          />
          <NumberInput
            label={t('programs.quota')}
            description={t('programs.quotaHint')}
            min={1}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('quota')}
          />
          <FormActions
            onCancel={onClose}
            loading={save.isPending}
            submitLabel={track ? t('common.save') : t('programs.addTrack')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
