import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EVENT_TIME_ZONE, type RewardPeriod } from '@duijie/shared';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventDetail } from '../../events/hooks/use-events';
import { usePeriodWrites, useRewardPeriods } from '../hooks/use-statistics';
import { PeriodForms } from './period-forms';
import { PeriodModal } from './period-modal';

/** The organisers' 统计报表 of an event: its reporting periods with their progress, opening and closing them, and a period's forms to review. */
export function StatisticsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const fail = useFailureHandler();
  const periods = useRewardPeriods(eventId);
  const event = useEventDetail(eventId);
  const timeZone = event.data?.timeZone ?? DEFAULT_EVENT_TIME_ZONE;
  const { close } = usePeriodWrites(eventId);
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = periods.data ?? [];
  const selected = list.find((p) => p.id === selectedId) ?? list[0] ?? null;

  const confirmClose = (p: RewardPeriod) =>
    modal.confirm({
      title: t('statistics.closeTitle', { name: p.name }),
      content: t('statistics.closeBody', { count: p.forms.owed - p.forms.submitted - p.forms.accepted }),
      okText: t('statistics.close'),
      okButtonProps: { danger: true, 'data-testid': 'statistics-period-close-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        close
          .mutateAsync({ id: p.id, version: p.version })
          .then(() => void message.success(t('statistics.closed')))
          .catch((error: unknown) => fail(error, { onStale: () => void periods.refetch() })),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="statistics-panel">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('statistics.panelIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="statistics-period-new">
          {t('statistics.periodNew')}
        </Button>
      </Space>
      <PageState
        loading={periods.isPending}
        error={periods.error}
        onRetry={() => void periods.refetch()}
        empty={list.length === 0}
        emptyText={t('statistics.noPeriods')}
        emptyAction={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('statistics.periodNew')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Table<RewardPeriod>
            size="small"
            rowKey="id"
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={list}
            rowClassName={(p) => (p.id === selected?.id ? 'ant-table-row-selected' : '')}
            onRow={(p) => ({ onClick: () => setSelectedId(p.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('statistics.periodName'),
                dataIndex: 'name',
                width: 150,
                render: (name: string, p) => (
                  <Typography.Link onClick={() => setSelectedId(p.id)} data-testid={`statistics-period-${p.id}`}>
                    {name}
                  </Typography.Link>
                ),
              },
              { title: t('statistics.span'), key: 'span', render: (_v, p) => <span style={{ whiteSpace: 'nowrap' }}>{`${p.startsOn} ~ ${p.endsOn}`}</span> },
              {
                title: t('statistics.cadence'),
                dataIndex: 'cadence',
                render: (c: RewardPeriod['cadence']) => <span style={{ whiteSpace: 'nowrap' }}>{t(`statistics.cadences.${c}`)}</span>,
              },
              { title: t('statistics.dueOn'), dataIndex: 'dueOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
              {
                title: t('statistics.classesLabel'),
                dataIndex: 'classes',
                width: 240,
                render: (classes: RewardPeriod['classes']) => (
                  <Space size={[0, 4]} wrap>
                    {classes.map((c) => (
                      <Tag key={c}>{t(`statistics.classes.${c}`)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('statistics.state'),
                dataIndex: 'state',
                render: (s: RewardPeriod['state']) => <Tag color={s === 'open' ? 'blue' : 'default'}>{t(`statistics.periodStates.${s}`)}</Tag>,
              },
              { title: t('statistics.progress'), key: 'progress', width: 260, render: (_v, p) => <PeriodProgress period={p} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_v, p) =>
                  p.state === 'open' ? (
                    <Button
                      size="small"
                      danger
                      onClick={(e) => {
                        e.stopPropagation();
                        confirmClose(p);
                      }}
                      data-testid={`statistics-period-close-${p.id}`}
                    >
                      {t('statistics.close')}
                    </Button>
                  ) : null,
              },
            ]}
          />
          {selected ? <PeriodForms key={selected.id} eventId={eventId} period={selected} /> : null}
        </Space>
      </PageState>
      <PeriodModal eventId={eventId} timeZone={timeZone} open={creating} onClose={() => setCreating(false)} onOpened={(id) => setSelectedId(id)} />
    </Space>
  );
}

/** How far a period's forms got: filed of owed as a bar, then accepted, returned and overdue. */
function PeriodProgress({ period: p }: { period: RewardPeriod }) {
  const { t } = useTranslation();
  const f = p.forms;
  const filed = f.submitted + f.accepted;
  const percent = f.owed > 0 ? Math.round((filed / f.owed) * 100) : 0;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="statistics-period-progress">
      <Space size={6}>
        <Progress percent={percent} size="small" style={{ width: 100, margin: 0 }} />
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('statistics.filedOf', { filed, owed: f.owed })}
        </Typography.Text>
      </Space>
      <Space size={[0, 4]} wrap>
        <Tag color="blue">{t('statistics.countSubmitted', { count: f.submitted })}</Tag>
        <Tag color="green">{t('statistics.countAccepted', { count: f.accepted })}</Tag>
        {f.returned > 0 ? <Tag color="orange">{t('statistics.countReturned', { count: f.returned })}</Tag> : null}
        {f.overdue > 0 ? <Tag color="red">{t('statistics.countOverdue', { count: f.overdue })}</Tag> : null}
      </Space>
    </Space>
  );
}
