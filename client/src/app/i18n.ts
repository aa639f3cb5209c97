import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import coreChinese from 'virtual:duijie-core-strings';

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
 * Every language's full strings are a chunk of their own (~20 kB gzipped each). The entry carries
 * only the Chinese the login page and the app's frame need (vite.config.ts, CORE_STRING_GROUPS);
 * the router loads the rest with any other page (allStrings), and a switch loads that language's.
 */
const FULL_STRINGS: Record<Language, () => Promise<{ default: object }>> = {
  'zh-CN': () => import('../locales/zh-CN.json'),
  en: () => import('../locales/en.json'),
};

const loading = new Map<Language, Promise<void>>();

function loadStrings(lang: Language): Promise<void> {
  let done = loading.get(lang);
  if (!done) {
    done = FULL_STRINGS[lang]().then(({ default: strings }) => {
      i18n.addResourceBundle(lang, 'translation', strings, true, true);
    });
    // A failed fetch (offline, a new deployment) is tried again next time.
    done.catch(() => loading.delete(lang));
    loading.set(lang, done);
  }
  return done;
}

/** Settles when the current language's full strings are in: pages other than the login wait for it. */
export function allStrings(): Promise<void> {
  return loadStrings(currentLanguage());
}

const initial = storedLanguage();
applyDayjsLocale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: coreChinese } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Settles once the stored language's strings are in (at once for Chinese, whose core is here): main.tsx renders after it. */
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
