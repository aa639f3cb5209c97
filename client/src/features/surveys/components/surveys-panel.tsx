import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey, SurveyState } from '@duijie/shared';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventDetail } from '../../events/hooks/use-events';
import { useSurveys, useSurveyWrites } from '../hooks/use-surveys';
import { ExclusionsDrawer } from './exclusions-drawer';
import { SendModal } from './send-modal';
import { SurveyDrawer } from './survey-drawer';
import { SurveyFormModal } from './survey-form-modal';

const STATE_COLOURS: Record<SurveyState, string> = { draft: 'default', sent: 'blue', closed: 'default' };

/** The organisers' 摸底调查 of an event: its surveys, defining and sending them, following the responses, the exclusion list. */
export function SurveysPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const fail = useFailureHandler();
  const surveys = useSurveys(eventId);
  const event = useEventDetail(eventId);
  const { close } = useSurveyWrites(eventId);
  const [editing, setEditing] = useState<Survey | null | undefined>(undefined);
  const [sending, setSending] = useState<Survey | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [exclusions, setExclusions] = useState(false);
  const opened = surveys.data?.find((s) => s.id === openId) ?? null;

  const confirmClose = (s: Survey) =>
    modal.confirm({
      title: t('surveys.closeConfirmTitle'),
      content: t('surveys.closeConfirmBody'),
      okText: t('surveys.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => close.mutateAsync({ id: s.id, version: s.version }).catch((error: unknown) => fail(error, { onStale: () => void surveys.refetch() })),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="surveys-panel">
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="survey-create">
          {t('surveys.create')}
        </Button>
        <Button icon={<StopOutlined />} onClick={() => setExclusions(true)} data-testid="survey-exclusions">
          {t('surveys.exclusionsTitle')}
        </Button>
      </Space>
      <PageState
        loading={surveys.isPending}
        error={surveys.error}
        onRetry={() => void surveys.refetch()}
        empty={(surveys.data ?? []).length === 0}
        emptyText={t('surveys.empty')}
      >
        <Table<Survey>
          size="small"
          rowKey="id"
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={surveys.data ?? []}
          columns={[
            {
              title: t('surveys.title'),
              dataIndex: 'title',
              render: (title: string, s) => (
                <Typography.Link onClick={() => setOpenId(s.id)} data-testid={`survey-open-${s.id}`}>
                  {title}
                </Typography.Link>
              ),
            },
            { title: t('surveys.listingType'), dataIndex: 'listingType', render: (type: Survey['listingType']) => t(`surveys.collects.${type ?? 'none'}`) },
            {
              title: t('surveys.state'),
              dataIndex: 'state',
              render: (state: SurveyState) => <Tag color={STATE_COLOURS[state]}>{t(`surveys.states.${state}`)}</Tag>,
            },
            {
              title: t('surveys.dueOn'),
              key: 'due',
              render: (_v, s) => s.dueOn ?? (s.deadlineOn ? s.deadlineOn : t('surveys.afterWorkingDays', { count: s.deadlineWorkingDays ?? 0 })),
            },
            {
              title: t('surveys.rate'),
              key: 'rate',
              width: 180,
              render: (_v, s) =>
                s.progress.invited > 0 ? (
                  <Space size={4}>
                    <Progress percent={Math.round(s.progress.rate * 100)} size="small" style={{ width: 80 }} />
                    <Typography.Text type="secondary">
                      {s.progress.submitted}/{s.progress.invited}
                    </Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_v, s) => (
                <Space size={4} wrap>
                  {s.state === 'draft' ? (
                    <Button size="small" onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {s.state !== 'closed' ? (
                    <Button size="small" type="primary" onClick={() => setSending(s)} data-testid={`survey-send-${s.id}`}>
                      {s.state === 'draft' ? t('surveys.send') : t('surveys.sendMore')}
                    </Button>
                  ) : null}
                  {s.state !== 'draft' ? (
                    <Button size="small" onClick={() => setOpenId(s.id)}>
                      {t('surveys.responsesTitle')}
                    </Button>
                  ) : null}
                  {s.state === 'sent' ? (
                    <Button size="small" danger onClick={() => confirmClose(s)}>
                      {t('surveys.close')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <SurveyFormModal
        eventId={eventId}
        sessions={event.data?.sessions ?? []}
        survey={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
      {sending ? <SendModal survey={sending} open onClose={() => setSending(null)} /> : null}
      <SurveyDrawer survey={opened} onClose={() => setOpenId(null)} />
      <ExclusionsDrawer open={exclusions} onClose={() => setExclusions(false)} />
    </Space>
  );
}
