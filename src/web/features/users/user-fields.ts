import type { TFunction } from 'i18next';
import { normalizePhone } from '../../../shared/phone.js';

export const minPasswordLength = 8;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Email and phone are each optional, but a person needs one of them to sign in. */
export function contactRules(t: TFunction) {
  return {
    email: (v: string, all: { phone: string }) => {
      if (!v.trim() && !all.phone.trim()) return t('users.contactRequired');
      return v.trim() && !emailPattern.test(v.trim()) ? t('common.emailInvalid') : null;
    },
    phone: (v: string) => (v.trim() && !normalizePhone(v) ? t('common.phoneInvalid') : null),
  };
}

export function passwordRule(t: TFunction) {
  return (v: string) =>
    v.length < minPasswordLength ? t('common.passwordTooShort', { min: minPasswordLength }) : null;
}

export function confirmRule(t: TFunction) {
  return (v: string, all: { password: string }) => (v !== all.password ? t('common.passwordMismatch') : null);
}
