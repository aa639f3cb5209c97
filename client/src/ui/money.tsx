import { formatCny, formatRateBp } from '@duijie/shared';
import { useLanguage } from '../app/use-language';

type Props = {
  /** Integer yuan. */
  yuan: number | null | undefined;
};

/** An amount in 万元/亿元 (Chinese) or CNY with M/B (English). */
export function Money({ yuan }: Props) {
  const lang = useLanguage();
  if (yuan === null || yuan === undefined) return <>—</>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatCny(yuan, lang)}</span>;
}

type RangeProps = { min: number | null | undefined; max: number | null | undefined };

/** "500万元 – 3,000万元"; one side alone when the other is missing. */
export function MoneyRange({ min, max }: RangeProps) {
  const lang = useLanguage();
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (!has(min) && !has(max)) return <>—</>;
  if (has(min) && has(max) && min !== max) {
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        {formatCny(min, lang)} – {formatCny(max, lang)}
      </span>
    );
  }
  return <span style={{ whiteSpace: 'nowrap' }}>{formatCny(has(min) ? min : (max as number), lang)}</span>;
}

type RateProps = { bp: number | null | undefined; maxBp?: number | null };

/** A rate (basis points) as a percentage, or a range of two. */
export function Rate({ bp, maxBp }: RateProps) {
  if (bp === null || bp === undefined) return <>—</>;
  if (maxBp !== null && maxBp !== undefined && maxBp !== bp) {
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        {formatRateBp(bp)} – {formatRateBp(maxBp)}
      </span>
    );
  }
  return <span style={{ whiteSpace: 'nowrap' }}>{formatRateBp(bp)}</span>;
}
