import { FileOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type EvidenceFile, type Obligation } from '@duijie/shared';
import { download } from '../../../api/client';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { ReasonModal } from '../../../ui/reason-modal';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEvidence, useObligationReports, useReviewObligation } from '../hooks/use-tracking';
import { formatDateTime } from '../../../ui/dates';

type Props = {
  obligation: Obligation;
  eventId?: string;
  /** Organisers review a filed report here. */
  review?: boolean;
};

/** The reports filed for one obligation (its rounds, their ledger lines), its evidence files, and the organisers' review. */
export function ObligationReports({ obligation, eventId, review = false }: Props) {
  const { t } = useTranslation();
  const reports = useObligationReports(obligation.id);
  const evidence = useEvidence(obligation.id);
  const reviewing = useReviewObligation(eventId);
  const fail = useFailureHandler();
  const [returning, setReturning] = useState(false);
  const zone = obligation.timeZone;
  const current = reports.data?.obligation ?? obligation;

  const send = (accept: boolean, reason?: string) =>
    reviewing.mutate(
      { id: current.id, body: { version: current.version, accept, ...(reason ? { reason } : {}) } },
      {
        onSuccess: () => setReturning(false),
        onError: (error) => fail(error, { onStale: () => void reports.refetch() }),
      },
    );

  return (
    <PageState loading={reports.isPending} error={reports.error} onRetry={() => void reports.refetch()}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(reports.data?.reports ?? []).length === 0 ? <Typography.Text type="secondary">{t('tracking.noReports')}</Typography.Text> : null}
        {(reports.data?.reports ?? []).map((r) => (
          <Descriptions
            key={r.id}
            size="small"
            column={1}
            bordered
            title={t('tracking.round', { round: r.round, at: formatDateTime(r.filedAt, zone) })}
            items={[
              { key: 'narrative', label: t('tracking.narrative'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.narrative}</span> },
              ...(r.problems
                ? [{ key: 'problems', label: t('tracking.problems'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.problems}</span> }]
                : []),
              {
                key: 'lines',
                label: t('tracking.lines'),
                children:
                  r.lines.length === 0
                    ? '—'
                    : r.lines.map((l) => (
                        <div key={l.id}>
                          {t(`ledger.kinds.${l.kind}`)} {l.amount ? <Money yuan={l.amount} /> : null} · {l.occurredOn}
                          {l.evidence ? ` · ${l.evidence}` : ''}
                          {l.reason ? ` · ${l.reason}` : ''}
                        </div>
                      )),
              },
            ]}
          />
        ))}
        <EvidenceLinks files={evidence.data ?? []} />
        {current.returnReason && current.state === 'returned' ? (
          <Typography.Text type="danger">{t('tracking.returnedBecause', { reason: current.returnReason })}</Typography.Text>
        ) : null}
        {review && current.state === 'submitted' ? (
          <Space>
            <Popconfirm title={t('tracking.acceptConfirm')} onConfirm={() => send(true)} okText={t('tracking.accept')} cancelText={t('common.cancel')}>
              <Button type="primary" loading={reviewing.isPending} data-testid="review-accept">
                {t('tracking.accept')}
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setReturning(true)} data-testid="review-return">
              {t('tracking.return')}
            </Button>
          </Space>
        ) : null}
        <ReasonModal
          open={returning}
          title={t('tracking.returnTitle')}
          description={t('tracking.returnDescription')}
          required
          okText={t('tracking.return')}
          loading={reviewing.isPending}
          onSubmit={(reason) => send(false, reason)}
          onCancel={() => setReturning(false)}
        />
      </Space>
    </PageState>
  );
}

type EvidenceProps = { files: EvidenceFile[] };

/** Evidence files, each downloaded as the file it is. */
export function EvidenceLinks({ files }: EvidenceProps) {
  const { t } = useTranslation();
  const fail = useFailureHandler();
  if (files.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('tracking.evidence')}</Typography.Text>}
      dataSource={files}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(f) => (
        <List.Item>
          <Button
            type="link"
            icon={<FileOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => download(routes.followUp.evidenceFile, { params: { id: f.id } }, f.name).catch((error: unknown) => fail(error))}
            data-testid="evidence-link"
          >
            {f.name}
          </Button>
          <Typography.Text type="secondary">{(f.size / 1024).toFixed(0)} KB</Typography.Text>
        </List.Item>
      )}
    />
  );
}
