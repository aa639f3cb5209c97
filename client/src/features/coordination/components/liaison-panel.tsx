import { App, Button, Card, Form, List, Select, Space, Table, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIAISON_CADENCES, routes, type Liaison, type LiaisonCadence, type LiaisonReport } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { LIAISON_FIELDS } from '../coordination-values';
import { useDesignateLiaison, useEnterpriseSearch, useLiaisonReports, useLiaisons, useOrganisationUsers, useStopLiaison } from '../hooks/use-coordination';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };
type Values = { organisationId: string; userId: string; cadence: LiaisonCadence };

/** Key enterprises and their liaison officers (联络员): designate, stop, and read their latest operating reports (urgent ones first in sight). */
export function LiaisonPanel({ eventId }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const liaisons = useLiaisons(eventId);
  const reports = useLiaisonReports(eventId, { page: 1, pageSize: 10 });
  const stop = useStopLiaison(eventId);
  const failed = useFailureHandler();

  const confirmStop = (l: Liaison) =>
    modal.confirm({
      title: t('coordination.stopLiaisonTitle', { name: l.organisationName }),
      content: t('coordination.stopLiaisonBody'),
      okText: t('coordination.stopLiaison'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => stop.mutateAsync(l.organisationId).catch((e: unknown) => failed(e)),
    });

  const columns = [
    {
      key: 'organisation',
      title: t('coordination.keyEnterprise'),
      render: (_: unknown, l: Liaison) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{l.organisationName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('coordination.liaisonUser', { name: l.userName })} · {t(`coordination.cadences.${l.cadence}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'next',
      title: t('coordination.nextReport'),
      render: (_: unknown, l: Liaison) => (
        <Space orientation="vertical" size={0}>
          <span>{l.nextDueOn ?? '—'}</span>
          {l.overdue > 0 ? <Typography.Text type="danger">{t('coordination.overdueReports', { count: l.overdue })}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'filed',
      title: t('coordination.reportsFiled'),
      responsive: ['md' as const],
      render: (_: unknown, l: Liaison) => (
        <Space orientation="vertical" size={0}>
          <span>{l.reportsFiled}</span>
          {l.lastUrgentAt ? <Tag color="red">{t('coordination.lastUrgent', { at: formatDateTime(l.lastUrgentAt, l.timeZone) })}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, l: Liaison) => (
        <Button size="small" danger type="link" onClick={() => confirmStop(l)} data-testid={`liaison-stop-${l.organisationId}`}>
          {t('coordination.stopLiaison')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="liaison-panel">
      <DesignateForm eventId={eventId} />
      <ExportButton route={routes.coordination.liaisonsExport} args={{ params: { id: eventId } }} table="liaisons" />
      <PageState
        loading={liaisons.isLoading}
        error={liaisons.error}
        onRetry={() => void liaisons.refetch()}
        empty={liaisons.data?.length === 0}
        emptyText={t('coordination.noLiaisons')}
      >
        <Table<Liaison> rowKey="organisationId" size="middle" columns={columns} dataSource={liaisons.data ?? []} pagination={false} scroll={{ x: true }} />
      </PageState>
      <Card
        size="small"
        title={t('coordination.latestReports')}
        extra={<ExportButton route={routes.coordination.liaisonReportsExport} args={{ params: { id: eventId } }} table="liaison-reports" />}
      >
        <PageState
          loading={reports.isLoading}
          error={reports.error}
          onRetry={() => void reports.refetch()}
          empty={reports.data?.total === 0}
          emptyText={t('coordination.noReports')}
        >
          <List<LiaisonReport> dataSource={reports.data?.items ?? []} renderItem={(r) => <ReportItem report={r} />} />
        </PageState>
      </Card>
    </Space>
  );
}

/** One operating report; an urgent one stands out. */
export function ReportItem({ report }: { report: LiaisonReport }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <List.Item
      data-testid={`liaison-report-${report.id}`}
      style={report.urgent ? { borderLeft: `3px solid ${token.colorError}`, paddingLeft: 12, background: token.colorErrorBg } : undefined}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          {report.urgent ? <Tag color="red">{t('coordination.urgentReport')}</Tag> : null}
          <Typography.Text strong>{report.organisationName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(report.createdAt, report.timeZone)}
            {report.dueOn ? ` · ${t('coordination.forDueOn', { day: report.dueOn })}` : ''}
          </Typography.Text>
        </Space>
        {LIAISON_FIELDS.filter((f) => report[f] !== '').map((f) => (
          <Typography.Text key={f} type={f === 'difficulties' && report.urgent ? 'danger' : undefined}>
            {t(`coordination.fields.${f}`)}：{report[f]}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );
}

function DesignateForm({ eventId }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const organisationId = Form.useWatch('organisationId', form);
  const enterprises = useEnterpriseSearch(q);
  const users = useOrganisationUsers(organisationId);
  const designate = useDesignateLiaison(eventId);
  const failed = useFailureHandler();
  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={{ cadence: 'weekly' }}
      onFinish={({ organisationId: org, userId, cadence }) =>
        designate.mutate({ organisationId: org, body: { userId, cadence } }, { onSuccess: () => form.resetFields(), onError: (e) => failed(e, { form }) })
      }
    >
      <Form.Item name="organisationId" rules={[{ required: true, message: t('coordination.enterpriseRequired') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          style={{ width: 240 }}
          placeholder={t('coordination.keyEnterprise')}
          options={(enterprises.data?.items ?? []).filter((o) => o.kind !== 'organiser').map((o) => ({ value: o.id, label: o.name }))}
          onChange={() => form.setFieldValue('userId', undefined)}
          data-testid="liaison-organisation"
        />
      </Form.Item>
      <Form.Item name="userId" rules={[{ required: true, message: t('coordination.liaisonRequired') }]}>
        <Select
          style={{ width: 200 }}
          placeholder={t('coordination.liaisonOfficer')}
          disabled={!organisationId}
          options={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }))}
          data-testid="liaison-user"
        />
      </Form.Item>
      <Form.Item name="cadence">
        <Select style={{ width: 120 }} options={LIAISON_CADENCES.map((c) => ({ value: c, label: t(`coordination.cadences.${c}`) }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={designate.isPending} data-testid="liaison-designate">
          {t('coordination.designate')}
        </Button>
      </Form.Item>
    </Form>
  );
}
