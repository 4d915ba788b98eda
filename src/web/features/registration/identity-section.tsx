import { Card, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '../../../shared/phone.js';
import { NikInput } from './nik-input.js';
import type { RegistrationValues } from './registration-values.js';

/** Identitas: NIK (read as it is typed), name as written on the KTP, WhatsApp number, email, KTP address. */
export function IdentitySection({ form }: { form: UseFormReturnType<RegistrationValues> }) {
  const { t } = useTranslation();
  const phone = form.getInputProps('phone');
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('registration.identity')}
        </Title>
        <NikInput {...form.getInputProps('nik')} value={form.getValues().nik} />
        <TextInput
          label={t('registration.fullName')}
          description={t('registration.fullNameHint')}
          required
          autoComplete="name"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          size="md"
          {...form.getInputProps('fullName')}
        />
        <TextInput
          label={t('registration.phone')}
          description={t('registration.phoneHint')}
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="0812-3456-7890"
          size="md"
          {...phone}
          onBlur={(e) => {
            // Written the way Indonesians read it; sent as +62… by the schema.
            const normalized = normalizePhone(form.getValues().phone);
            if (normalized) form.setFieldValue('phone', formatPhone(normalized));
            phone.onBlur?.(e);
          }}
        />
        <TextInput
          label={t('registration.email')}
          description={t('registration.emailHint')}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          size="md"
          {...form.getInputProps('email')}
        />
        <Textarea
          label={t('registration.ktpAddress')}
          autosize
          minRows={2}
          size="md"
          {...form.getInputProps('ktpAddress')}
        />
      </Stack>
    </Card>
  );
}
