import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { Money } from '../../../ui/money';
import { ResponsiveList } from '../../../ui/responsive-list';
import { AgreementStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { AgreementDetails, PartyList } from './agreement-details';
import { CertificateButton } from './certificate-button';

type Props = {
  agreements: Agreement[] | undefined;
  /** The session's title, when the table spans sessions. */
  sessionTitle?: (sessionId: string) => string | undefined;
  actions: (agreement: Agreement) => ReactNode;
  pageSize: number;
};

/** Agreements with their parties' signatures; a row expands to the terms and the timeline. */
export function AgreementsTable({ agreements, sessionTitle, actions, pageSize }: Props) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const labels = useLabels();
  const columns: TableColumnsType<Agreement> = [
    { title: t('agreement.title'), dataIndex: 'title' },
    { title: t('agreement.kind'), dataIndex: 'kind', render: (_v, a) => <Tag>{labels.agreementKind(a.kind)}</Tag> },
    { title: t('agreement.amount'), dataIndex: 'amount', render: (_v, a) => <Money yuan={a.amount} /> },
    { title: t('agreement.parties'), key: 'parties', render: (_v, a) => <PartyList parties={a.parties} /> },
    ...(sessionTitle ? [{ title: t('fields.session'), dataIndex: 'sessionId', render: (_v: unknown, a: Agreement) => sessionTitle(a.sessionId) ?? '—' }] : []),
    { title: t('fields.status'), dataIndex: 'status', render: (_v, a) => <AgreementStatusTag status={a.status} /> },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.updatedAt, zoneOf(a.eventId))}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, a) => (
        <Space wrap size="small">
          {actions(a)}
          <CertificateButton agreement={a} />
        </Space>
      ),
    },
  ];
  return (
    <ResponsiveList<Agreement>
      rowKey="id"
      columns={columns}
      dataSource={agreements}
      card={(a) => <AgreementCard agreement={a} sessionTitle={sessionTitle?.(a.sessionId)} actions={actions(a)} />}
      testId="agreements"
      pagination={{ pageSize, hideOnSinglePage: true }}
      tableProps={{
        onRow: (a) => rowTestId('agreement-row', { 'data-agreement-id': a.id, 'data-status': a.status }),
        expandable: { expandedRowRender: (a) => <AgreementDetails agreement={a} /> },
        scroll: { x: 'max-content' },
      }}
    />
  );
}

type CardProps = { agreement: Agreement; sessionTitle: string | undefined; actions: ReactNode };

/** An agreement on a phone: title, status, amount, the parties' signatures, the actions; the terms and timeline fold out. */
function AgreementCard({ agreement: a, sessionTitle, actions }: CardProps) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={8} data-testid="agreement-row" data-agreement-id={a.id} data-status={a.status}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {a.title}
        </Typography.Text>
        <span style={{ flexShrink: 0 }}>
          <AgreementStatusTag status={a.status} />
        </span>
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Tag>{labels.agreementKind(a.kind)}</Tag>
        <Typography.Text strong>
          <Money yuan={a.amount} />
        </Typography.Text>
      </Flex>
      <PartyList parties={a.parties} />
      <Typography.Text type="secondary">
        {sessionTitle ? `${sessionTitle} · ` : ''}
        {t('fields.updatedAt')}: {formatDateTime(a.updatedAt, zoneOf(a.eventId))}
      </Typography.Text>
      <Flex wrap gap={8}>
        {actions}
        <CertificateButton agreement={a} />
        <Button icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!open)} data-testid="agreement-details-toggle">
          {t('agreement.details')}
        </Button>
      </Flex>
      {open ? <AgreementDetails agreement={a} /> : null}
    </Flex>
  );
}
