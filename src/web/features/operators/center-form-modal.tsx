import { Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '../../../shared/phone.js';
import { regionLevelOf } from '../../../shared/regions.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { RegionPicker } from '../regions/region-picker.js';
import { type Center, type CenterInput, type Operator, useSaveCenter } from './operators-api.js';

type Values = {
  districtCode: string | null;
  name: string;
  address: string;
  phone: string;
  latitude: number | string;
  longitude: number | string;
};

const numberOrNull = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/** Add or edit a center (a sentra: one office in one kecamatan of the operator's service area). */
export function CenterFormModal({
  opened,
  onClose,
  operator,
  center,
}: {
  opened: boolean;
  onClose: () => void;
  operator: Operator;
  center?: Center;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const save = useSaveCenter(operator.id);
  const form = useForm<Values>({
    initialValues: { districtCode: null, name: '', address: '', phone: '', latitude: '', longitude: '' },
    validate: {
      districtCode: (v) => (!v || regionLevelOf(v) !== 3 ? t('centers.districtRequired') : null),
      name: (v) => (v.trim().length < 2 ? t('centers.nameRequired') : null),
      phone: (v) => (v.trim() && !normalizePhone(v) ? t('common.phoneInvalid') : null),
      latitude: (v) => {
        const n = numberOrNull(v);
        return n !== null && (Number.isNaN(n) || n < -90 || n > 90) ? t('centers.latitudeInvalid') : null;
      },
      longitude: (v) => {
        const n = numberOrNull(v);
        return n !== null && (Number.isNaN(n) || n < -180 || n > 180) ? t('centers.longitudeInvalid') : null;
      },
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      districtCode: center?.districtCode ?? null,
      name: center?.name ?? '',
      address: center?.address ?? '',
      phone: center?.phone ? formatPhone(center.phone) : '',
      latitude: center?.latitude ?? '',
      longitude: center?.longitude ?? '',
    });
    form.clearErrors();
  }, [opened, center?.id]);

  const submit = form.onSubmit((v) => {
    const input: CenterInput = {
      districtCode: v.districtCode ?? '',
      name: v.name.trim(),
      address: v.address.trim() || null,
      phone: v.phone.trim() ? (normalizePhone(v.phone) ?? null) : null,
      latitude: numberOrNull(v.latitude),
      longitude: numberOrNull(v.longitude),
    };
    save.mutate(
      { centerId: center?.id, input },
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
    <Modal opened={opened} onClose={onClose} title={center ? t('centers.edit') : t('centers.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <RegionPicker
            label={t('centers.district')}
            description={t('centers.districtHint')}
            maxLevel={3}
            within={operator.serviceArea}
            value={form.values.districtCode}
            onChange={(code) => form.setFieldValue('districtCode', code)}
            error={form.errors.districtCode}
          />
          <TextInput label={t('centers.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('centers.address')} autosize minRows={2} {...form.getInputProps('address')} />
          <TextInput label={t('centers.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('centers.latitude')}
              decimalScale={6}
              min={-90}
              max={90}
              {...form.getInputProps('latitude')}
            />
            <NumberInput
              label={t('centers.longitude')}
              decimalScale={6}
              min={-180}
              max={180}
              {...form.getInputProps('longitude')}
            />
          </SimpleGrid>
          {center ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('centers.coordinators')}
              </Text>
              <Text size="sm" c="dimmed">
                {center.coordinators.map((c) => c.name).join(', ') || t('centers.noCoordinators')}
              </Text>
            </Stack>
          ) : null}
          <FormActions
            onCancel={onClose}
            loading={save.isPending}
            submitLabel={center ? t('common.save') : t('centers.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
