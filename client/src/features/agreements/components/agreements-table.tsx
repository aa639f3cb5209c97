import { Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { Money } from '../../../ui/money';
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
      render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.updatedAt)}</span>,
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
    <Table<Agreement>
      rowKey="id"
      columns={columns}
      dataSource={agreements}
      onRow={(a) => rowTestId('agreement-row', { 'data-agreement-id': a.id, 'data-status': a.status })}
      expandable={{ expandedRowRender: (a) => <AgreementDetails agreement={a} /> }}
      pagination={{ pageSize, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
