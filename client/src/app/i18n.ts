import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../locales/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANG_KEY = 'duijie.lang';

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  const stored = localStorage.getItem(LANG_KEY);
  return isLanguage(stored) ? stored : 'zh-CN';
}

function applyDayjsLocale(lang: Language): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

/**
 * Chinese, the default, ships in the entry; every other language's strings are a chunk of their
 * own, fetched when the reader first needs them (they would add ~30 kB gzipped to every first load).
 */
const OTHER_LANGUAGES: Record<Exclude<Language, 'zh-CN'>, () => Promise<{ default: object }>> = {
  en: () => import('../locales/en.json'),
};

async function loadStrings(lang: Language): Promise<void> {
  if (lang === 'zh-CN' || i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: strings } = await OTHER_LANGUAGES[lang]();
  i18n.addResourceBundle(lang, 'translation', strings);
}

const initial = storedLanguage();
applyDayjsLocale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Settles once the stored language's strings are in (at once for Chinese): main.tsx renders after it. */
export const i18nReady: Promise<void> =
  initial === 'zh-CN'
    ? Promise.resolve()
    : loadStrings(initial)
        .then(() => i18n.changeLanguage(initial))
        .then(
          () => undefined,
          // Offline without the strings cached: the app still opens, in Chinese.
          () => {
            applyDayjsLocale('zh-CN');
            document.documentElement.lang = 'zh-CN';
          },
        );

/** Switches the UI language, dayjs and the <html lang>, and remembers the choice. */
export async function changeLanguage(lang: Language): Promise<void> {
  await loadStrings(lang);
  localStorage.setItem(LANG_KEY, lang);
  applyDayjsLocale(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export { i18n };
