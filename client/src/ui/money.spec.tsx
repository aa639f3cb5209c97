import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { Money, MoneyRange, Rate } from './money';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: {} }, en: { translation: {} } }, lng: 'zh-CN', fallbackLng: 'zh-CN' });
});

/** The text a reader sees, in the language given. */
async function text(node: ReactNode, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  await i18n.changeLanguage(lang);
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>).replace(/<[^>]+>/g, '');
}

describe('Money', () => {
  it('shows an amount in 万元 or 亿元 in Chinese and in millions or billions in English', async () => {
    expect(await text(<Money yuan={35_000_000} />)).toBe('3,500万元');
    expect(await text(<Money yuan={125_000_000} />)).toBe('1.25亿元');
    expect(await text(<Money yuan={35_000_000} />, 'en')).toBe('CNY 35M');
  });

  it('shows a dash for a missing amount but a zero as zero', async () => {
    expect(await text(<Money yuan={null} />)).toBe('—');
    expect(await text(<Money yuan={0} />)).toBe('0元');
  });
});

describe('MoneyRange', () => {
  it('shows both ends, or one amount when they are equal or one is missing', async () => {
    expect(await text(<MoneyRange min={5_000_000} max={30_000_000} />)).toBe('500万元 – 3,000万元');
    expect(await text(<MoneyRange min={5_000_000} max={5_000_000} />)).toBe('500万元');
    expect(await text(<MoneyRange min={null} max={30_000_000} />)).toBe('3,000万元');
    expect(await text(<MoneyRange min={5_000_000} max={undefined} />, 'en')).toBe('CNY 5M');
    expect(await text(<MoneyRange min={null} max={null} />)).toBe('—');
  });
});

describe('Rate', () => {
  it('shows basis points as a percentage, or a range of two', async () => {
    expect(await text(<Rate bp={385} />)).toBe('3.85%');
    expect(await text(<Rate bp={345} maxBp={420} />)).toBe('3.45% – 4.20%');
    expect(await text(<Rate bp={345} maxBp={345} />)).toBe('3.45%');
    expect(await text(<Rate bp={undefined} />)).toBe('—');
  });
});
