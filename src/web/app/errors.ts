import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';

const knownCodes = new Set([
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'PARTICIPANT_EXISTS',
  'INVALID_NIK',
  'QUOTA_FULL',
  'NOT_ELIGIBLE',
  'INVALID_TRANSITION',
  'NETWORK',
] as const);
type KnownCode = typeof knownCodes extends Set<infer C> ? C : never;

/** The server's own words when it gave some, else the translated meaning of the error code. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message;
    if (knownCodes.has(err.code as KnownCode)) return t(`errors.${err.code as KnownCode}`);
    if (err.status === 401) return t('errors.UNAUTHENTICATED');
    if (err.status === 403) return t('errors.FORBIDDEN');
    if (err.status === 404) return t('errors.NOT_FOUND');
  }
  return t('errors.UNKNOWN');
}

export function notifyError(err: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
}

/**
 * Puts each `{ path, message }` of a validation error next to its input; whatever has no input
 * (or an error without details) goes to a notification.
 */
export function showFormError<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  err: unknown,
  t: TFunction,
): void {
  const problems = err instanceof ApiError ? err.fieldProblems : [];
  const values = form.getValues();
  let unplaced = problems.length === 0;
  for (const p of problems) {
    const field = p.path.replace(/^body\./, '');
    const key = field in values ? field : field.split('.')[0];
    if (key in values) form.setFieldError(key as never, p.message);
    else unplaced = true;
  }
  if (unplaced) notifyError(err, t);
}

export function useErrorHandlers() {
  const { t } = useTranslation();
  return {
    notify: (err: unknown) => notifyError(err, t),
    message: (err: unknown) => errorMessage(err, t),
    form:
      <V extends Record<string, unknown>>(form: UseFormReturnType<V>) =>
      (err: unknown) =>
        showFormError(form, err, t),
  };
}

export function notifySaved(t: TFunction, message?: string): void {
  notifications.show({ color: 'teal', message: message ?? t('common.saved') });
}
