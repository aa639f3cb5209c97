import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionNotice } from '@duijie/shared';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useAcknowledgeSupervision, useMySupervisionNotices } from '../hooks/use-supervision';
import { pastDeadline, stateColour } from '../supervision-values';

/** The caller's organisation's supervision notices still to act on, with "acknowledge" (on the participant's 待办). */
export function MySupervisionNotices() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const notices = useMySupervisionNotices();
  const acknowledge = useAcknowledgeSupervision();
  const fail = useFailureHandler();

  // Nothing under supervision: the 待办 page shows nothing for it.
  if (notices.data && notices.data.length === 0) return null;

  const confirm = (n: SupervisionNotice) =>
    modal.confirm({
      title: t('supervision.acknowledgeTitle'),
      content: t('supervision.acknowledgeBody', { title: n.subjectTitle, day: n.deadlineOn }),
      okText: t('supervision.acknowledge'),
      onOk: () =>
        acknowledge.mutateAsync({ id: n.id, version: n.version }).catch((error: unknown) => {
          fail(error, { onStale: () => void notices.refetch() });
        }),
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          <WarningOutlined />
          {t('supervision.mineTitle')}
        </Space>
      }
      data-testid="my-supervision-notices"
    >
      <PageState loading={notices.isPending} error={notices.error} onRetry={() => void notices.refetch()}>
        <List<SupervisionNotice>
          dataSource={notices.data ?? []}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid={`my-supervision-${n.id}`}
              actions={
                n.state === 'issued'
                  ? [
                      <Button
                        key="ack"
                        type="primary"
                        size="small"
                        loading={acknowledge.isPending}
                        onClick={() => confirm(n)}
                        data-testid={`acknowledge-${n.id}`}
                      >
                        {t('supervision.acknowledge')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{n.subjectTitle}</span>
                    <Tag color={stateColour(n.state)}>{t(`supervision.states.${n.state}`)}</Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <Typography.Text type={pastDeadline(n) || n.state === 'lapsed' ? 'danger' : undefined}>
                      {t('supervision.fileBy', { day: n.deadlineOn, zone: n.timeZone })}
                    </Typography.Text>
                    {n.note ? <Typography.Text type="secondary">{t('supervision.noteFrom', { note: n.note })}</Typography.Text> : null}
                    {n.state === 'lapsed' ? <Alert type="error" showIcon title={t('supervision.lapsedWarning')} /> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </PageState>
    </Card>
  );
}
