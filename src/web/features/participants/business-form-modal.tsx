import { Checkbox, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { salesChannels } from '../../../shared/participants.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { KbliSelect } from './kbli-select.js';
import { useAddBusiness } from './member-api.js';

type Values = {
  name: string;
  kbli: string | null;
  productType: string;
  nib: string;
  preVenture: boolean;
  address: string;
  monthlyRevenue: number | string;
  employeesMale: number | string;
  employeesFemale: number | string;
  channels: string[];
};

const empty: Values = {
  name: '',
  kbli: null,
  productType: '',
  nib: '',
  preVenture: false,
  address: '',
  monthlyRevenue: '',
  employeesMale: 0,
  employeesFemale: 0,
  channels: [],
};

const intOrNull = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/** "Tambah usaha": the fields a pendamping can fill on the spot; the rest can follow later. */
export function BusinessFormModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const add = useAddBusiness(personId);
  const form = useForm<Values>({
    initialValues: empty,
    validate: {
      name: (v) => (v.trim() ? null : t('member.business.nameRequired')),
      nib: (v) => (v.trim() && !/^\d{13}$/.test(v.trim()) ? t('member.business.nibInvalid') : null),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues(empty);
    form.clearErrors();
  }, [opened]);

  const submit = form.onSubmit((v) => {
    add.mutate(
      {
        name: v.name.trim(),
        kbli: v.kbli,
        productType: v.productType.trim() || null,
        nib: v.nib.trim() || null,
        preVenture: v.preVenture,
        address: v.address.trim() || null,
        monthlyRevenue: intOrNull(v.monthlyRevenue),
        employeesMale: intOrNull(v.employeesMale) ?? 0,
        employeesFemale: intOrNull(v.employeesFemale) ?? 0,
        channels: v.channels as (typeof salesChannels)[number][],
      },
      {
        onSuccess: () => {
          notifySaved(t, t('member.business.added'));
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('member.business.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('member.business.name')} required {...form.getInputProps('name')} />
          <KbliSelect
            label={t('member.business.kbli')}
            placeholder={t('member.business.kbliPlaceholder')}
            {...form.getInputProps('kbli')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t('member.business.productType')} {...form.getInputProps('productType')} />
            <TextInput
              label={t('member.business.nib')}
              inputMode="numeric"
              maxLength={13}
              {...form.getInputProps('nib')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('member.business.revenue')}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            allowNegative={false}
            min={0}
            {...form.getInputProps('monthlyRevenue')}
          />
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('member.business.employeesMale')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('employeesMale')}
            />
            <NumberInput
              label={t('member.business.employeesFemale')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('employeesFemale')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('member.business.channels')}
            data={salesChannels.map((c) => ({ value: c, label: t(`participants.channels.${c}`) }))}
            clearable
            {...form.getInputProps('channels')}
          />
          <Textarea label={t('member.business.address')} autosize minRows={2} {...form.getInputProps('address')} />
          <Checkbox
            label={t('member.business.preVenture')}
            {...form.getInputProps('preVenture', { type: 'checkbox' })}
          />
          <FormActions onCancel={onClose} loading={add.isPending} submitLabel={t('member.business.add')} />
        </Stack>
      </form>
    </Modal>
  );
}
