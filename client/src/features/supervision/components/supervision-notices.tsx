import { Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, SUPERVISION_STATES, type SupervisionNotice, type SupervisionState } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useSupervisionNotices } from '../hooks/use-supervision';
import { pastDeadline, stateColour } from '../supervision-values';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };

/** An event's supervision notices for organisers: who is under supervision, for what, until when, and how it stands. */
export function SupervisionNotices({ eventId }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<SupervisionState | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = { state, page, pageSize: 20 };
  const notices = useSupervisionNotices(eventId, query);
  const wide = Grid.useBreakpoint().md !== false;
  const pagination = { current: page, pageSize: 20, total: notices.data?.total ?? 0, onChange: setPage, showSizeChanger: false };

  const columns = [
    {
      key: 'organisation',
      title: t('supervision.organisation'),
      render: (_: unknown, n: SupervisionNotice) => <Typography.Text strong>{n.organisationName}</Typography.Text>,
    },
    {
      key: 'subject',
      title: t('supervision.subject'),
      render: (_: unknown, n: SupervisionNotice) => (
        <Space orientation="vertical" size={0}>
          <span>{n.subjectTitle}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.dueOn', { day: n.dueOn })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'deadline',
      title: t('supervision.deadline'),
      render: (_: unknown, n: SupervisionNotice) => (
        <Space orientation="vertical" size={0}>
          <span>{n.deadlineOn}</span>
          <Typography.Text type={pastDeadline(n) ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('supervision.endsAt', { zone: n.timeZone })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('supervision.state'),
      render: (_: unknown, n: SupervisionNotice) => (
        <Space orientation="vertical" size={0}>
          <Tag color={stateColour(n.state)} data-testid={`supervision-state-${n.id}`}>
            {t(`supervision.states.${n.state}`)}
          </Tag>
          {n.acknowledgedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.acknowledgedAt', { at: formatDateTime(n.acknowledgedAt, n.timeZone) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'issued',
      title: t('supervision.issuedBy'),
      responsive: ['md' as const],
      render: (_: unknown, n: SupervisionNotice) => (
        <Space orientation="vertical" size={0}>
          <span>{n.issuedBy ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(n.createdAt, n.timeZone)}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<SupervisionState | 'all'>
          style={{ width: 200 }}
          value={state ?? 'all'}
          onChange={(v) => {
            setState(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[{ value: 'all', label: t('supervision.allStates') }, ...SUPERVISION_STATES.map((s) => ({ value: s, label: t(`supervision.states.${s}`) }))]}
          data-testid="supervision-state-filter"
        />
        <ExportButton route={routes.supervision.export} args={{ params: { id: eventId }, query: { state } }} table="supervision-notices" />
      </Space>
      <PageState
        loading={notices.isPending}
        error={notices.error}
        onRetry={() => void notices.refetch()}
        empty={notices.data?.total === 0}
        emptyText={t('supervision.none')}
      >
        {wide ? (
          <Table<SupervisionNotice>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={notices.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={pagination}
            data-testid="supervision-notices"
          />
        ) : (
          <List<SupervisionNotice>
            size="small"
            dataSource={notices.data?.items ?? []}
            pagination={pagination}
            data-testid="supervision-notices"
            renderItem={(n) => (
              <List.Item key={n.id}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{n.organisationName}</Typography.Text>
                    <Tag color={stateColour(n.state)}>{t(`supervision.states.${n.state}`)}</Tag>
                  </Space>
                  <span>{n.subjectTitle}</span>
                  <Typography.Text type={pastDeadline(n) ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {t('supervision.dueOn', { day: n.dueOn })} · {t('supervision.deadlineShort', { day: n.deadlineOn })} ·{' '}
                    {t('supervision.endsAt', { zone: n.timeZone })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </PageState>
    </Space>
  );
}
