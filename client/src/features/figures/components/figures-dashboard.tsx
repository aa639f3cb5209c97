import { Card, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  categoryLabel,
  changeFrom,
  DEAL_SIZE_BUCKETS,
  findIndustry,
  formatCny,
  INDUSTRY_CHAINS,
  regionLabel,
  type ChainFlow,
  type DayRow,
  type EventFigures,
  type FunnelStep,
  type GoodsRow,
  type InstitutionRow,
  type RegionRow,
  type SessionKind,
} from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { useLabels } from '../../../ui/labels';
import { Amount, DealTable, FigureSection, Hint, toWan, useAmountTooltip, useDealBars } from './figure-parts';

type Props = { figures: EventFigures };

/** Every figure of an event's results: headline, funnel and breakdowns, each chart with its table. */
export function FiguresDashboard({ figures }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const chainName = (code: string) => {
    const chain = INDUSTRY_CHAINS.find((c) => c.code === code);
    return chain ? (lang === 'en' ? chain.nameEn : chain.name) : t('figures.chainOther');
  };
  const sizeName = (key: string) => {
    const lower = Number(key);
    const i = DEAL_SIZE_BUCKETS.findIndex((b) => b === lower);
    const upper = DEAL_SIZE_BUCKETS[i + 1];
    return upper ? `${formatCny(lower, lang)} – ${formatCny(upper, lang)}` : t('figures.sizeFrom', { amount: formatCny(lower, lang) });
  };
  const sessionKindBars = useDealBars(figures.bySessionKind, (k) => labels.sessionKind(k as SessionKind));
  const chainBars = useDealBars(figures.byChain, chainName);
  const regionBars = useDealBars(figures.byRegion, (k) => regionLabel(k, lang));
  const sizeBars = useDealBars([...figures.bySize].reverse(), sizeName);

  return (
    <div className="figures-dashboard" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Headline figures={figures} />
      <FunnelSection funnel={figures.funnel} comparison={figures.comparison?.funnel ?? null} />
      <FigureSection
        testId="figures-session-kind"
        title={t('figures.bySessionKind')}
        chart={sessionKindBars}
        table={<DealTable rows={figures.bySessionKind} keyLabel={t('figures.col.sessionKind')} label={(k) => labels.sessionKind(k as SessionKind)} />}
      />
      <FigureSection
        testId="figures-chain"
        title={t('figures.byChain')}
        chart={chainBars}
        table={<DealTable rows={figures.byChain} keyLabel={t('figures.col.chain')} label={chainName} />}
      />
      <RegionSection rows={figures.byRegion} chart={regionBars} />
      <DaySection rows={figures.byDay} />
      <FigureSection
        testId="figures-size"
        title={t('figures.bySize')}
        chart={sizeBars}
        table={<DealTable rows={figures.bySize} keyLabel={t('figures.col.size')} label={sizeName} followUp={false} />}
      />
      <GoodsSection rows={figures.goods} />
      <FlowSection flows={figures.flows} />
      <InstitutionSection rows={figures.institutions} />
    </div>
  );
}

function Headline({ figures }: Props) {
  const { t } = useTranslation();
  const { headline, comparison } = figures;
  const before = comparison?.headline;
  const change = (now: number, then: number | undefined) => {
    if (then === undefined) return null;
    const c = changeFrom(now, then);
    if (c === null) return <Tag>{t('figures.noEarlier')}</Tag>;
    return <Tag color={c >= 0 ? 'green' : 'red'}>{t('figures.vsEarlier', { change: `${c >= 0 ? '+' : ''}${(c * 100).toFixed(1)}%` })}</Tag>;
  };
  const stat = (key: string, title: string, value: React.ReactNode, extra?: React.ReactNode) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" data-testid={`figures-headline-${key}`}>
        <Statistic title={title} value={0} formatter={() => value} />
        {extra}
      </Card>
    </Col>
  );
  const targetShare = headline.target > 0 ? Math.min(100, Math.round((headline.signed.amount / headline.target) * 1000) / 10) : null;
  return (
    <Row gutter={[12, 12]}>
      {stat(
        'signed',
        t('figures.headline.signed', { count: headline.signed.count }),
        <Amount yuan={headline.signed.amount} />,
        <>
          {change(headline.signed.amount, before?.signed.amount)}
          {targetShare !== null ? <Progress percent={targetShare} size="small" format={(p) => t('figures.ofTarget', { percent: p })} /> : null}
        </>,
      )}
      {stat(
        'intent',
        t('figures.headline.intent', { count: headline.intent.count }),
        <Amount yuan={headline.intent.amount} />,
        change(headline.intent.amount, before?.intent.amount),
      )}
      {stat('negotiating', t('figures.headline.negotiating', { count: headline.negotiating.count }), <Amount yuan={headline.negotiating.amount} />)}
      {stat('approved', t('figures.headline.approved'), <Amount yuan={headline.approved} />, change(headline.approved, before?.approved))}
      {stat(
        'fulfilled',
        t('figures.headline.fulfilled'),
        <Amount yuan={headline.disbursed + headline.delivered} />,
        change(headline.disbursed + headline.delivered, before ? before.disbursed + before.delivered : undefined),
      )}
      {stat('performed', t('figures.headline.performed'), headline.performed, change(headline.performed, before?.performed))}
    </Row>
  );
}

