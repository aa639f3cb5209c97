import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardRun } from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { formatDateTime } from '../../../ui/dates';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useComputeRun, useEventZone, useRewardPeriods, useRewardPrograms, useRewardRun, useRewardRuns } from '../hooks/use-rewards';
import { RUN_STATE_COLOURS, RunView } from './run-view';

/** 计算与审批: a period and a published program, "计算", the period's runs and the one opened. */
export function RunsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const onFailure = useFailureHandler();
  const zone = useEventZone(eventId);
  const periods = useRewardPeriods(eventId);
  const programs = useRewardPrograms(eventId);
  const published = (programs.data ?? []).filter((p) => p.state === 'published');
  const [pickedPeriod, setPickedPeriod] = useState<string | undefined>(undefined);
  const [pickedProgram, setPickedProgram] = useState<string | undefined>(undefined);
  const periodId = pickedPeriod ?? periods.data?.[0]?.id;
  const programId = pickedProgram ?? published[0]?.id;
  const runs = useRewardRuns(periodId);
  const [openRunId, setOpenRunId] = useState<string | undefined>(undefined);
  const runList = runs.data ?? [];
  const shownRunId = openRunId && runList.some((r) => r.id === openRunId) ? openRunId : runList[0]?.id;
  const run = useRewardRun(shownRunId);
  const compute = useComputeRun();
  // One key per click on "计算": a retry of the same click is answered from the first.
  const key = useRef<string | null>(null);
  const approvedRun = runList.find((r) => r.state === 'approved');

  const onCompute = () => {
    if (!periodId || !programId) return;
    key.current ??= newIdempotencyKey();
    compute.mutate(
      { periodId, programId, idempotencyKey: key.current },
      {
        onSuccess: (made) => {
          key.current = null;
          setOpenRunId(made.id);
        },
        onError: (error) => {
          key.current = null;
          onFailure(error);
        },
      },
    );
  };

  const period = periods.data?.find((p) => p.id === periodId);

  return (
    <PageState
      loading={periods.isPending || programs.isPending}
      error={periods.error ?? programs.error}
      onRetry={() => {
        void periods.refetch();
        void programs.refetch();
      }}
      empty={(periods.data ?? []).length === 0}
      emptyText={t('rewards.noPeriods')}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap align="center">
          <Select<string>
            style={{ width: 340, maxWidth: '100%' }}
            value={periodId}
            onChange={(id) => {
              setPickedPeriod(id);
              setOpenRunId(undefined);
            }}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.startsOn} ~ ${p.endsOn}）` }))}
            data-testid="rewards-run-period"
            aria-label={t('rewards.period')}
          />
          <Select<string>
            style={{ width: 340, maxWidth: '100%' }}
            value={programId}
            placeholder={t('rewards.noPublishedProgram')}
            onChange={setPickedProgram}
            options={published.map((p) => ({ value: p.id, label: `${p.name} · ${t('rewards.versionNo', { n: p.versionNo })}` }))}
            data-testid="rewards-run-program"
            aria-label={t('rewards.program')}
          />
          <Button
            type="primary"
            icon={<CalculatorOutlined />}
            disabled={!periodId || !programId || approvedRun !== undefined}
            loading={compute.isPending}
            onClick={onCompute}
            data-testid="rewards-run-compute"
          >
            {compute.isPending ? t('rewards.computing') : t('rewards.compute')}
          </Button>
        </Space>
        {period ? (
          <Typography.Text type="secondary">
            {t('rewards.periodForms', {
              accepted: period.forms.accepted,
              owed: period.forms.owed,
              submitted: period.forms.submitted,
              overdue: period.forms.overdue,
            })}
          </Typography.Text>
        ) : null}
        {published.length === 0 ? <Alert type="warning" showIcon title={t('rewards.publishFirst')} /> : null}
        {approvedRun ? <Alert type="success" showIcon title={t('rewards.periodApproved', { seq: approvedRun.seq })} /> : null}

        <PageState
          loading={runs.isPending && periodId !== undefined}
          error={runs.error}
          onRetry={() => void runs.refetch()}
          empty={runList.length === 0}
          emptyText={t('rewards.noRuns')}
        >
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Table<RewardRun>
              size="small"
              rowKey="id"
              dataSource={runList}
              pagination={runList.length > 10 ? { pageSize: 10 } : false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ ...rowTestId(`rewards-run-row-${r.seq}`), onClick: () => setOpenRunId(r.id), style: { cursor: 'pointer' } })}
              rowClassName={(r) => (r.id === shownRunId ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('rewards.runSeq'), render: (_, r) => t('rewards.runTitle', { seq: r.seq }) },
                { title: t('rewards.program'), render: (_, r) => `${r.programName} · ${t('rewards.versionNo', { n: r.programVersionNo })}` },
                { title: t('rewards.state'), render: (_, r) => <Tag color={RUN_STATE_COLOURS[r.state]}>{t(`rewards.runStates.${r.state}`)}</Tag> },
                { title: t('rewards.institutions'), render: (_, r) => t('rewards.institutionsCount', { count: r.institutions, unconfirmed: r.unconfirmed }) },
                { title: t('rewards.total'), align: 'right', render: (_, r) => <Money yuan={r.totals.total} /> },
                { title: t('rewards.computedAt'), render: (_, r) => formatDateTime(r.computedAt, zone) },
              ]}
            />
            {shownRunId ? (
              <PageState loading={run.isPending} error={run.error} onRetry={() => void run.refetch()}>
                {run.data ? <RunView key={run.data.id} eventId={eventId} run={run.data} onReload={() => void run.refetch()} /> : null}
              </PageState>
            ) : null}
          </Space>
        </PageState>
      </Space>
    </PageState>
  );
}
