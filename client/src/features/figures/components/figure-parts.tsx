import { Card, Col, Row, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny, type DealRow } from '@duijie/shared';
import type { EChartsOption } from 'echarts';
import { useLanguage } from '../../../app/use-language';
import { Chart } from '../../../ui/chart';

/** An amount in 万元/亿元 with the exact yuan on hover. */
export function Amount({ yuan }: { yuan: number }) {
  const lang = useLanguage();
  return (
    <Tooltip title={formatCny(yuan, lang, { unit: 'yuan', digits: 0 })}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatCny(yuan, lang)}</span>
    </Tooltip>
  );
}

/** Yuan as 万元 for chart axes, and the tooltip line for one value. */
export const toWan = (yuan: number) => Math.round(yuan / 100) / 100;
export function useAmountTooltip(): (yuan: number) => string {
  const lang = useLanguage();
  return (yuan) => `${formatCny(yuan, lang)}（${formatCny(yuan, lang, { unit: 'yuan', digits: 0 })}）`;
}

type SectionProps = {
  title: string;
  extra?: ReactNode;
  chart: { option: EChartsOption; height?: number } | null;
  table: ReactNode;
  testId: string;
};

/** A chart and its table side by side (stacked on narrow screens): the table is for screen readers and copying. */
export function FigureSection({ title, extra, chart, table, testId }: SectionProps) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} className="figure-section">
      <Row gutter={[16, 16]}>
        {chart ? (
          <Col xs={24} xl={13}>
            <Chart option={chart.option} height={chart.height} label={title} testId={`${testId}-chart`} />
          </Col>
        ) : null}
        <Col xs={24} xl={chart ? 11 : 24}>
          <div data-testid={`${testId}-table`}>{table}</div>
        </Col>
      </Row>
    </Card>
  );
}

type DealTableProps = {
  rows: DealRow[];
  keyLabel: string;
  label: (key: string) => string;
  /** Follow-up columns (approved, disbursed, delivered, performed). */
  followUp?: boolean;
};

/** Deal rows: signed, intent and under negotiation with their amounts, and what followed signing. */
export function DealTable({ rows, keyLabel, label, followUp = true }: DealTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<DealRow> = [
    { title: keyLabel, dataIndex: 'key', render: (key: string) => label(key), fixed: 'left' },
    { title: t('figures.col.signedCount'), align: 'right', render: (_, r) => r.signed.count },
    { title: t('figures.col.signedAmount'), align: 'right', render: (_, r) => <Amount yuan={r.signed.amount} /> },
    { title: t('figures.col.intent'), align: 'right', render: (_, r) => (r.intent.count ? <Amount yuan={r.intent.amount} /> : '—') },
    { title: t('figures.col.negotiating'), align: 'right', render: (_, r) => (r.negotiating.count ? <Amount yuan={r.negotiating.amount} /> : '—') },
  ];
  if (followUp) {
    columns.push(
      { title: t('figures.col.approved'), align: 'right', render: (_, r) => <Amount yuan={r.approved} /> },
      { title: t('figures.col.fulfilled'), align: 'right', render: (_, r) => <Amount yuan={r.disbursed + r.delivered} /> },
      { title: t('figures.col.performed'), align: 'right', render: (_, r) => r.performed },
    );
  }
  return (
    <Table<DealRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('figures.noDeals') }}
    />
  );
}

/** A horizontal bar chart of signed (and intent) amounts per row, largest first. */
export function useDealBars(rows: DealRow[], label: (key: string) => string): { option: EChartsOption; height: number } | null {
  const { t } = useTranslation();
  const tip = useAmountTooltip();
  if (!rows.length) return null;
  const shown = rows.slice(0, 12).reverse();
  return {
    height: Math.max(160, shown.length * 34 + 60),
    option: {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('figures.col.signedAmount'), t('figures.col.intent')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => tip(Number(value) * 10_000),
      },
      xAxis: { type: 'value', name: t('figures.wan'), axisLabel: { formatter: (v: number) => v.toLocaleString() } },
      yAxis: { type: 'category', data: shown.map((r) => label(r.key)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { name: t('figures.col.signedAmount'), type: 'bar', stack: 'deals', data: shown.map((r) => toWan(r.signed.amount)) },
        { name: t('figures.col.intent'), type: 'bar', stack: 'deals', data: shown.map((r) => toWan(r.intent.amount)) },
      ],
    },
  };
}

export function Hint({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}
