import type { UseFormReturnType } from '@mantine/form';
import { englishOf } from '../../../shared/error-codes.js';
import { ApiError } from '../../app/api.js';
import { useErrorHandlers } from '../../app/errors.js';
import { useLanguage } from '../../app/i18n/index.js';

/**
 * Puts each problem the server names next to its input, nested paths included (`sessions.1.endsAt`); what has no
 * input on the form goes to a notification.
 */
export function useFormProblems() {
  const errors = useErrorHandlers();
  return <V extends Record<string, unknown>>(form: UseFormReturnType<V>, fields: readonly string[]) =>
    (err: unknown) => {
      const problems = err instanceof ApiError ? err.fieldProblems : [];
      let unplaced = problems.length === 0;
      for (const p of problems) {
        const path = p.path.replace(/^body\./, '');
        if (fields.includes(path.split('.')[0])) form.setFieldError(path as never, p.message);
        else unplaced = true;
      }
      if (unplaced) errors.notify(err);
    };
}

/** A message of the shared rules (src/shared/trainings.ts) in the reader's language. */
export function useRuleText() {
  const lang = useLanguage();
  return (message: string) => (lang === 'en' ? (englishOf(message) ?? message) : message);
}
