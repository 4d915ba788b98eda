import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { errorMessage } from '../../app/errors.js';
import { signInRequest, useSignIn } from './auth-api.js';
import { PublicLayout } from './public-layout.js';

/** Only paths inside the app are followed after login, never another site. */
function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginPage({ redirectTo }: { redirectTo?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const router = useRouter();
  const signIn = useSignIn();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { identifier: '', password: '' },
    validate: {
      identifier: (v) =>
        !v.trim() ? t('auth.identifierRequired') : signInRequest(v) ? null : t('auth.identifierInvalid'),
      password: (v) => (v ? null : t('auth.passwordRequired')),
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: () => {
        const target = safeRedirect(redirectTo);
        if (target === '/') void navigate({ to: '/' });
        else router.history.push(target);
      },
      onError: (err) => {
        const wrongCredentials = isApiError(err) && (err.status === 401 || err.status === 400 || err.status === 403);
        setFailure(wrongCredentials ? t('auth.invalidCredentials') : errorMessage(err, t));
      },
    });
  });

  return (
    <PublicLayout title={t('auth.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.identifier')}
            placeholder={t('auth.identifierPlaceholder')}
            autoComplete="username"
            autoCapitalize="none"
            data-autofocus
            {...form.getInputProps('identifier')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
