import type { Language } from '../app/i18n';

/** A quantity with thousands grouped and at most three decimals, e.g. "12,500.5". */
export function formatQuantity(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 3 }).format(value);
}
