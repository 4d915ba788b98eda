import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { confirmRule, passwordRule } from './user-fields.js';
import { useUpdateUser } from './users-api.js';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const update = useUpdateUser(userId);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: { password: passwordRule(t), confirm: confirmRule(t) },
  });

  const submit = form.onSubmit((v) => {
    update.mutate(
      { password: v.password },
      {
        onSuccess: () => {
          notifySaved(t, t('users.passwordReset'));
          form.reset();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('users.resetPassword')}</Title>
          <Text size="sm" c="dimmed">
            {t('users.resetPasswordHint')}
          </Text>
          <PasswordInput
            label={t('users.newPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('users.passwordConfirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={update.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
