import { Text, TextInput } from '@mantine/core';
import type { ChangeEvent, FocusEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.js';
import { cleanNik, parseNik } from '../../../shared/nik.js';
import { useLanguage } from '../../app/i18n/index.js';

/** The sex and birth date a NIK carries, or why it cannot be right; null while fewer than 16 digits are typed. */
export function useNikReading(value: string) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const digits = cleanNik(value);
  if (digits.length < 16 && /^\d*$/.test(digits)) return null;
  const r = parseNik(value);
  if (!r.ok) return { ok: false as const, text: t(`registration.nikProblem.${r.problem}`) };
  return {
    ok: true as const,
    sex: r.sex,
    birthDate: r.birthDate,
    text: `${t(`registration.sex.${r.sex}`)} · ${t('registration.bornOn', { date: formatDate(r.birthDate, lang) })}`,
  };
}

/**
 * NIK as on the KTP. As soon as 16 digits are typed, what they say is shown right under the field
 * ("Laki-laki · lahir 17 Agu 1990") or, in red, why they cannot be a NIK.
 */
export function NikInput({
  value,
  onChange,
  onBlur,
  onFocus,
  error,
}: {
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
  onFocus?: (e: FocusEvent<HTMLInputElement>) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const reading = useNikReading(value);
  const count = cleanNik(value).length;
  const description = reading?.ok ? (
    <Text span size="sm" c="teal.8" fw={500} data-testid="nik-reading">
      {reading.text}
    </Text>
  ) : reading ? undefined : (
    t('registration.nikHint', { n: count })
  );
  return (
    <TextInput
      label={t('registration.nik')}
      required
      inputMode="numeric"
      autoComplete="off"
      maxLength={24}
      placeholder="3276xxxxxxxxxxxx"
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      onFocus={onFocus}
      description={description}
      error={error ?? (reading && !reading.ok ? <span data-testid="nik-reading">{reading.text}</span> : undefined)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      size="md"
    />
  );
}
