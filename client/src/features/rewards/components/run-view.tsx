import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatCny, routes, type RewardRun } from '@duijie/shared';
import { download } from '../../../api/client';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { ExportButton } from '../../../ui/export-button';
import { Money } from '../../../ui/money';
import { useFailureHandler } from '../../../ui/use-failure';
import { useApproveFlow } from '../hooks/use-approve-flow';
import { useEventZone, useRewardProgram } from '../hooks/use-rewards';
import { ruleNames } from '../reward-values';
import { ApproveStepUpModal } from './approve-step-up-modal';
import { AwardsTable } from './awards-table';
import { testId } from './button-test-id';
import { RunTotals } from './run-totals';

export const RUN_STATE_COLOURS: Record<RewardRun['state'], string> = { computed: 'gold', approved: 'green', superseded: 'default' };

type Props = { eventId: string; run: RewardRun; onReload: () => void };

/** One calculation run: its totals, the change from the previous run, the awards with reasons, approval and payment. */
export function RunView({ eventId, run, onReload }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { modal } = App.useApp();
  const onFailure = useFailureHandler();
  const zone = useEventZone(eventId);
  const program = useRewardProgram(run.programId);
  const names = ruleNames(program.data?.content, lang);
  const flow = useApproveFlow(run, onReload);
  const approved = run.state === 'approved';

  const confirmApprove = () =>
    modal.confirm({
      title: t('rewards.approveTitle'),
      content: t('rewards.approveBody', { total: formatCny(run.totals.total, lang), count: run.institutions }),
      okText: t('rewards.approve'),
      okButtonProps: testId('rewards-approve-confirm'),
      cancelText: t('common.cancel'),
      onOk: flow.onApprove,
    });

  const pdf = async (which: 'praise' | 'criticism') => {
    try {
      await download(which === 'praise' ? routes.rewards.praise : routes.rewards.criticism, { params: { id: run.id } }, `${which}-${run.seq}.pdf`);
    } catch (error) {
      onFailure(error);
    }
  };

  return (
    <Card
      data-testid={`rewards-run-${run.id}`}
      title={
        <Space wrap>
          <span>{t('rewards.runTitle', { seq: run.seq })}</span>
          <Tag color={RUN_STATE_COLOURS[run.state]}>{t(`rewards.runStates.${run.state}`)}</Tag>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <ExportButton route={routes.rewards.runExport} args={{ params: { id: run.id } }} table="reward-awards" />
        <Button icon={<FilePdfOutlined />} disabled={!approved} onClick={() => void pdf('praise')} data-testid="rewards-praise-pdf">
          {t('rewards.praisePdf')}
        </Button>
        <Button icon={<FilePdfOutlined />} disabled={!approved} onClick={() => void pdf('criticism')} data-testid="rewards-criticism-pdf">
          {t('rewards.criticismPdf')}
        </Button>
        {run.state === 'computed' ? (
          <Button type="primary" onClick={confirmApprove} loading={flow.approving} data-testid="rewards-run-approve">
            {t('rewards.approve')}
          </Button>
        ) : null}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('rewards.program')}>
          {run.programName} · {t('rewards.versionNo', { n: run.programVersionNo })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rewards.total')}>
          <Typography.Text strong data-testid="rewards-run-total">
            <Money yuan={run.totals.total} />
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('rewards.institutions')}>
          {t('rewards.institutionsCount', { count: run.institutions, unconfirmed: run.unconfirmed })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rewards.computedAt')}>{formatDateTime(run.computedAt, zone)}</Descriptions.Item>
        <Descriptions.Item label={t('rewards.approvedAt')}>{formatDateTime(run.approvedAt, zone)}</Descriptions.Item>
      </Descriptions>
      {!approved ? (
        <Typography.Paragraph type="secondary">{run.state === 'computed' ? t('rewards.pdfAfterApproval') : t('rewards.supersededHint')}</Typography.Paragraph>
      ) : null}

      <RunTotals run={run} names={names} />
      <AwardsTable run={run} names={names} zone={zone} />
      <ApproveStepUpModal open={flow.askPassword} form={flow.passwordForm} loading={flow.steppingUp} onSubmit={flow.onStepUp} onCancel={flow.cancelStepUp} />
    </Card>
  );
}
