import { describe, expect, it } from 'vitest';
import type { GoodsFields } from '@duijie/shared';
import { collateralSummary, priceRangeText } from './listing-fields';

const goods = (priceMin: number | null, priceMax: number | null): GoodsFields => ({
  category: 'steel',
  quantity: 200,
  unit: '吨',
  region: '320500',
  priceMin,
  priceMax,
});

describe('priceRangeText', () => {
  it('shows unit prices in plain yuan per unit, however large, never in 万元', () => {
    expect(priceRangeText(goods(3500, 4200), 'zh-CN')).toBe('3,500元 – 4,200元/吨');
    expect(priceRangeText(goods(125_000, null), 'zh-CN')).toBe('125,000元/吨');
    expect(priceRangeText(goods(3500, 4200), 'en')).toBe('CNY 3,500 – CNY 4,200/吨');
  });

  it('shows one price when both ends are equal or one is missing, and nothing without a price', () => {
    expect(priceRangeText(goods(3500, 3500), 'zh-CN')).toBe('3,500元/吨');
    expect(priceRangeText(goods(null, 4200.5), 'zh-CN')).toBe('4,200.5元/吨');
    expect(priceRangeText(goods(null, null), 'zh-CN')).toBeNull();
  });
});

describe('collateralSummary', () => {
  // Message keys stand in for the texts.
  const t = (key: string) => key;

  it('shows the collateral text when collateral is offered', () => {
    expect(collateralSummary(' 厂房设备抵押 ', t)).toBe('listing.collateral: 厂房设备抵押');
  });

  it('says there is none for 无, none, "-" and an empty field, as the matching engine reads them', () => {
    for (const text of ['无', '暂无', 'none', '-', '', undefined]) expect(collateralSummary(text, t)).toBe('listing.noCollateral');
  });
});