function FunnelSection({ funnel, comparison }: { funnel: FunnelStep[]; comparison: FunnelStep[] | null }) {
  const { t } = useTranslation();
  const data = funnel.map((s) => ({ name: t(`figures.funnel.${s.key}`), value: s.count }));
  const columns = [
    { title: t('figures.col.step'), dataIndex: 'key', render: (key: string) => t(`figures.funnel.${key}`) },
    { title: t('figures.col.count'), dataIndex: 'count', align: 'right' as const },
    {
      title: t('figures.col.conversion'),
      dataIndex: 'conversion',
      align: 'right' as const,
      render: (c: number | null) => (c === null ? '—' : `${(c * 100).toFixed(1)}%`),
    },
    ...(comparison
      ? [
          {
            title: t('figures.col.earlier'),
            align: 'right' as const,
            render: (_: unknown, s: FunnelStep) => comparison.find((c) => c.key === s.key)?.count ?? '—',
          },
        ]
      : []),
  ];
  return (
    <FigureSection
      testId="figures-funnel"
      title={t('figures.funnelTitle')}
      extra={<Hint>{t('figures.funnelHint')}</Hint>}
      chart={{
        height: 380,
        option: {
          tooltip: { trigger: 'item', formatter: '{b}: {c}' },
          series: [
            {
              type: 'funnel',
              sort: 'none',
              left: '5%',
              width: '90%',
              minSize: '8%',
              label: { show: true, position: 'inside', formatter: '{b} {c}' },
              data: data.map((d) => ({ ...d, value: Math.max(d.value, 0) })),
            },
          ],
        },
      }}
      table={<Table<FunnelStep> size="small" rowKey="key" columns={columns} dataSource={funnel} pagination={false} />}
    />
  );
}

function RegionSection({ rows, chart }: { rows: RegionRow[]; chart: ReturnType<typeof useDealBars> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <FigureSection
      testId="figures-region"
      title={t('figures.byRegion')}
      extra={<Hint>{t('figures.regionHint')}</Hint>}
      chart={chart}
      table={
        <DealTable
          rows={rows.map((r) => ({ ...r, children: r.counties.length ? r.counties : undefined }))}
          keyLabel={t('figures.col.region')}
          label={(k) => regionLabel(k, lang)}
        />
      }
    />
  );
}

function DaySection({ rows }: { rows: DayRow[] }) {
  const { t } = useTranslation();
  const tip = useAmountTooltip();
  return (
    <FigureSection
      testId="figures-day"
      title={t('figures.byDay')}
      chart={
        rows.length
          ? {
              option: {
                grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                legend: { top: 0 },
                tooltip: { trigger: 'axis', valueFormatter: (v) => tip(Number(v) * 10_000) },
                xAxis: { type: 'category', data: rows.map((r) => r.day) },
                yAxis: { type: 'value', name: t('figures.wan') },
                series: [
                  { name: t('figures.col.signedAmount'), type: 'bar', data: rows.map((r) => toWan(r.signed.amount)) },
                  { name: t('figures.col.cumulative'), type: 'line', data: rows.map((r) => toWan(r.cumulative.amount)) },
                ],
              },
            }
          : null
      }
      table={
        <Table<DayRow>
          size="small"
          rowKey="day"
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('figures.noDeals') }}
          columns={[
            { title: t('figures.col.day'), dataIndex: 'day' },
            { title: t('figures.col.signedCount'), align: 'right', render: (_, r) => r.signed.count },
            { title: t('figures.col.signedAmount'), align: 'right', render: (_, r) => <Amount yuan={r.signed.amount} /> },
            { title: t('figures.col.cumulative'), align: 'right', render: (_, r) => <Amount yuan={r.cumulative.amount} /> },
          ]}
        />
      }
    />
  );
}

