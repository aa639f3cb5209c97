import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';

/** The active UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
