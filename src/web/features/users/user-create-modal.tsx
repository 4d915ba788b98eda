import { Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../shared/phone.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useOperators } from '../operators/operators-api.js';
import { confirmRule, contactRules, passwordRule } from './user-fields.js';
import { type UserSummary, useCreateUser } from './users-api.js';

type Values = {
  name: string;
  email: string;
  phone: string;
  password: string;
  confirm: string;
  operatorId: string | null;
};

export function UserCreateModal({
  opened,
  onClose,
  defaultOperatorId,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  defaultOperatorId?: string;
  onCreated: (user: UserSummary) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useErrorHandlers();
  const create = useCreateUser();
  const operators = useOperators(session.isAdmin && opened);
  // A program admin creates people inside their own operator.
  const ownOperators = [...new Set(session.grants.map((g) => g.operatorId).filter((id): id is string => !!id))];
  const form = useForm<Values>({
    initialValues: { name: '', email: '', phone: '', password: '', confirm: '', operatorId: null },
    validate: {
      name: (v) => (v.trim().length < 2 ? t('users.nameRequired') : null),
      ...contactRules(t),
      password: passwordRule(t),
      confirm: confirmRule(t),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.reset();
    form.setFieldValue('operatorId', defaultOperatorId ?? null);
  }, [opened]);

  const submit = form.onSubmit((v) => {
    const operatorId = session.isAdmin
      ? (v.operatorId ?? undefined)
      : ownOperators.length === 1
        ? ownOperators[0]
        : undefined;
    create.mutate(
      {
        name: v.name.trim(),
        email: v.email.trim() || undefined,
        phone: v.phone.trim() ? normalizePhone(v.phone) : undefined,
        password: v.password,
        operatorId,
      },
      {
        onSuccess: (user) => {
          notifySaved(t, t('users.created'));
          onClose();
          onCreated(user);
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.create')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('users.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('users.email')}
            type="email"
            description={t('users.contactHint')}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('users.phone')}
            type="tel"
            inputMode="tel"
            placeholder="0812-3456-7890"
            {...form.getInputProps('phone')}
          />
          <PasswordInput
            label={t('users.password')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('users.passwordConfirm')}
            required
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
          {session.isAdmin ? (
            <Select
              label={t('users.operator')}
              description={t('users.operatorHint')}
              data={(operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              clearable
              searchable
              {...form.getInputProps('operatorId')}
            />
          ) : null}
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('users.create')} />
        </Stack>
      </form>
    </Modal>
  );
}
