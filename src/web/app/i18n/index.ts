import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setApiLanguage } from '../api.js';
import { en } from './en.js';
import { id } from './id.js';

export type Language = 'id' | 'en';
export const languages: Language[] = ['id', 'en'];
const storageKey = 'sentra.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(storageKey);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  setApiLanguage(lng);
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);

export { i18n };

/** The current language as the formatters in src/shared/format.ts expect it. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'id';
}
