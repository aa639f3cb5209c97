// Money. Every amount on the platform is an exact integer number of yuan (元); the source
// documents quote amounts in 万元 (10,000 yuan) and 亿元 (100,000,000 yuan), so that is how
// amounts are shown in Chinese. Rates are basis points (1% = 100 bp).
//
// Display rules of formatCny:
//  - zh-CN: the number in the chosen unit with thousands grouped, at most `digits` decimals
//    (default 2), trailing zeros trimmed, and the unit directly after: "1.25亿元", "3,500万元",
//    "800元". `unit: 'auto'` (the default) picks 亿元 from 1亿 up, 万元 from 1万 up, else 元;
//    if rounding carries a value up to the next unit (9,999.999万 → 1亿) the larger unit is used.
//  - en: readers of English do not count in 万 and 亿, so English output uses Western
//    magnitudes: "CNY 1.5B" from one billion, "CNY 125M" / "CNY 35M" from one million, and the
//    plain grouped number below that ("CNY 800", "CNY 12,500"). In English, `unit: 'yuan'`
//    forces the plain number; 'wan', 'yi' and 'auto' all use the Western magnitudes.
//  - Negative amounts carry a leading minus on the number ("-800元", "CNY -800").
//  - Rounding is half away from zero, exact for integer amounts.

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

const YUAN_PER_MILLION = 1_000_000;
const YUAN_PER_BILLION = 1_000_000_000;

/** Units from the largest down; `suffix` follows the number. */
type Scale = { size: number; suffix: string };

const ZH_SCALES: Scale[] = [
  { size: YUAN_PER_YI, suffix: '亿元' },
  { size: YUAN_PER_WAN, suffix: '万元' },
  { size: 1, suffix: '元' },
];

const EN_SCALES: Scale[] = [
  { size: YUAN_PER_BILLION, suffix: 'B' },
  { size: YUAN_PER_MILLION, suffix: 'M' },
  { size: 1, suffix: '' },
];

/** x × 10^n computed on the decimal representation, so 1.005 shifted by 2 is exactly 100.5. */
function shiftDecimal(x: number, n: number): number {
  const [mantissa, exponent] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + n}`);
}

/** Math.round that rounds halves away from zero (Math.round(-2.5) is -2). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * |amount| / size rounded to `digits` decimals and multiplied by 10^digits, as an integer:
 * (125_000_000, 1e8, 2) → 125n, meaning 1.25.
 */
function scaledDigits(absAmount: number, size: number, digits: number): bigint {
  if (Number.isSafeInteger(absAmount)) {
    const numerator = BigInt(absAmount) * 10n ** BigInt(digits);
    const divisor = BigInt(size);
    let quotient = numerator / divisor;
    if ((numerator % divisor) * 2n >= divisor) quotient += 1n;
    return quotient;
  }
  // Fractional or huge amounts: decimal shifting is accurate enough for display.
  return BigInt(Math.round(shiftDecimal(absAmount / size, digits)));
}

/** "1234567" with 2 decimals → "12,345.67"; trailing zeros and a bare point are dropped. */
function renderScaled(scaled: bigint, digits: number): string {
  const text = scaled.toString().padStart(digits + 1, '0');
  const intPart = text.slice(0, text.length - digits);
  const fracPart = text.slice(text.length - digits).replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fracPart ? `${grouped}.${fracPart}` : grouped;
}

export function formatCny(yuan: number, lang: 'zh-CN' | 'en' = 'zh-CN', opts?: { unit?: 'auto' | 'yuan' | 'wan' | 'yi'; digits?: number }): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const digits = Math.max(0, Math.min(8, Math.floor(opts?.digits ?? 2)));
  const unit = opts?.unit ?? 'auto';
  const abs = Math.abs(yuan);
  const scales = lang === 'en' ? EN_SCALES : ZH_SCALES;

  // A unit the caller fixed: 'yuan' in both languages, 'wan' and 'yi' in Chinese only.
  const fixed = unit === 'yuan' || (lang === 'zh-CN' && unit !== 'auto');
  let index: number;
  if (unit === 'yuan') index = scales.length - 1;
  else if (lang === 'zh-CN' && unit === 'wan') index = 1;
  else if (lang === 'zh-CN' && unit === 'yi') index = 0;
  else index = scales.findIndex((s) => abs >= s.size);
  if (index < 0) index = scales.length - 1;

  let scaled = scaledDigits(abs, scales[index].size, digits);
  // Carry into the next unit when rounding reached it (chosen units only): 99,999,999 元 is 1亿元.
  if (!fixed && index > 0) {
    const ratio = BigInt(scales[index - 1].size / scales[index].size) * 10n ** BigInt(digits);
    if (scaled >= ratio) {
      index -= 1;
      scaled = scaledDigits(abs, scales[index].size, digits);
    }
  }
  const number = renderScaled(scaled, digits);
  const sign = yuan < 0 && scaled !== 0n ? '-' : '';
  const suffix = scales[index].suffix;
  return lang === 'en' ? `CNY ${sign}${number}${suffix}` : `${sign}${number}${suffix}`;
}

/** 万元 to yuan, rounded to a whole yuan (half away from zero). */
export function wanToYuan(wan: number): number {
  const yuan = roundHalfAway(shiftDecimal(wan, 4));
  return yuan === 0 ? 0 : yuan;
}

/** Yuan to 万元 (not rounded: 12,345 元 is 1.2345 万元). */
export function yuanToWan(yuan: number): number {
  return shiftDecimal(yuan, -4);
}

/** Basis points as a percentage with at least two decimals: 385 → "3.85%", 400 → "4.00%", 12.5 → "0.125%". */
export function formatRateBp(bp: number): string {
  if (!Number.isFinite(bp)) return `${bp}%`;
  const percent = Math.abs(shiftDecimal(bp, -2));
  let text = String(percent);
  if (text.includes('e')) text = percent.toFixed(12).replace(/0+$/, '');
  const [intPart, fracPart = ''] = text.split('.');
  const sign = bp < 0 ? '-' : '';
  return `${sign}${intPart}.${fracPart.padEnd(2, '0')}%`;
}
