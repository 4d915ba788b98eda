import { Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '../../../shared/phone.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { RegionPicker } from '../regions/region-picker.js';
import { useRegionScope } from '../regions/use-region-scope.js';
import { useUpdateProfile } from './member-api.js';
import type { ParticipantDetail, ProfileInput } from './participant-types.js';

type Values = {
  fullName: string;
  phone: string;
  email: string;
  ktpAddress: string;
  domicileAddress: string;
  domicileVillageCode: string | null;
};

/** Edit the person's own data; NIK, sex and birth date come from the KTP and are not edited here. */
export function ProfileEditModal({
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
  const scope = useRegionScope();
  const update = useUpdateProfile(person.id);
  const form = useForm<Values>({
    initialValues: {
      fullName: '',
      phone: '',
      email: '',
      ktpAddress: '',
      domicileAddress: '',
      domicileVillageCode: null,
    },
    validate: {
      fullName: (v) => (v.trim().length < 2 ? t('member.profile.nameRequired') : null),
      phone: (v) => (!normalizePhone(v) ? t('common.phoneInvalid') : null),
      email: (v) => (v.trim() && !/^\S+@\S+\.\S+$/.test(v.trim()) ? t('common.emailInvalid') : null),
      domicileVillageCode: (v) => (v && v.split('.').length === 4 ? null : t('member.profile.villageRequired')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      fullName: person.fullName,
      phone: person.phone && /^\+62\d+$/.test(person.phone) ? formatPhone(person.phone) : '',
      email: person.email ?? '',
      ktpAddress: person.ktpAddress ?? '',
      domicileAddress: person.domicileAddress ?? '',
      domicileVillageCode: person.domicileVillageCode,
    });
    form.clearErrors();
  }, [opened]);

  const submit = form.onSubmit((v) => {
    const input: ProfileInput = {
      fullName: v.fullName.trim(),
      phone: normalizePhone(v.phone) ?? v.phone,
      email: v.email.trim() || null,
      ktpAddress: v.ktpAddress.trim() || null,
      domicileAddress: v.domicileAddress.trim() || null,
      domicileVillageCode: v.domicileVillageCode ?? undefined,
    };
    update.mutate(input, {
      onSuccess: () => {
        notifySaved(t);
        onClose();
      },
      onError: errors.form(form),
    });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('member.profile.edit')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('member.profile.fullName')} required {...form.getInputProps('fullName')} />
          <TextInput
            label={t('member.profile.phone')}
            type="tel"
            inputMode="tel"
            required
            {...form.getInputProps('phone')}
          />
          <TextInput label={t('member.profile.email')} type="email" {...form.getInputProps('email')} />
          <Textarea label={t('member.profile.ktpAddress')} autosize minRows={2} {...form.getInputProps('ktpAddress')} />
          <Textarea
            label={t('member.profile.domicileAddress')}
            autosize
            minRows={2}
            {...form.getInputProps('domicileAddress')}
          />
          <RegionPicker
            label={t('member.profile.domicile')}
            description={t('member.profile.domicileHint')}
            within={scope}
            value={form.values.domicileVillageCode}
            onChange={(code) => form.setFieldValue('domicileVillageCode', code)}
            error={form.errors.domicileVillageCode}
          />
          <Text size="xs" c="dimmed">
            {t('member.profile.derivedHint')}
          </Text>
          <FormActions onCancel={onClose} loading={update.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
