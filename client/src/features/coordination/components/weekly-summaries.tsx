import { App, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_CATEGORIES, routes, type WeeklySummary, type WeeklySummaryListItem } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { total } from '../coordination-values';
import { useGenerateWeeklySummary, useWeeklySummaries, useWeeklySummary } from '../hooks/use-coordination';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };

/** The coordination group's weekly summaries: the list, one week's figures, and making last week's now. */
export function WeeklySummaries({ eventId }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const summaries = useWeeklySummaries(eventId);
  const generate = useGenerateWeeklySummary(eventId);
  const failed = useFailureHandler();
  const [selected, setSelected] = useState<string | null>(null);
  const shown = selected ?? summaries.data?.[0]?.id ?? null;

  const confirmGenerate = () =>
    modal.confirm({
      title: t('coordination.generateTitle'),
      content: t('coordination.generateBody'),
      okText: t('coordination.generate'),
      cancelText: t('common.cancel'),
      onOk: () =>
        generate
          .mutateAsync(undefined)
          .then((s) => setSelected(s.id))
          .catch((e: unknown) => failed(e)),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="weekly-summaries">
      <Space wrap>
        <Button onClick={confirmGenerate} loading={generate.isPending} data-testid="weekly-generate">
          {t('coordination.generate')}
        </Button>
        <ExportButton route={routes.coordination.weeklySummariesExport} args={{ params: { id: eventId } }} table="weekly-summaries" />
      </Space>
      <PageState
        loading={summaries.isLoading}
        error={summaries.error}
        onRetry={() => void summaries.refetch()}
        empty={summaries.data?.length === 0}
        emptyText={t('coordination.noSummaries')}
      >
        <Table<WeeklySummaryListItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={summaries.data ?? []}
          onRow={(s) => ({ onClick: () => setSelected(s.id), style: { cursor: 'pointer' } })}
          rowClassName={(s) => (s.id === shown ? 'ant-table-row-selected' : '')}
          columns={[
            { key: 'week', title: t('coordination.week'), render: (_: unknown, s) => t('coordination.weekOf', { day: s.weekStart }) },
            {
              key: 'overdue',
              title: t('coordination.overdueNow'),
              render: (_: unknown, s) => <Typography.Text type={s.overdue > 0 ? 'danger' : undefined}>{s.overdue}</Typography.Text>,
            },
            { key: 'opened', title: t('coordination.problemsOpened'), dataIndex: 'problemsOpened' },
            { key: 'solved', title: t('coordination.problemsSolved'), dataIndex: 'problemsSolved', responsive: ['md' as const] },
            { key: 'liaison', title: t('coordination.liaisonReports'), dataIndex: 'liaisonReports', responsive: ['md' as const] },
          ]}
        />
      </PageState>
      {shown ? <SummaryDetail id={shown} /> : null}
    </Space>
  );
}

function SummaryDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const summary = useWeeklySummary(id);
  return (
    <PageState loading={summary.isLoading} error={summary.error} onRetry={() => void summary.refetch()}>
      {summary.data ? <Figures summary={summary.data} /> : null}
    </PageState>
  );

  function Figures({ summary: s }: { summary: WeeklySummary }) {
    const f = s.figures;
    const filed = Object.entries(f.obligations.filed);
    return (
      <Card size="small" title={t('coordination.summaryOf', { from: f.from, to: f.to })} data-testid="weekly-detail">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('coordination.filed')}>
            {filed.length === 0
              ? 0
              : filed.map(([kind, n]) => (
                  <Tag key={kind}>
                    {t(`coordination.kinds.${kind}`)} {n}
                  </Tag>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.reviewed')}>
            {t('coordination.acceptedReturned', { accepted: f.obligations.accepted, returned: f.obligations.returned })}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.overdueNow')} span={2}>
            <Typography.Text type={f.obligations.overdue.count > 0 ? 'danger' : undefined}>{f.obligations.overdue.count}</Typography.Text>
            {f.obligations.overdue.organisations.length > 0 ? (
              <List
                size="small"
                dataSource={f.obligations.overdue.organisations.slice(0, 10)}
                renderItem={(o) => (
                  <List.Item>
                    {o.name}：{o.count}
                  </List.Item>
                )}
              />
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.liaisonReports')}>
            {t('coordination.reportsAndUrgent', { reports: f.liaison.reports, urgent: f.liaison.urgent })}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.urgentOpened')}>{f.problems.urgentOpened}</Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="category"
          dataSource={PROBLEM_CATEGORIES.map((c) => ({ category: c, opened: f.problems.opened[c], solved: f.problems.solved[c], open: f.problems.open[c] }))}
          columns={[
            { key: 'category', title: t('coordination.category'), render: (_: unknown, r) => t(`coordination.categories.${r.category}`) },
            { key: 'opened', title: t('coordination.problemsOpened'), dataIndex: 'opened' },
            { key: 'solved', title: t('coordination.problemsSolved'), dataIndex: 'solved' },
            { key: 'open', title: t('coordination.problemsOpen'), dataIndex: 'open' },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('coordination.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{total(f.problems.opened)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>{total(f.problems.solved)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{total(f.problems.open)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('coordination.generatedAt', { at: formatDateTime(f.generatedAt, s.timeZone), zone: s.timeZone })}
        </Typography.Text>
      </Card>
    );
  }
}
