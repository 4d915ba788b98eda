import { Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { RegionMultiPicker } from '../regions/region-multi-picker.js';
import { type Operator, useCreateOperator, useUpdateOperator } from './operators-api.js';

type Values = { name: string; serviceArea: string[]; active: boolean };

/** Create an operator (no `operator`) or edit its name, service area and status. */
export function OperatorFormModal({
  opened,
  onClose,
  operator,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  operator?: Operator;
  onCreated?: (op: Operator) => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const create = useCreateOperator();
  const update = useUpdateOperator(operator?.id ?? '');
  const form = useForm<Values>({
    initialValues: { name: '', serviceArea: [], active: true },
    validate: {
      name: (v) => (v.trim().length < 2 ? t('operators.nameRequired') : null),
      serviceArea: (v) => (v.length === 0 ? t('operators.areaRequired') : null),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      name: operator?.name ?? '',
      serviceArea: operator?.serviceArea ?? [],
      active: operator?.active ?? true,
    });
    form.resetDirty();
    form.clearErrors();
  }, [opened, operator?.id]);

  const names = Object.fromEntries(
    (operator?.serviceArea ?? []).map((c, i) => [c, operator?.serviceAreaNames[i] ?? c]),
  );

  const submit = form.onSubmit((values) => {
    const body = { name: values.name.trim(), serviceArea: values.serviceArea };
    if (operator) {
      update.mutate(
        { ...body, active: values.active },
        {
          onSuccess: () => {
            notifySaved(t);
            onClose();
          },
          onError: errors.form(form),
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (op) => {
          notifySaved(t, t('operators.created'));
          onClose();
          onCreated?.(op);
        },
        onError: errors.form(form),
      });
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={operator ? t('operators.edit') : t('operators.create')}
      size="lg"
      fullScreen={false}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('operators.name')} required data-autofocus {...form.getInputProps('name')} />
          <RegionMultiPicker
            label={t('operators.serviceArea')}
            value={form.values.serviceArea}
            onChange={(codes) => form.setFieldValue('serviceArea', codes)}
            names={names}
            error={form.errors.serviceArea}
          />
          {operator ? (
            <Switch label={t('operators.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          ) : null}
          <FormActions
            onCancel={onClose}
            loading={create.isPending || update.isPending}
            submitLabel={operator ? t('common.save') : t('operators.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
