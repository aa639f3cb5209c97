import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrackingRow } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { Money } from '../../../ui/money';
import { STATE_COLOURS } from '../tracking-values';

/** The tracking table's columns: agreement, parties (lender and supplier in bold), amount, stage, next due, state, reports. */
export function useTrackingColumns(): TableColumnsType<TrackingRow> {
  const { t } = useTranslation();
  const labels = useLabels();
  return [
    {
      title: t('tracking.colAgreement'),
      key: 'title',
      render: (_v, r) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 'min(320px, 55vw)', minWidth: 160 }}>
          <Typography.Text strong>{r.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.agreementKind(r.kind)} · {r.session.title}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('tracking.colParties'),
      key: 'parties',
      responsive: ['md'],
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          {r.parties.map((p) => (
            <Typography.Text
              key={p.organisationId}
              strong={p.organisationId === r.lenderOrganisationId || p.organisationId === r.supplierOrganisationId}
              style={{ fontSize: 13 }}
            >
              {p.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({labels.partyRole(p.role)})
              </Typography.Text>
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: t('tracking.colAmount'), key: 'amount', align: 'right', render: (_v, r) => <Money yuan={r.amount} /> },
    {
      title: t('tracking.colStage'),
      key: 'stage',
      responsive: ['sm'],
      render: (_v, r) => <Tag style={{ marginInlineEnd: 0 }}>{t(`tracking.stages.${r.stage}`)}</Tag>,
    },
    {
      title: t('tracking.colNextDue'),
      key: 'nextDue',
      render: (_v, r) =>
        r.nextDue ? (
          <Space orientation="vertical" size={0}>
            <span style={{ whiteSpace: 'nowrap' }}>{r.nextDue.dueOn}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.nextDue.organisationName}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('tracking.colState'),
      key: 'state',
      render: (_v, r) => (
        <Tag color={STATE_COLOURS[r.state]} style={{ marginInlineEnd: 0 }} data-testid="tracking-state">
          {t(`tracking.states.${r.state}`)}
        </Tag>
      ),
    },
    {
      title: t('tracking.colReports'),
      key: 'reports',
      responsive: ['lg'],
      render: (_v, r) => (
        <Tooltip title={t('tracking.reportsHint')}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {r.reports.filed} / {r.reports.accepted}
            {r.reports.overdue > 0 ? (
              <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                {t('tracking.overdueCount', { count: r.reports.overdue })}
              </Tag>
            ) : null}
          </span>
        </Tooltip>
      ),
    },
  ];
}
