import { Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { type Program, useCreateProgram, useUpdateProgram } from './programs-api.js';
import { useOperatorChoices } from './use-operator-choices.js';

type Values = {
  operatorId: string | null;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  active: boolean;
};

/** Create a program (no `program`) or edit its name, description, period and status. */
export function ProgramFormModal({
  opened,
  onClose,
  program,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  program?: Program;
  onCreated?: (program: Program) => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const { choices } = useOperatorChoices('programs.manage');
  const form = useForm<Values>({
    initialValues: { operatorId: null, name: '', description: '', startsOn: null, endsOn: null, active: true },
    validate: {
      operatorId: (v) => (!program && !v ? t('programs.operatorRequired') : null),
      name: (v) => (v.trim().length < 3 ? t('programs.nameRequired') : null),
      startsOn: (v) => (v ? null : t('programs.startRequired')),
      endsOn: (v, values) =>
        !v ? t('programs.endRequired') : values.startsOn && v < values.startsOn ? t('programs.endBeforeStart') : null,
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      operatorId: program?.operatorId ?? (choices.length === 1 ? choices[0].value : null),
      name: program?.name ?? '',
      description: program?.description ?? '',
      startsOn: program?.startsOn ?? null,
      endsOn: program?.endsOn ?? null,
      active: program?.active ?? true,
    });
    form.clearErrors();
  }, [opened, program?.id, choices.length]);

  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name.trim(),
      description: v.description.trim() || null,
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn ?? '',
    };
    if (program) {
      update.mutate(
        { ...body, active: v.active },
        {
          onSuccess: () => {
            notifySaved(t);
            onClose();
          },
          onError: errors.form(form),
        },
      );
    } else {
      create.mutate(
        { ...body, operatorId: v.operatorId ?? '' },
        {
          onSuccess: (p) => {
            notifySaved(t, t('programs.created'));
            onClose();
            onCreated?.(p);
          },
          onError: errors.form(form),
        },
      );
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={program ? t('programs.edit') : t('programs.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!program && choices.length > 1 ? (
            <Select
              label={t('programs.operator')}
              required
              searchable
              data={choices}
              {...form.getInputProps('operatorId')}
            />
          ) : null}
          <TextInput
            label={t('programs.name')}
            placeholder={t('programs.namePlaceholder')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('programs.descriptionLabel')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Group grow align="flex-start" wrap="wrap">
            <DatePickerInput
              label={t('programs.startsOn')}
              valueFormat="D MMM YYYY"
              required
              miw={160}
              {...form.getInputProps('startsOn')}
            />
            <DatePickerInput
              label={t('programs.endsOn')}
              valueFormat="D MMM YYYY"
              required
              miw={160}
              minDate={form.values.startsOn ?? undefined}
              {...form.getInputProps('endsOn')}
            />
          </Group>
          {program ? (
            <Switch label={t('programs.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          ) : null}
          <FormActions
            onCancel={onClose}
            loading={create.isPending || update.isPending}
            submitLabel={program ? t('common.save') : t('programs.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
