import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { businessStatuses } from '../../../shared/participants.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useBusinessStatus } from './member-api.js';
import type { Business } from './participant-types.js';
import { todayWib } from './stage-modal.js';

type Values = { status: string | null; effectiveOn: string | null; reason: string; newAddress: string };

/**
 * "Ubah status": active, moved, paused or closed, from a date — the history that settles whether businesses
 * survive. Closing needs a reason, moving a new address; the server says so next to the field.
 */
export function BusinessStatusModal({ business, onClose }: { business: Business | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const save = useBusinessStatus();
  const form = useForm<Values>({
    initialValues: { status: null, effectiveOn: todayWib(), reason: '', newAddress: '' },
    validate: {
      status: (v) => (v ? null : t('member.business.statusRequired')),
      effectiveOn: (v) => (v ? null : t('member.business.effectiveOnRequired')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another business is opened
  useEffect(() => {
    if (!business) return;
    form.setValues({ status: null, effectiveOn: todayWib(), reason: '', newAddress: '' });
    form.clearErrors();
  }, [business?.id]);

  const submit = form.onSubmit((v) => {
    if (!business) return;
    save.mutate(
      {
        businessId: business.id,
        input: {
          status: v.status ?? '',
          effectiveOn: v.effectiveOn ?? '',
          reason: v.reason.trim() || null,
          newAddress: v.status === 'moved' ? v.newAddress.trim() || null : null,
        },
      },
      {
        onSuccess: () => {
          notifySaved(t, t('member.business.statusSaved'));
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  const status = form.values.status;
  return (
    <Modal
      opened={business !== null}
      onClose={onClose}
      title={business ? t('member.business.statusTitle', { name: business.name }) : ''}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('member.business.newStatus')}
            required
            data={businessStatuses
              .filter((s) => s !== business?.status)
              .map((s) => ({ value: s, label: t(`participants.businessStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <DatePickerInput
            label={t('member.business.effectiveOn')}
            required
            valueFormat="D MMM YYYY"
            maxDate={todayWib()}
            {...form.getInputProps('effectiveOn')}
          />
          {status === 'moved' ? (
            <Textarea
              label={t('member.business.newAddress')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('newAddress')}
            />
          ) : null}
          <Textarea
            label={t('member.business.reason')}
            description={status === 'closed' ? t('member.business.reasonHint') : undefined}
            required={status === 'closed'}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
