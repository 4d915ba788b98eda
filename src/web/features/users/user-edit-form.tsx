import { Button, Card, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '../../../shared/phone.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { contactRules } from './user-fields.js';
import { type UserDetail, useUpdateUser } from './users-api.js';

type Values = { name: string; email: string; phone: string; active: boolean };

export function UserEditForm({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const update = useUpdateUser(user.id);
  const form = useForm<Values>({
    initialValues: { name: '', email: '', phone: '', active: true },
    validate: { name: (v) => (v.trim().length < 2 ? t('users.nameRequired') : null), ...contactRules(t) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: refill when the saved user changes
  useEffect(() => {
    const values = {
      name: user.name,
      email: user.email ?? '',
      phone: user.phoneNumber ? formatPhone(user.phoneNumber) : '',
      active: user.active,
    };
    form.setInitialValues(values);
    form.setValues(values);
  }, [user]);

  const submit = form.onSubmit((v) => {
    update.mutate(
      {
        name: v.name.trim(),
        email: v.email.trim() || null,
        phone: v.phone.trim() ? (normalizePhone(v.phone) ?? null) : null,
        active: v.active,
      },
      { onSuccess: () => notifySaved(t), onError: errors.form(form) },
    );
  });

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('users.profile')}</Title>
          <TextInput label={t('users.name')} required readOnly={!canManage} {...form.getInputProps('name')} />
          <TextInput label={t('users.email')} type="email" readOnly={!canManage} {...form.getInputProps('email')} />
          <TextInput
            label={t('users.phone')}
            type="tel"
            inputMode="tel"
            readOnly={!canManage}
            {...form.getInputProps('phone')}
          />
          <Switch
            label={t('users.activeLabel')}
            description={t('users.activeHint')}
            disabled={!canManage}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          {canManage ? (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
