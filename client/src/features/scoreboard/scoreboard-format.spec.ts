import { describe, expect, it } from 'vitest';
import { SCOREBOARD_FIGURES } from '@duijie/shared';
import zh from '../../locales/zh-CN.json';
import en from '../../locales/en.json';
import { FIGURE_KEYS, formatScore } from './scoreboard-format';

describe('scoreboard values', () => {
  it('shows amounts in 万元/亿元 and ratings to two decimals', () => {
    expect(formatScore('platform.signedLoans', 50_000_000, 'zh-CN')).toBe('5,000万元');
    expect(formatScore('platform.disbursed', 125_000_000, 'zh-CN')).toBe('1.25亿元');
    expect(formatScore('platform.ratingAverage', 4.5, 'zh-CN')).toBe('4.50');
    expect(formatScore('platform.ratingAverage', 4.333, 'en')).toBe('4.33');
  });

  it('names every figure in both languages', () => {
    for (const figure of SCOREBOARD_FIGURES) {
      const key = FIGURE_KEYS[figure] as keyof typeof zh.scoreboard.figures;
      expect(zh.scoreboard.figures[key]).toBeTruthy();
      expect(en.scoreboard.figures[key]).toBeTruthy();
    }
  });
});