function GoodsSection({ rows }: { rows: GoodsRow[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <FigureSection
      testId="figures-goods"
      title={t('figures.goods')}
      chart={null}
      table={
        <Table<GoodsRow>
          size="small"
          rowKey={(r) => `${r.product}/${r.unit}`}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('figures.noGoods') }}
          columns={[
            { title: t('figures.col.product'), render: (_, r) => categoryLabel(r.product, lang) },
            { title: t('figures.col.quantity'), align: 'right', render: (_, r) => `${r.quantity.toLocaleString()} ${r.unit}` },
            { title: t('figures.col.signedCount'), align: 'right', dataIndex: 'count' },
            { title: t('figures.col.signedAmount'), align: 'right', render: (_, r) => <Amount yuan={r.amount} /> },
          ]}
        />
      }
    />
  );
}

function FlowSection({ flows }: { flows: ChainFlow[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tip = useAmountTooltip();
  const name = (code: string, industry: boolean) => {
    if (!industry) return categoryLabel(code, lang);
    const division = findIndustry(code);
    return division ? (lang === 'en' ? division.nameEn : division.name) : code;
  };
  // A product that is both sold and made appears once; an edge that would close a loop is left out (a Sankey needs none).
  const nodes = new Map<string, string>();
  const links: { source: string; target: string; value: number }[] = [];
  const reaches = (from: string, to: string): boolean => from === to || links.some((l) => l.source === from && reaches(l.target, to));
  for (const f of flows) {
    const source = name(f.from, false);
    const target = name(f.to, f.toIndustry);
    if (reaches(target, source)) continue;
    nodes.set(source, source);
    nodes.set(target, target);
    links.push({ source, target, value: toWan(f.amount) });
  }
  return (
    <FigureSection
      testId="figures-flow"
      title={t('figures.flows')}
      extra={<Hint>{t('figures.flowsHint')}</Hint>}
      chart={
        links.length
          ? {
              height: Math.max(240, nodes.size * 28),
              option: {
                tooltip: { trigger: 'item', valueFormatter: (v) => tip(Number(v) * 10_000) },
                series: [
                  {
                    type: 'sankey',
                    left: 8,
                    right: 170,
                    label: { width: 160, overflow: 'truncate' },
                    data: [...nodes.keys()].map((n) => ({ name: n })),
                    links,
                    emphasis: { focus: 'adjacency' },
                  },
                ],
              },
            }
          : null
      }
      table={
        <Table<ChainFlow>
          size="small"
          rowKey={(f) => `${f.from}>${f.to}`}
          dataSource={flows}
          pagination={flows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('figures.noGoods') }}
          columns={[
            { title: t('figures.col.from'), render: (_, f) => name(f.from, false) },
            { title: t('figures.col.to'), render: (_, f) => name(f.to, f.toIndustry) },
            { title: t('figures.col.signedAmount'), align: 'right', render: (_, f) => <Amount yuan={f.amount} /> },
          ]}
        />
      }
    />
  );
}

function InstitutionSection({ rows }: { rows: InstitutionRow[] }) {
  const { t } = useTranslation();
  return (
    <FigureSection
      testId="figures-institutions"
      title={t('figures.institutions')}
      chart={null}
      table={
        <Table<InstitutionRow>
          size="small"
          rowKey="organisationId"
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('figures.noInstitutions') }}
          columns={[
            { title: '#', width: 48, render: (_, __, i) => i + 1 },
            { title: t('figures.col.institution'), dataIndex: 'name', fixed: 'left' },
            { title: t('figures.col.products'), dataIndex: 'productsPosted', align: 'right' },
            { title: t('figures.col.applications'), align: 'right', render: (_, r) => `${r.applicationsAnswered} / ${r.applicationsReceived}` },
            {
              title: t('figures.col.answerHours'),
              align: 'right',
              render: (_, r) => (r.medianAnswerHours === null ? '—' : t('figures.hours', { hours: r.medianAnswerHours.toFixed(1) })),
            },
            { title: t('figures.col.signedCount'), align: 'right', render: (_, r) => r.signed.count },
            { title: t('figures.col.signedAmount'), align: 'right', render: (_, r) => <Amount yuan={r.signed.amount} /> },
            { title: t('figures.col.approved'), align: 'right', render: (_, r) => <Amount yuan={r.approved} /> },
            { title: t('figures.col.disbursed'), align: 'right', render: (_, r) => <Amount yuan={r.disbursed} /> },
            {
              title: t('figures.col.overdue'),
              align: 'right',
              render: (_, r) => (r.overdueReports ? <Tag color="red">{r.overdueReports}</Tag> : 0),
            },
          ]}
        />
      }
    />
  );
}
