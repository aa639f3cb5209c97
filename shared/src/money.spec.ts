import { YUAN_PER_WAN, YUAN_PER_YI, formatCny, formatRateBp, wanToYuan, yuanToWan } from './money';

describe('constants', () => {
  it('defines 万 and 亿', () => {
    expect(YUAN_PER_WAN).toBe(10_000);
    expect(YUAN_PER_YI).toBe(100_000_000);
  });
});

describe('formatCny in Chinese', () => {
  it('picks 亿元, 万元 or 元 by size', () => {
    expect(formatCny(125_000_000)).toBe('1.25亿元');
    expect(formatCny(35_000_000)).toBe('3,500万元');
    expect(formatCny(800)).toBe('800元');
    expect(formatCny(0)).toBe('0元');
    expect(formatCny(30_000_000_000)).toBe('300亿元');
  });

  it('switches units exactly at the thresholds', () => {
    expect(formatCny(9_999)).toBe('9,999元');
    expect(formatCny(10_000)).toBe('1万元');
    expect(formatCny(99_990_000)).toBe('9,999万元');
    expect(formatCny(100_000_000)).toBe('1亿元');
  });

  it('carries into the larger unit when rounding reaches it', () => {
    expect(formatCny(99_999_999)).toBe('1亿元');
    expect(formatCny(99_999_950)).toBe('1亿元'); // 9,999.995万 rounds to 10,000万
    expect(formatCny(99_999_949)).toBe('9,999.99万元');
    expect(formatCny(99_995_000)).toBe('9,999.5万元');
    expect(formatCny(9_999.5)).toBe('9,999.5元');
    expect(formatCny(9_999.996)).toBe('1万元');
  });

  it('trims trailing zeros and rounds half away from zero', () => {
    expect(formatCny(150_000_000)).toBe('1.5亿元');
    expect(formatCny(12_345)).toBe('1.23万元');
    expect(formatCny(12_350)).toBe('1.24万元'); // 1.235 rounds up, exactly
    expect(formatCny(100_500_000)).toBe('1.01亿元'); // 1.005 rounds up, exactly
    expect(formatCny(100_499_999)).toBe('1亿元');
    expect(formatCny(-12_350)).toBe('-1.24万元');
  });

  it('honours digits', () => {
    expect(formatCny(123_456_789, 'zh-CN', { digits: 4 })).toBe('1.2346亿元');
    expect(formatCny(123_456_789, 'zh-CN', { digits: 0 })).toBe('1亿元');
    expect(formatCny(12_345, 'zh-CN', { digits: 4 })).toBe('1.2345万元');
  });

  it('honours a fixed unit', () => {
    expect(formatCny(35_000_000, 'zh-CN', { unit: 'yuan' })).toBe('35,000,000元');
    expect(formatCny(3_000_000_000, 'zh-CN', { unit: 'wan' })).toBe('300,000万元');
    expect(formatCny(50_000_000, 'zh-CN', { unit: 'yi' })).toBe('0.5亿元');
    expect(formatCny(800, 'zh-CN', { unit: 'wan' })).toBe('0.08万元');
    // A fixed unit does not carry.
    expect(formatCny(99_999_999, 'zh-CN', { unit: 'wan' })).toBe('10,000万元');
  });

  it('formats negative and fractional amounts', () => {
    expect(formatCny(-800)).toBe('-800元');
    expect(formatCny(-250_000_000)).toBe('-2.5亿元');
    expect(formatCny(3.456)).toBe('3.46元');
    expect(formatCny(-0.001)).toBe('0元');
  });
});

describe('formatCny in English', () => {
  it('uses millions and billions', () => {
    expect(formatCny(125_000_000, 'en')).toBe('CNY 125M');
    expect(formatCny(35_000_000, 'en')).toBe('CNY 35M');
    expect(formatCny(800, 'en')).toBe('CNY 800');
    expect(formatCny(12_500, 'en')).toBe('CNY 12,500');
    expect(formatCny(1_234_567, 'en')).toBe('CNY 1.23M');
    expect(formatCny(5_000_000_000, 'en')).toBe('CNY 5B');
    expect(formatCny(30_000_000_000, 'en')).toBe('CNY 30B');
  });

  it('switches and carries at the thresholds', () => {
    expect(formatCny(999_999, 'en')).toBe('CNY 999,999');
    expect(formatCny(1_000_000, 'en')).toBe('CNY 1M');
    expect(formatCny(999_999_999, 'en')).toBe('CNY 1B');
  });

  it('uses plain yuan for unit yuan and Western magnitudes otherwise', () => {
    expect(formatCny(125_000_000, 'en', { unit: 'yuan' })).toBe('CNY 125,000,000');
    expect(formatCny(125_000_000, 'en', { unit: 'yi' })).toBe('CNY 125M');
    expect(formatCny(35_000_000, 'en', { unit: 'wan' })).toBe('CNY 35M');
    expect(formatCny(-800, 'en')).toBe('CNY -800');
    expect(formatCny(999_999_999, 'en', { unit: 'wan' })).toBe('CNY 1B');
    expect(formatCny(999_999_999, 'en', { unit: 'yuan' })).toBe('CNY 999,999,999');
  });
});

describe('wanToYuan and yuanToWan', () => {
  it('converts 万元 to whole yuan', () => {
    expect(wanToYuan(5000)).toBe(50_000_000);
    expect(wanToYuan(1)).toBe(10_000);
    expect(wanToYuan(0.5)).toBe(5_000);
    expect(wanToYuan(1.2345)).toBe(12_345);
    expect(wanToYuan(0)).toBe(0);
  });

  it('rounds fractions of a yuan half away from zero, on the decimal value', () => {
    expect(wanToYuan(1.00005)).toBe(10_001);
    expect(wanToYuan(1.00004)).toBe(10_000);
    expect(wanToYuan(-1.00005)).toBe(-10_001);
    expect(Object.is(wanToYuan(-0.00001), 0)).toBe(true);
  });

  it('gives integers for amounts typed in 万元', () => {
    for (const wan of [0.1, 0.3, 1.1, 2.675, 3500.07, 123456.7891]) {
      expect(Number.isInteger(wanToYuan(wan))).toBe(true);
    }
    expect(wanToYuan(0.1 + 0.2)).toBe(3_000);
  });

  it('converts yuan to 万元 without rounding', () => {
    expect(yuanToWan(50_000_000)).toBe(5000);
    expect(yuanToWan(12_345)).toBe(1.2345);
    expect(yuanToWan(1)).toBe(0.0001);
    expect(wanToYuan(yuanToWan(987_654_321))).toBe(987_654_321);
  });
});

describe('formatRateBp', () => {
  it('formats basis points as a percentage with two decimals', () => {
    expect(formatRateBp(385)).toBe('3.85%');
    expect(formatRateBp(400)).toBe('4.00%');
    expect(formatRateBp(345)).toBe('3.45%');
    expect(formatRateBp(5)).toBe('0.05%');
    expect(formatRateBp(0)).toBe('0.00%');
    expect(formatRateBp(1000)).toBe('10.00%');
  });

  it('keeps more decimals for fractional basis points and signs negatives', () => {
    expect(formatRateBp(12.5)).toBe('0.125%');
    expect(formatRateBp(-25)).toBe('-0.25%');
  });
});
