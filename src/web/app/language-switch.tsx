import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, useLanguage } from './i18n/index.js';

/** "ID | EN" — visible on every page, including login and setup. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const lang = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      data-testid="language-switch"
      aria-label={t('common.language')}
      value={lang}
      onChange={(v) => void i18n.changeLanguage(v as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
