import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, MatchSession } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { AgreementStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { AgreementDetails, PartyList } from '../../agreements/components/agreement-details';
import { useConfirmAgreement, useSessionAgreements } from '../../agreements/hooks/use-agreements';
import { SessionPicker } from './session-picker';
import { useLiveAgreements } from '../../agreements/hooks/use-live-agreements';

/** A session's agreements; the organiser confirms the fully signed ones. */
export function AgreementsTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [eventId, setEventId] = useState<string | undefined>(undefined);
  const [session, setSession] = useState<MatchSession | undefined>(undefined);
  const agreements = useSessionAgreements(session?.id);
  useLiveAgreements();
  const confirm = useConfirmAgreement();
  const onFailure = useFailureHandler();

  const columns: TableColumnsType<Agreement> = [
    { title: t('agreement.title'), dataIndex: 'title' },
    { title: t('agreement.kind'), dataIndex: 'kind', render: (_v, a) => <Tag>{labels.agreementKind(a.kind)}</Tag> },
    { title: t('agreement.amount'), dataIndex: 'amount', render: (_v, a) => <Money yuan={a.amount} /> },
    { title: t('agreement.parties'), key: 'parties', render: (_v, a) => <PartyList parties={a.parties} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, a) => <AgreementStatusTag status={a.status} /> },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.updatedAt)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, a) =>
        a.status === 'signed' ? (
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            loading={confirm.isPending && confirm.variables.id === a.id}
            onClick={() =>
              confirm.mutate(a, {
                onSuccess: () => {
                  void message.success(t('agreement.confirmed', { title: a.title }));
                },
                onError: (error) => onFailure(error),
              })
            }
            data-testid="agreement-confirm"
          >
            {t('agreement.confirm')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <SessionPicker
        eventId={eventId}
        sessionId={session?.id}
        onChange={(nextEvent, nextSession) => {
          setEventId(nextEvent);
          setSession(nextSession);
        }}
      />
      {session ? (
        <Card size="small">
          <PageState
            loading={agreements.isPending}
            error={agreements.error}
            empty={agreements.data?.length === 0}
            emptyText={t('agreement.emptySession')}
            onRetry={() => void agreements.refetch()}
          >
            <Table<Agreement>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={agreements.data}
              onRow={(a) => rowTestId('agreement-row', { 'data-agreement-id': a.id, 'data-status': a.status })}
              expandable={{ expandedRowRender: (a) => <AgreementDetails agreement={a} /> }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
            />
          </PageState>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('console.pickSessionFirst')} />
      )}
    </Space>
  );
}
