import { Alert, App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, type SurveyResponse } from '@duijie/shared';
import { useLanguage } from '../../app/use-language';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/page-state';
import { useFailureHandler } from '../../ui/use-failure';
import { ResponseFormModal } from './components/response-form-modal';
import { ResponseStateTag } from './components/response-state-tag';
import { useDemandGuidance, useMySurveys, useResponseWrites } from './hooks/use-surveys';

/** The participant's 摸底调查: surveys to answer by their deadline, answers to confirm as listings, and the published demand guidance. */
export function MySurveysPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const fail = useFailureHandler();
  const mine = useMySurveys();
  const { confirm } = useResponseWrites();
  const [answering, setAnswering] = useState<SurveyResponse | null>(null);
  const items = mine.data ?? [];
  const drafts = items.filter((r) => r.draftListing);
  const eventIds = [...new Set(items.map((r) => r.survey.eventId))];

  const confirmListing = (r: SurveyResponse) =>
    modal.confirm({
      title: t('surveys.confirmListingTitle'),
      content: t('surveys.confirmListingBody', { title: r.answers.listing?.title || r.survey.title }),
      okText: t('surveys.confirmListing'),
      cancelText: t('common.cancel'),
      onOk: () =>
        confirm
          .mutateAsync(r.id)
          .then(() => void message.success(t('surveys.listingPosted')))
          .catch((error: unknown) => fail(error)),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('surveys.myTitle')}
      </Typography.Title>
      <PageState loading={mine.isPending} error={mine.error} onRetry={() => void mine.refetch()} empty={items.length === 0} emptyText={t('surveys.myEmpty')}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {drafts.length > 0 ? (
            <Card size="small" title={t('surveys.draftsTitle')} data-testid="survey-drafts">
              <List
                dataSource={drafts}
                renderItem={(r) => (
                  <List.Item
                    actions={[
                      <Button key="confirm" type="primary" onClick={() => confirmListing(r)} loading={confirm.isPending} data-testid={`survey-confirm-${r.id}`}>
                        {t('surveys.confirmListing')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta title={r.answers.listing?.title || r.survey.title} description={<DraftSummary response={r} />} />
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          <List
            grid={{ gutter: 16, xs: 1, md: 2 }}
            dataSource={items}
            renderItem={(r) => {
              const owed = (r.state === 'open' || r.state === 'returned') && r.survey.state === 'sent';
              return (
                <List.Item>
                  <Card
                    size="small"
                    title={r.survey.title}
                    // A long title wraps rather than being cut on a phone.
                    styles={{ title: { whiteSpace: 'normal' } }}
                    extra={<ResponseStateTag response={r} />}
                    data-testid={`my-survey-${r.id}`}
                    actions={[
                      <Button key="open" type={owed ? 'primary' : 'link'} onClick={() => setAnswering(r)} data-testid={`survey-answer-open-${r.id}`}>
                        {owed ? t('surveys.answer') : t('surveys.viewAnswers')}
                      </Button>,
                    ]}
                  >
                    <Space orientation="vertical" size={4}>
                      <Typography.Text>{t('surveys.dueIn', { dueOn: r.survey.dueOn ?? '—', zone: r.survey.timeZone })}</Typography.Text>
                      {r.survey.listingType ? <Tag>{t(`surveys.collects.${r.survey.listingType}`)}</Tag> : null}
                      {r.state === 'returned' && r.returnReason ? (
                        <Alert type="warning" showIcon title={t('surveys.returnedBecause', { reason: r.returnReason })} />
                      ) : null}
                      {r.listingId ? <Typography.Text type="success">{t('surveys.listingPosted')}</Typography.Text> : null}
                    </Space>
                  </Card>
                </List.Item>
              );
            }}
          />
          {eventIds.map((id) => (
            <GuidanceCard key={id} eventId={id} />
          ))}
        </Space>
      </PageState>
      <ResponseFormModal response={answering} onClose={() => setAnswering(null)} />
    </Space>
  );
}

function DraftSummary({ response }: { response: SurveyResponse }) {
  const lang = useLanguage();
  const goods = response.answers.listing?.goods;
  const financing = response.answers.listing?.financing;
  if (goods)
    return (
      <span>
        {categoryLabel(goods.category, lang)} · {goods.quantity} {goods.unit}
      </span>
    );
  if (financing) return <Money yuan={financing.amount} />;
  return null;
}

/** The demand guidance (需求导向) an event published: the text and what the accepted responses add up to. */
function GuidanceCard({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const guidance = useDemandGuidance(eventId);
  const surveys = guidance.data?.surveys ?? [];
  if (surveys.length === 0) return null;
  return (
    <>
      {surveys.map((s) => (
        <Card key={s.surveyId} size="small" title={t('surveys.guidanceOf', { title: s.title })} data-testid="demand-guidance">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Typography.Paragraph>
          {s.rows.length > 0 ? (
            <Table
              size="small"
              rowKey={(r) => `${r.key}-${r.unit ?? ''}`}
              pagination={false}
              dataSource={s.rows}
              columns={[
                {
                  title: t('surveys.item'),
                  dataIndex: 'key',
                  render: (key: string, r) => (r.listingType === 'financing_need' ? t(`enums.purpose.${key}`) : categoryLabel(key, lang)),
                },
                { title: t('surveys.organisations'), dataIndex: 'organisations', align: 'right' },
                {
                  title: t('surveys.total'),
                  key: 'total',
                  align: 'right',
                  render: (_v, r) => (r.amount !== null ? <Money yuan={r.amount} /> : `${r.quantity ?? 0} ${r.unit ?? ''}`),
                },
              ]}
            />
          ) : null}
        </Card>
      ))}
    </>
  );
}
