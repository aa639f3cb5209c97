import { Descriptions, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardRule, ScoringItem, ScoringScheme } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { bilingual, describeCondition, figureLabel, figureUnit, formatFigureValue, type Lang } from '../reward-values';

// A frozen (published or superseded) program's parameters as compact read-only lists: amounts in
// 万元/亿元, ratios as percentages, figures by their Chinese (or English) label.

type Fact = { label: string; value: ReactNode; span?: number };

const money = (yuan: number | null | undefined, lang: Lang) => formatFigureValue(yuan, 'yuan', lang);
const percent = (bp: number | null | undefined, lang: Lang) => formatFigureValue(bp, 'bp', lang);

function Facts({ facts, testId }: { facts: Fact[]; testId: string }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid={testId}
      items={facts.map((f, i) => ({ key: i, label: f.label, children: f.value, span: f.span }))}
    />
  );
}

/** One rule's parameters, read-only. */
export function RuleFacts({ rule }: { rule: RewardRule }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fig = (key: string | null | undefined) => (key ? figureLabel(key, lang) : '—');
  const facts: Fact[] = [
    { label: t('rewards.ruleId'), value: rule.id },
    { label: t('rewards.class'), value: t(`rewards.classes.${rule.class}`) },
  ];
  switch (rule.kind) {
    case 'growth_excess':
      facts.push(
        { label: t('rewards.f.figure'), value: fig(rule.figure) },
        { label: t('rewards.f.baseFigure'), value: fig(rule.baseFigure) },
        { label: t('rewards.f.thresholdBp'), value: percent(rule.thresholdBp, lang) },
        { label: t('rewards.f.excessFrom'), value: t(`rewards.excessFrom.${rule.excessFrom}`) },
        { label: t('rewards.f.unit'), value: money(rule.unit, lang) },
        { label: t('rewards.f.amountPerUnit'), value: money(rule.amountPerUnit, lang) },
        { label: t('rewards.f.rounding'), value: t(`rewards.rounding.${rule.rounding}`) },
      );
      break;
    case 'rank_prize':
      facts.push(
        { label: t('rewards.f.rankFigure'), value: fig(rule.figure) },
        { label: t('rewards.f.ties'), value: t(`rewards.ties.${rule.ties}`) },
        {
          label: t('rewards.f.bands'),
          span: 3,
          value: rule.bands.map((b, i) => <div key={i}>{`${t('rewards.bandRanks', { from: b.fromRank, to: b.toRank })}：${money(b.amount, lang)}`}</div>),
        },
      );
      break;
    case 'capital_and_volume':
      facts.push(
        { label: t('rewards.f.capitalEvent'), value: t(`rewards.capitalEvent.${rule.capitalEvent}`) },
        { label: t('rewards.f.capitalFigure'), value: fig(rule.capitalFigure) },
        { label: t('rewards.f.capitalBp'), value: percent(rule.capitalBp, lang) },
        { label: t('rewards.f.volumeFigure'), value: fig(rule.volumeFigure) },
        { label: t('rewards.f.volumeBaseFigure'), value: rule.volumeBaseFigure ? fig(rule.volumeBaseFigure) : t('rewards.noBaseFigure') },
        { label: t('rewards.f.unit'), value: money(rule.unit, lang) },
        { label: t('rewards.f.amountPerUnit'), value: money(rule.amountPerUnit, lang) },
        { label: t('rewards.f.rounding'), value: t(`rewards.rounding.${rule.rounding}`) },
        { label: t('rewards.f.deadline'), value: rule.deadline ?? t('rewards.noDeadline') },
      );
      break;
    case 'percent':
      facts.push(
        { label: t('rewards.f.figures'), value: rule.figures.map(fig).join('、') || '—' },
        { label: t('rewards.f.bp'), value: percent(rule.bp, lang) },
      );
      if (rule.splits?.length)
        facts.push({
          label: t('rewards.f.splits'),
          value: rule.splits.map((s) => `${bilingual(s.label, lang)} ${percent(s.bp, lang)}`).join('；'),
        });
      break;
    case 'band_compensation':
      facts.push(
        { label: t('rewards.f.compBase'), value: fig(rule.baseFigure) },
        { label: t('rewards.f.ratioFigure'), value: fig(rule.ratioFigure) },
        { label: t('rewards.f.lowBp'), value: percent(rule.lowBp, lang) },
        { label: t('rewards.f.highBp'), value: percent(rule.highBp, lang) },
        { label: t('rewards.f.compBp'), value: percent(rule.bp, lang) },
      );
      break;
    case 'threshold_prize':
      facts.push(
        { label: t('rewards.f.figure'), value: fig(rule.figure) },
        { label: t('rewards.f.min'), value: money(rule.min, lang) },
        { label: t('rewards.f.amount'), value: money(rule.amount, lang) },
      );
      break;
  }
  facts.push({ label: t('rewards.cap'), value: rule.cap === null || rule.cap === undefined ? t('rewards.noLimit') : money(rule.cap, lang) });
  if (rule.conditions?.length)
    facts.push({ label: t('rewards.conditions'), span: 3, value: rule.conditions.map((c) => describeCondition(c, lang)).join('；') });
  return <Facts facts={facts} testId={`rewards-rule-facts-${rule.id}`} />;
}

/** One scoring scheme's parameters, read-only: its items as a small table, then its gates. */
export function SchemeFacts({ scheme }: { scheme: ScoringScheme }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const itemValue = (item: ScoringItem, v: number | undefined) => formatFigureValue(v, figureUnit(item.figure), lang);
  const facts: Fact[] = [
    { label: t('rewards.ruleId'), value: scheme.id },
    { label: t('rewards.class'), value: t(`rewards.classes.${scheme.class}`) },
    { label: t('rewards.f.ties'), value: t(`rewards.ties.${scheme.ties}`) },
  ];
  if (scheme.gates.length)
    facts.push({
      label: t('rewards.gates'),
      span: 3,
      value: scheme.gates.map((g) => <div key={g.id}>{`${bilingual(g.name, lang)}：${describeCondition(g.condition, lang)}`}</div>),
    });
  return (
    <div data-testid={`rewards-scheme-facts-${scheme.id}`}>
      <Facts facts={facts} testId={`rewards-scheme-facts-main-${scheme.id}`} />
      <Table<ScoringItem>
        size="small"
        style={{ marginTop: 12 }}
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={scheme.items}
        columns={[
          { title: t('rewards.items'), render: (_, item) => bilingual(item.name, lang) },
          { title: t('rewards.f.itemFigure'), render: (_, item) => figureLabel(item.figure, lang) },
          { title: t('rewards.f.method'), render: (_, item) => t(`rewards.methods.${item.method}`) },
          { title: t('rewards.f.weight'), dataIndex: 'weight' },
          { title: t('rewards.f.full'), dataIndex: 'full' },
          {
            title: t('rewards.itemDetail'),
            render: (_, item) =>
              item.method === 'rank_decrement'
                ? `${t('rewards.f.step')} ${item.step ?? '—'} · ${t('rewards.f.floor')} ${item.floor ?? '—'}`
                : item.method === 'threshold'
                  ? `${t('rewards.f.itemMin')} ${itemValue(item, item.min)}`
                  : '—',
          },
          { title: t('rewards.f.higherIsBetter'), render: (_, item) => (item.higherIsBetter ? t('common.yes') : t('common.no')) },
        ]}
      />
    </div>
  );
}
