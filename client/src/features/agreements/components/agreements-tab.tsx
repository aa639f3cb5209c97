import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes, type Agreement } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { AgreementsTable } from './agreements-table';
import { useConfirmAgreement, useSessionAgreements } from '../hooks/use-agreements';
import { SessionPicker, usePickedSession } from '../../events/components/session-picker';
import { useLiveAgreements } from '../hooks/use-live-agreements';

/** A session's agreements; the organiser confirms the fully signed ones. */
export function AgreementsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, picker } = usePickedSession();
  const agreements = useSessionAgreements(session?.id);
  useLiveAgreements();
  const confirm = useConfirmAgreement();
  const onFailure = useFailureHandler();

  const actions = (a: Agreement) =>
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
    ) : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex justify="space-between" wrap gap={8}>
        <SessionPicker {...picker} />
        {session ? <ExportButton route={routes.agreements.export} args={{ params: { id: session.id } }} table="agreements" /> : null}
      </Flex>
      {session ? (
        <Card size="small">
          <PageState
            loading={agreements.isPending}
            error={agreements.error}
            empty={agreements.data?.length === 0}
            emptyText={t('agreement.emptySession')}
            onRetry={() => void agreements.refetch()}
          >
            <AgreementsTable agreements={agreements.data} actions={actions} pageSize={50} />
          </PageState>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('console.pickSessionFirst')} />
      )}
    </Space>
  );
}
