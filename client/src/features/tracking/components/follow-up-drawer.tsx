import { Collapse, Descriptions, Drawer, Empty, Grid, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Obligation, TrackingRow } from '@duijie/shared';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { useLabels } from '../../../ui/labels';
import { useAgreementFollowUp } from '../hooks/use-tracking';
import { STATE_COLOURS, TIMING_COLOURS } from '../tracking-values';
import { ObligationReports } from './obligation-reports';

type Props = { eventId: string; row: TrackingRow | null; timeZone: string; onClose: () => void };

/** One agreement's follow-up: its schedule, each report filed with its evidence, and the review of filed ones. */
export function FollowUpDrawer({ eventId, row, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const screens = Grid.useBreakpoint();
  const followUp = useAgreementFollowUp(row?.agreementId);
  const data = followUp.data;

  return (
    <Drawer open={row !== null} onClose={onClose} size={screens.md ? 720 : '100%'} title={row?.title} destroyOnHidden data-testid="follow-up-drawer">
      {row ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'kind', label: t('tracking.kind'), children: labels.agreementKind(row.kind) },
              { key: 'session', label: t('tracking.session'), children: row.session.title },
              { key: 'amount', label: t('tracking.colAmount'), children: <Money yuan={row.amount} /> },
              { key: 'stage', label: t('tracking.colStage'), children: t(`tracking.stages.${row.stage}`) },
              {
                key: 'state',
                label: t('tracking.colState'),
                children: <Tag color={STATE_COLOURS[row.state]}>{t(`tracking.states.${row.state}`)}</Tag>,
              },
              {
                key: 'cadence',
                label: t('tracking.cadence'),
                children: data?.cadence ? t(`tracking.every.${data.cadence.unit}`, { count: data.cadence.every }) : t('tracking.noCadence'),
              },
              { key: 'anchor', label: t('tracking.anchorDay'), children: data?.anchorDay ?? '—' },
              { key: 'zone', label: t('tracking.timeZone'), children: data?.timeZone ?? timeZone },
              {
                key: 'parties',
                label: t('tracking.colParties'),
                span: 'filled',
                children: row.parties.map((p) => `${p.name}（${labels.partyRole(p.role)}）`).join('、'),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('tracking.schedule')}
          </Typography.Title>
          <PageState loading={followUp.isPending} error={followUp.error} onRetry={() => void followUp.refetch()}>
            {data && data.obligations.length === 0 ? (
              <Empty description={t('tracking.noSchedule')} />
            ) : (
              <Collapse
                size="small"
                items={(data?.obligations ?? []).map((o) => ({
                  key: o.id,
                  label: <ObligationLabel obligation={o} />,
                  // Collapse mounts a panel's children when it first opens: closed panels fetch nothing.
                  children: <ObligationReports obligation={o} eventId={eventId} review />,
                }))}
                data-testid="follow-up-schedule"
              />
            )}
          </PageState>
        </Space>
      ) : null}
    </Drawer>
  );
}

function ObligationLabel({ obligation: o }: { obligation: Obligation }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      <span>{t('tracking.reportN', { step: t(`tracking.steps.${o.subject.step}`, { defaultValue: o.subject.step }), seq: o.subject.seq })}</span>
      <Typography.Text type="secondary">{t('tracking.dueOn', { day: o.dueOn })}</Typography.Text>
      <Typography.Text type="secondary">· {o.organisationName}</Typography.Text>
      <Tag style={{ marginInlineEnd: 0 }}>{t(`tracking.obligationStates.${o.state}`)}</Tag>
      {o.state !== 'waived' && o.state !== 'accepted' ? (
        <Tag color={TIMING_COLOURS[o.timing]} style={{ marginInlineEnd: 0 }}>
          {t(`tracking.timings.${o.timing}`)}
        </Tag>
      ) : null}
    </Space>
  );
}
