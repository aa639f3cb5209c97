import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_CLASSES, type CapitalAndVolumeRule, type PrizeBand, type RewardRule } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { describeRule } from '../reward-values';
import { ExpandHeader, useCardExpansion } from './card-expansion';
import { RuleFacts } from './program-facts';
import {
  ChoiceSelect,
  ConditionsEditor,
  DayInput,
  Field,
  FieldRow,
  FigureSelect,
  FiguresSelect,
  NameFields,
  PercentInput,
  TextInput,
  WanInput,
  WholeInput,
  useEditor,
} from './rule-inputs';

type Props = {
  rule: RewardRule;
  index: number;
  problemCount: number;
  onChange: (rule: RewardRule) => void;
  onRemove: () => void;
};

const ROUNDINGS = ['whole_units', 'pro_rata'] as const;
const TIES = ['shared_rank', 'split_prizes'] as const;

/** One money rule as a structured form for its kind, with its plain-language summary. */
export function RuleCard({ rule, index, problemCount, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { readOnly } = useEditor();
  const path = `rules[${index}]`;
  const { open, toggle } = useCardExpansion(path);

  return (
    <Card
      size="small"
      data-testid={`rewards-rule-${rule.id}`}
      data-open={open}
      title={
        <ExpandHeader open={open} onToggle={toggle} problemCount={problemCount} testId={`rewards-rule-toggle-${rule.id}`}>
          <Tag color="blue">{t(`rewards.kinds.${rule.kind}`)}</Tag>
          <span>{lang === 'en' ? rule.name.en : rule.name.zh}</span>
          <Tag>{t(`rewards.classes.${rule.class}`)}</Tag>
        </ExpandHeader>
      }
      extra={
        readOnly ? null : (
          <Popconfirm title={t('rewards.removeRuleConfirm')} onConfirm={onRemove} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph
        type="secondary"
        style={{ background: 'rgba(0,0,0,0.03)', padding: '6px 10px', borderRadius: 6, marginBottom: open ? 12 : 0 }}
        data-testid="rewards-rule-summary"
      >
        {describeRule(rule, lang)}
      </Typography.Paragraph>
      {open ? readOnly ? <RuleFacts rule={rule} /> : <RuleFields rule={rule} path={path} onChange={onChange} /> : null}
    </Card>
  );
}

/** The rule's inputs while its program is a draft. */
function RuleFields({ rule, path, onChange }: { rule: RewardRule; path: string; onChange: (rule: RewardRule) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<RewardRule>) => onChange({ ...rule, ...patch } as RewardRule);
  return (
    <>
      <FieldRow>
        <Field label={t('rewards.ruleId')} path={`${path}.id`}>
          <TextInput value={rule.id} maxLength={60} onChange={(id) => set({ id })} />
        </Field>
        <NameFields value={rule.name} path={`${path}.name`} onChange={(name) => set({ name })} />
        <Field label={t('rewards.class')} path={`${path}.class`}>
          <ChoiceSelect value={rule.class} choices={INSTITUTION_CLASSES} prefix="rewards.classes" onChange={(cls) => set({ class: cls })} />
        </Field>
        <KindFields rule={rule} path={path} onChange={onChange} />
        <Field label={t('rewards.cap')} path={`${path}.cap`}>
          <WanInput nullable value={rule.cap ?? null} onChange={(cap) => set({ cap })} />
        </Field>
      </FieldRow>
      <ConditionsEditor cls={rule.class} value={rule.conditions ?? []} path={`${path}.conditions`} onChange={(conditions) => set({ conditions })} />
    </>
  );
}

function KindFields({ rule, path, onChange }: { rule: RewardRule; path: string; onChange: (rule: RewardRule) => void }) {
  const { t } = useTranslation();
  const p = (key: string) => `${path}.${key}`;
  switch (rule.kind) {
    case 'growth_excess': {
      const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
      return (
        <>
          <Field label={t('rewards.f.figure')} path={p('figure')}>
            <FigureSelect cls={rule.class} units={['yuan']} value={rule.figure} onChange={(figure) => set({ figure: figure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.baseFigure')} path={p('baseFigure')}>
            <FigureSelect cls={rule.class} units={['yuan']} value={rule.baseFigure} onChange={(baseFigure) => set({ baseFigure: baseFigure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.thresholdBp')} path={p('thresholdBp')}>
            <PercentInput value={rule.thresholdBp} onChange={(thresholdBp) => set({ thresholdBp })} />
          </Field>
          <Field label={t('rewards.f.excessFrom')} path={p('excessFrom')}>
            <ChoiceSelect
              value={rule.excessFrom}
              choices={['threshold', 'base'] as const}
              prefix="rewards.excessFrom"
              onChange={(excessFrom) => set({ excessFrom })}
            />
          </Field>
          <Field label={t('rewards.f.unit')} path={p('unit')}>
            <WanInput value={rule.unit} onChange={(unit) => set({ unit: unit ?? 0 })} />
          </Field>
          <Field label={t('rewards.f.amountPerUnit')} path={p('amountPerUnit')}>
            <WanInput value={rule.amountPerUnit} onChange={(amountPerUnit) => set({ amountPerUnit: amountPerUnit ?? 0 })} />
          </Field>
          <Field label={t('rewards.f.rounding')} path={p('rounding')}>
            <ChoiceSelect value={rule.rounding} choices={ROUNDINGS} prefix="rewards.rounding" onChange={(rounding) => set({ rounding })} />
          </Field>
        </>
      );
    }
    case 'rank_prize': {
      const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
      return (
        <>
          <Field label={t('rewards.f.rankFigure')} path={p('figure')}>
            <FigureSelect cls={rule.class} value={rule.figure} onChange={(figure) => set({ figure: figure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.ties')} path={p('ties')}>
            <ChoiceSelect value={rule.ties} choices={TIES} prefix="rewards.ties" onChange={(ties) => set({ ties })} />
          </Field>
          <Field label={t('rewards.f.bands')} path={p('bands')} span="full">
            <BandsTable bands={rule.bands} path={p('bands')} onChange={(bands) => set({ bands })} />
          </Field>
        </>
      );
    }
    case 'capital_and_volume':
      return <CapitalFields rule={rule} path={path} onChange={onChange} />;
    case 'percent': {
      const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
      return (
        <>
          <Field label={t('rewards.f.figures')} path={p('figures')} span="half">
            <FiguresSelect cls={rule.class} value={rule.figures} onChange={(figures) => set({ figures })} />
          </Field>
          <Field label={t('rewards.f.bp')} path={p('bp')}>
            <PercentInput value={rule.bp} onChange={(bp) => set({ bp })} />
          </Field>
          <Field label={t('rewards.f.splits')} path={p('splits')} span="full">
            <SplitsTable splits={rule.splits ?? []} path={p('splits')} onChange={(splits) => set({ splits })} />
          </Field>
        </>
      );
    }
    case 'band_compensation': {
      const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
      return (
        <>
          <Field label={t('rewards.f.compBase')} path={p('baseFigure')}>
            <FigureSelect cls={rule.class} units={['yuan']} value={rule.baseFigure} onChange={(baseFigure) => set({ baseFigure: baseFigure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.ratioFigure')} path={p('ratioFigure')}>
            <FigureSelect cls={rule.class} units={['bp']} value={rule.ratioFigure} onChange={(ratioFigure) => set({ ratioFigure: ratioFigure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.lowBp')} path={p('lowBp')}>
            <PercentInput value={rule.lowBp} onChange={(lowBp) => set({ lowBp })} />
          </Field>
          <Field label={t('rewards.f.highBp')} path={p('highBp')}>
            <PercentInput value={rule.highBp} onChange={(highBp) => set({ highBp })} />
          </Field>
          <Field label={t('rewards.f.compBp')} path={p('bp')}>
            <PercentInput value={rule.bp} onChange={(bp) => set({ bp })} />
          </Field>
        </>
      );
    }
    case 'threshold_prize': {
      const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
      return (
        <>
          <Field label={t('rewards.f.figure')} path={p('figure')}>
            <FigureSelect cls={rule.class} units={['yuan']} value={rule.figure} onChange={(figure) => set({ figure: figure ?? '' })} />
          </Field>
          <Field label={t('rewards.f.min')} path={p('min')}>
            <WanInput value={rule.min} onChange={(min) => set({ min: min ?? 0 })} />
          </Field>
          <Field label={t('rewards.f.amount')} path={p('amount')}>
            <WanInput value={rule.amount} onChange={(amount) => set({ amount: amount ?? 0 })} />
          </Field>
        </>
      );
    }
  }
}

/** A capital-and-volume rule: the capital event and share, then the volume per unit until the deadline. */
function CapitalFields({ rule, path, onChange }: { rule: CapitalAndVolumeRule; path: string; onChange: (rule: RewardRule) => void }) {
  const { t } = useTranslation();
  const p = (key: string) => `${path}.${key}`;
  const set = (patch: Partial<typeof rule>) => onChange({ ...rule, ...patch });
  return (
    <>
      <Field label={t('rewards.f.capitalEvent')} path={p('capitalEvent')}>
        <ChoiceSelect
          value={rule.capitalEvent}
          choices={['new', 'increase'] as const}
          prefix="rewards.capitalEvent"
          onChange={(capitalEvent) => set({ capitalEvent })}
        />
      </Field>
      <Field label={t('rewards.f.capitalFigure')} path={p('capitalFigure')}>
        <FigureSelect cls={rule.class} units={['yuan']} value={rule.capitalFigure} onChange={(capitalFigure) => set({ capitalFigure: capitalFigure ?? '' })} />
      </Field>
      <Field label={t('rewards.f.capitalBp')} path={p('capitalBp')}>
        <PercentInput value={rule.capitalBp} onChange={(capitalBp) => set({ capitalBp })} />
      </Field>
      <Field label={t('rewards.f.volumeFigure')} path={p('volumeFigure')}>
        <FigureSelect cls={rule.class} units={['yuan']} value={rule.volumeFigure} onChange={(volumeFigure) => set({ volumeFigure: volumeFigure ?? '' })} />
      </Field>
      <Field label={t('rewards.f.volumeBaseFigure')} path={p('volumeBaseFigure')}>
        <FigureSelect cls={rule.class} units={['yuan']} allowClear value={rule.volumeBaseFigure} onChange={(volumeBaseFigure) => set({ volumeBaseFigure })} />
      </Field>
      <Field label={t('rewards.f.unit')} path={p('unit')}>
        <WanInput value={rule.unit} onChange={(unit) => set({ unit: unit ?? 0 })} />
      </Field>
      <Field label={t('rewards.f.amountPerUnit')} path={p('amountPerUnit')}>
        <WanInput value={rule.amountPerUnit} onChange={(amountPerUnit) => set({ amountPerUnit: amountPerUnit ?? 0 })} />
      </Field>
      <Field label={t('rewards.f.rounding')} path={p('rounding')}>
        <ChoiceSelect value={rule.rounding} choices={ROUNDINGS} prefix="rewards.rounding" onChange={(rounding) => set({ rounding })} />
      </Field>
      <Field label={t('rewards.f.deadline')} path={p('deadline')}>
        <DayInput value={rule.deadline} onChange={(deadline) => set({ deadline })} />
      </Field>
    </>
  );
}

/** Rank bands as a small table: from, to, prize in 万元. */
function BandsTable({ bands, path, onChange }: { bands: PrizeBand[]; path: string; onChange: (bands: PrizeBand[]) => void }) {
  const { t } = useTranslation();
  const { readOnly, problems } = useEditor();
  const setBand = (i: number, patch: Partial<PrizeBand>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const err = (i: number, key: string) => problems.get(`${path}[${i}].${key}`)?.join('；');
  const cell = (i: number, key: string, node: ReactNode) => (
    <div>
      {node}
      {err(i, key) ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {err(i, key)}
        </Typography.Text>
      ) : null}
    </div>
  );
  return (
    <div>
      <Table<PrizeBand & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={bands.map((b, i) => ({ ...b, i }))}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('rewards.f.fromRank'),
            width: 120,
            render: (_, b) => cell(b.i, 'fromRank', <WholeInput min={1} value={b.fromRank} onChange={(fromRank) => setBand(b.i, { fromRank })} />),
          },
          {
            title: t('rewards.f.toRank'),
            width: 120,
            render: (_, b) => cell(b.i, 'toRank', <WholeInput min={1} value={b.toRank} onChange={(toRank) => setBand(b.i, { toRank })} />),
          },
          {
            title: t('rewards.f.prize'),
            width: 180,
            render: (_, b) => cell(b.i, 'amount', <WanInput value={b.amount} onChange={(amount) => setBand(b.i, { amount: amount ?? 0 })} />),
          },
          ...(readOnly
            ? []
            : [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, b: PrizeBand & { i: number }) => (
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => onChange(bands.filter((_, j) => j !== b.i))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {readOnly ? null : (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            const last = bands[bands.length - 1];
            const from = last ? last.toRank + 1 : 1;
            onChange([...bands, { fromRank: from, toRank: from + 2, amount: last?.amount ?? 0 }]);
          }}
        >
          {t('rewards.addBand')}
        </Button>
      )}
    </div>
  );
}

type Split = { label: { zh: string; en: string }; bp: number };

function SplitsTable({ splits, path, onChange }: { splits: Split[]; path: string; onChange: (splits: Split[]) => void }) {
  const { t } = useTranslation();
  const { readOnly, problems } = useEditor();
  const setSplit = (i: number, patch: Partial<Split>) => onChange(splits.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const err = (i: number, key: string) => problems.get(`${path}[${i}].${key}`)?.join('；');
  return (
    <div>
      {splits.length === 0 ? <Typography.Text type="secondary">{t('rewards.noSplits')}</Typography.Text> : null}
      {splits.length ? (
        <Table<Split & { i: number }>
          size="small"
          pagination={false}
          rowKey="i"
          dataSource={splits.map((s, i) => ({ ...s, i }))}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('rewards.nameZh'),
              width: 200,
              render: (_, s) => <TextInput value={s.label.zh} onChange={(zh) => setSplit(s.i, { label: { ...s.label, zh } })} />,
            },
            {
              title: t('rewards.nameEn'),
              width: 200,
              render: (_, s) => <TextInput value={s.label.en} onChange={(en) => setSplit(s.i, { label: { ...s.label, en } })} />,
            },
            {
              title: t('rewards.f.share'),
              width: 140,
              render: (_, s) => (
                <div>
                  <PercentInput value={s.bp} max={100} onChange={(bp) => setSplit(s.i, { bp })} />
                  {err(s.i, 'bp') ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {err(s.i, 'bp')}
                    </Typography.Text>
                  ) : null}
                </div>
              ),
            },
            ...(readOnly
              ? []
              : [
                  {
                    key: 'remove',
                    width: 48,
                    render: (_: unknown, s: Split & { i: number }) => (
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => onChange(splits.filter((_, j) => j !== s.i))}
                      />
                    ),
                  },
                ]),
          ]}
        />
      ) : null}
      {readOnly ? null : (
        <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => onChange([...splits, { label: { zh: '', en: '' }, bp: 0 }])}>
          {t('rewards.addSplit')}
        </Button>
      )}
    </div>
  );
}
