import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RewardAward, RuleOutcome, SchemeOutcome } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { Money } from '../../../ui/money';
import { bilingual, rankText } from '../reward-values';

type Props = { award: Pick<RewardAward, 'outcomes' | 'scores'>; names?: Map<string, string> };

/** Why an institution got what it got: each rule's amount with its lines, then its scheme scores and ranks. */
export function AwardReasons({ award, names }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Each outcome names its rule or scheme; the program's names (for the organiser) cover the scheme items.
  const heading = (o: { name?: RuleOutcome['name'] }, id: string) => (o.name ? bilingual(o.name, lang) : (names?.get(id) ?? id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rewards-award-reasons">
      {award.outcomes.length === 0 ? <Typography.Text type="secondary">{t('rewards.noOutcomes')}</Typography.Text> : null}
      {award.outcomes.map((o: RuleOutcome) => (
        <div key={o.ruleId} style={{ borderLeft: `3px solid ${o.amount > 0 ? '#52c41a' : '#d9d9d9'}`, paddingLeft: 10 }}>
          <Space wrap>
            <Typography.Text strong data-testid="rewards-outcome-name">
              {heading(o, o.ruleId)}
            </Typography.Text>
            <Money yuan={o.amount} />
            {o.rank !== null ? <Tag color={o.tied > 1 ? 'orange' : 'blue'}>{rankText(o.rank, o.tied, lang)}</Tag> : null}
          </Space>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {o.lines.map((line, i) => (
              <li key={i}>{bilingual(line, lang)}</li>
            ))}
          </ul>
          {o.splits.length ? (
            <Typography.Text type="secondary">
              {t('rewards.splitsLine')}
              {o.splits.map((s, i) => (
                <span key={i} style={{ marginInlineStart: 8 }}>
                  {bilingual(s.label, lang)} <Money yuan={s.amount} />
                </span>
              ))}
            </Typography.Text>
          ) : null}
        </div>
      ))}
      {award.scores.map((sc: SchemeOutcome) => (
        <div key={sc.schemeId} style={{ borderLeft: `3px solid ${sc.gated ? '#ff4d4f' : '#722ed1'}`, paddingLeft: 10 }}>
          <Space wrap>
            <Typography.Text strong data-testid="rewards-outcome-name">
              {heading(sc, sc.schemeId)}
            </Typography.Text>
            {sc.gated ? <Tag color="red">{t('rewards.gated')}</Tag> : <span>{t('rewards.scoreText', { score: sc.score.toFixed(2) })}</span>}
            <Tag color={sc.tied > 1 ? 'orange' : 'purple'}>{rankText(sc.rank, sc.tied, lang)}</Tag>
          </Space>
          {names && Object.keys(sc.items).length ? (
            <div>
              <Typography.Text type="secondary">
                {t('rewards.itemScoresLine', {
                  items: Object.entries(sc.items)
                    .map(([id, score]) => `${names.get(id) ?? id} ${score.toFixed(2)}`)
                    .join(lang === 'en' ? ', ' : '，'),
                })}
              </Typography.Text>
            </div>
          ) : null}
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {sc.lines.map((line, i) => (
              <li key={i}>{bilingual(line, lang)}</li>
            ))}
          </ul>
        </div>
      ))}
    </Space>
  );
}
