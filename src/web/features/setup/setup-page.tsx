import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { AnchorLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useSignIn } from '../auth/auth-api.js';
import { PublicLayout } from '../auth/public-layout.js';
import { confirmRule, passwordRule } from '../users/user-fields.js';
import { useRunSetup, useSetupStatus } from './setup-api.js';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** First start: create the first administrator with the token printed by the server, then sign in. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useErrorHandlers();
  const status = useSetupStatus();
  const setup = useRunSetup();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { token, name: '', email: '', password: '', confirm: '' },
    validate: {
      token: (v) => (v.trim() ? null : t('setup.tokenRequired')),
      name: (v) => (v.trim().length < 2 ? t('users.nameRequired') : null),
      email: (v) => (emailPattern.test(v.trim()) ? null : t('common.emailInvalid')),
      password: passwordRule(t),
      confirm: confirmRule(t),
    },
  });

  const submit = form.onSubmit((v) => {
    const email = v.email.trim();
    setup.mutate(
      { token: v.token.trim(), name: v.name.trim(), email, password: v.password },
      {
        onSuccess: () =>
          signIn.mutate(
            { identifier: email, password: v.password },
            { onSuccess: () => void navigate({ to: '/' }), onError: () => void navigate({ to: '/login' }) },
          ),
        onError: errors.form(form),
      },
    );
  });

  if (status.isLoading) return <PublicLayout title={t('setup.title')}>{<LoadingBlock />}</PublicLayout>;
  if (status.isError) {
    return (
      <PublicLayout title={t('setup.title')}>
        <ErrorBlock error={status.error} onRetry={() => void status.refetch()} />
      </PublicLayout>
    );
  }
  if (!status.data?.needsSetup && !setup.isSuccess) {
    return (
      <PublicLayout title={t('setup.done')}>
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          {t('setup.doneHint')}
        </Alert>
        <AnchorLink to="/login">{t('setup.toLogin')}</AnchorLink>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('setup.title')}>
      <Text size="sm" c="dimmed">
        {t('setup.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('setup.token')}
            description={t('setup.tokenHint')}
            required
            autoComplete="off"
            {...form.getInputProps('token')}
          />
          <TextInput label={t('users.name')} required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps('email')}
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
          <Button type="submit" loading={setup.isPending || signIn.isPending} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
