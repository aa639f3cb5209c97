import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { ZoneNote } from './zone-note';

const i18n = i18next.createInstance();
const ORIGINAL_TZ = process.env.TZ;
const SESSION_START = '2026-12-15T01:00:00.000Z';

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

/** The text a reader sees, in the language given, on a device set to `device`. */
async function text(node: ReactNode, device: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  process.env.TZ = device;
  await i18n.changeLanguage(lang);
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>)
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('ZoneNote', () => {
  it('names the event’s zone on a device whose clocks differ', async () => {
    expect(await text(<ZoneNote zone="Asia/Shanghai" at={SESSION_START} />, 'UTC')).toBe('北京时间 UTC+8');
    expect(await text(<ZoneNote zone="Asia/Shanghai" at={SESSION_START} variant="page" />, 'UTC')).toBe(
      '时间均为活动所在地时间：北京时间（Asia/Shanghai，UTC+8）',
    );
    expect(await text(<ZoneNote zone="Asia/Urumqi" at={SESSION_START} variant="page" />, 'Asia/Shanghai', 'en')).toBe(
      "Times are the event's local time: Urumqi (Asia/Urumqi, UTC+6)",
    );
  });

  it('says nothing on a device with the event’s clocks', async () => {
    expect(await text(<ZoneNote zone="Asia/Shanghai" at={SESSION_START} />, 'Asia/Shanghai')).toBe('');
    expect(await text(<ZoneNote zone="Asia/Shanghai" at={SESSION_START} variant="page" />, 'Asia/Taipei')).toBe('');
  });
});
