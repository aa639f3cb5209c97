import { formatCny, type ScoreboardFigure } from '@duijie/shared';

/** The i18n key of each figure under `scoreboard.figures` (i18next reads dots as nesting). */
export const FIGURE_KEYS: Record<ScoreboardFigure, string> = {
  'platform.signedLoans': 'signedLoans',
  'platform.disbursed': 'disbursed',
  'platform.ratingAverage': 'ratingAverage',
  industryLoanIncrement: 'industryLoanIncrement',
  smallMicroLoanIncrement: 'smallMicroLoanIncrement',
};

/** Figures that are an average rating (1–5), not an amount. */
export const isRating = (figure: ScoreboardFigure): boolean => figure === 'platform.ratingAverage';

/** A row's value: a rating to two decimals, an amount in 万元/亿元 (CNY M/B in English). */
export function formatScore(figure: ScoreboardFigure, value: number, lang: 'zh-CN' | 'en'): string {
  return isRating(figure) ? value.toFixed(2) : formatCny(value, lang);
}
