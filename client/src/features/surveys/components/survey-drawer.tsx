import { App, Button, Card, Drawer, Form, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  categoryLabel,
  regionLabel,
  routes,
  type ObligationFilter,
  type Survey,
  type SurveyResponse,
  type SurveyResponseListQuery,
  type SurveyResponseRow,
} from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { ReasonModal } from '../../../ui/reason-modal';
import { ExportButton } from '../../../ui/export-button';
import { useFailureHandler } from '../../../ui/use-failure';
import { useSurveyResponse, useSurveyResponses, useSurveyWrites } from '../hooks/use-surveys';
import { ResponseStateTag } from './response-state-tag';

type Props = { survey: Survey | null; onClose: () => void };

/** The states an organiser follows the responses by: what is still owed (and overdue among it), then filed, accepted, returned. */
const STATE_FILTERS: ObligationFilter[] = ['outstanding', 'overdue', 'submitted', 'accepted', 'returned', 'waived'];

/** A sent survey: its response rate by prefecture, the responses to review, the summary download and the demand guidance. */
export function SurveyDrawer({ survey, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={survey !== null} onClose={onClose} size="large" title={survey?.title} destroyOnHidden>
      {survey ? <SurveyDetail survey={survey} /> : null}
      {survey ? null : <Typography.Text>{t('state.empty')}</Typography.Text>}
    </Drawer>
  );
}

function SurveyDetail({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const fail = useFailureHandler();
  const { publish } = useSurveyWrites(survey.eventId);
  const [form] = Form.useForm<{ text: string }>();

  useEffect(() => form.setFieldsValue({ text: survey.guidance ?? '' }), [survey.guidance, form]);

  const p = survey.progress;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('surveys.progressTitle')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="survey-rate">
              {t('surveys.rateOverall', { submitted: p.submitted, invited: p.invited, rate: Math.round(p.rate * 100) })}
            </Typography.Text>
            <Tag color="green">{t('surveys.acceptedCount', { count: p.accepted })}</Tag>
            {p.returned > 0 ? <Tag color="orange">{t('surveys.returnedCount', { count: p.returned })}</Tag> : null}
            <ExportButton route={routes.surveys.summary} args={{ params: { id: survey.id } }} table="survey-summary" />
          </Space>
          <Table
            size="small"
            rowKey="region"
            pagination={false}
            dataSource={p.byRegion}
            columns={[
              { title: t('surveys.prefecture'), dataIndex: 'region', render: (code: string) => regionLabel(code, lang) },
              { title: t('surveys.invited'), dataIndex: 'invited', align: 'right' },
              { title: t('surveys.submitted'), dataIndex: 'submitted', align: 'right' },
              { title: t('surveys.rate'), dataIndex: 'rate', render: (rate: number) => <Progress percent={Math.round(rate * 100)} size="small" /> },
            ]}
          />
        </Space>
      </Card>
      <ResponsesCard survey={survey} />
      <Card size="small" title={t('surveys.guidanceTitle')}>
        <Form<{ text: string }>
          form={form}
          layout="vertical"
          onFinish={({ text }) =>
            publish.mutate(
              { id: survey.id, version: survey.version, text },
              { onSuccess: () => void message.success(t('surveys.guidancePublished')), onError: (error) => fail(error, { form }) },
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('surveys.guidanceHint')}</Typography.Paragraph>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 20000 }]}>
            <Input.TextArea rows={4} data-testid="survey-guidance-text" />
          </Form.Item>
          <Space>
            <Button htmlType="submit" type="primary" disabled={survey.state === 'draft'} loading={publish.isPending} data-testid="survey-publish">
              {survey.guidancePublishedAt ? t('surveys.republish') : t('surveys.publish')}
            </Button>
            {survey.guidancePublishedAt ? (
              <Typography.Text type="secondary">
                {t('surveys.publishedAt', { at: formatDateTime(survey.guidancePublishedAt, survey.timeZone) })}
              </Typography.Text>
            ) : null}
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

/** The responses, a page at a time, filtered by state, prefecture and name; a filed one is accepted or returned with a reason. */
function ResponsesCard({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fail = useFailureHandler();
  const [query, setQuery] = useState<SurveyResponseListQuery>({ page: 1, pageSize: 20 });
  const filter = (patch: Partial<SurveyResponseListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const responses = useSurveyResponses(survey.id, query);
  const page = responses.data;
  const filtered = query.state !== undefined || query.region !== undefined || query.q !== undefined;
  const { review } = useSurveyWrites(survey.eventId);
  const [returning, setReturning] = useState<SurveyResponseRow | null>(null);
  const accept = (r: SurveyResponseRow) =>
    review.mutate(
      { id: r.obligationId, body: { version: r.obligationVersion, accept: true } },
      { onError: (error) => fail(error, { onStale: () => void responses.refetch() }) },
    );

  return (
    <>
      <Card size="small" title={t('surveys.responsesTitle')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<ObligationFilter>
            allowClear
            style={{ width: 160 }}
            placeholder={t('surveys.allStates')}
            value={query.state}
            onChange={(state) => filter({ state })}
            data-testid="survey-responses-state"
            options={STATE_FILTERS.map((state) => ({
              value: state,
              label: state === 'outstanding' ? t('surveys.outstanding') : state === 'overdue' ? t('surveys.overdue') : t(`surveys.responseStates.${state}`),
            }))}
          />
          <Select<string>
            allowClear
            style={{ width: 180 }}
            placeholder={t('surveys.allPrefectures')}
            value={query.region}
            onChange={(region) => filter({ region })}
            data-testid="survey-responses-region"
            options={survey.progress.byRegion.map((r) => ({ value: r.region.slice(0, 4), label: regionLabel(r.region, lang) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            maxLength={100}
            placeholder={t('surveys.searchName')}
            onSearch={(value) => filter({ q: value.trim() === '' ? undefined : value.trim() })}
            data-testid="survey-responses-search"
          />
        </Space>
        <PageState
          loading={responses.isPending}
          error={responses.error}
          onRetry={() => void responses.refetch()}
          empty={page !== undefined && page.total === 0}
          emptyText={filtered ? t('surveys.noMatch') : undefined}
        >
          <Table<SurveyResponseRow>
            size="small"
            rowKey="id"
            scroll={{ x: 640 }}
            loading={responses.isFetching && responses.isPlaceholderData}
            pagination={{
              current: page?.page ?? query.page,
              pageSize: page?.pageSize ?? query.pageSize,
              total: page?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('surveys.responsesTotal', { count: total }),
              onChange: (current, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? current : 1, pageSize })),
            }}
            dataSource={page?.items ?? []}
            expandable={{
              expandedRowRender: (r) => <ResponseAnswers surveyId={survey.id} id={r.id} />,
              rowExpandable: (r) => r.submittedAt !== null,
            }}
            columns={[
              {
                title: t('surveys.organisation'),
                dataIndex: 'organisationName',
                render: (name: string, r) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{name}</Typography.Text>
                    <Typography.Text type="secondary">{regionLabel(r.region, lang)}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('surveys.state'),
                key: 'state',
                render: (_v, r) => (
                  <Space orientation="vertical" size={2}>
                    <span>
                      <ResponseStateTag response={r} />
                    </span>
                    {r.submittedAt ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('surveys.submittedOn', { at: formatDateTime(r.submittedAt, survey.timeZone) })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              { title: t('surveys.answersSummary'), key: 'summary', width: 200, render: (_v, r) => <AnswerSummary row={r} survey={survey} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_v, r) =>
                  r.state === 'submitted' ? (
                    <Space>
                      <Button size="small" type="primary" onClick={() => accept(r)} loading={review.isPending} data-testid={`survey-accept-${r.id}`}>
                        {t('surveys.accept')}
                      </Button>
                      <Button size="small" danger onClick={() => setReturning(r)}>
                        {t('surveys.return')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </PageState>
      </Card>
      <ReasonModal
        open={returning !== null}
        title={t('surveys.returnTitle', { name: returning?.organisationName ?? '' })}
        required
        okText={t('surveys.return')}
        loading={review.isPending}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) =>
          returning &&
          review.mutate(
            { id: returning.obligationId, body: { version: returning.obligationVersion, accept: false, reason } },
            { onSuccess: () => setReturning(null), onError: (error) => fail(error) },
          )
        }
      />
    </>
  );
}

/** A row's answers in brief: the listing part's title and figure, and how many questions were answered. */
function AnswerSummary({ row, survey }: { row: SurveyResponseRow; survey: Survey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = row.summary;
  const figure =
    s.amount !== null ? (
      <Money yuan={s.amount} />
    ) : s.quantity !== null && s.category !== null ? (
      t('surveys.goodsLine', { category: categoryLabel(s.category, lang), quantity: s.quantity, unit: s.unit ?? '' })
    ) : null;
  const asked = survey.questions.length;
  if (!s.listingTitle && figure === null && s.answered === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {s.listingTitle ? (
        <Typography.Text ellipsis={{ tooltip: s.listingTitle }} style={{ maxWidth: 200 }}>
          {s.listingTitle}
        </Typography.Text>
      ) : null}
      {figure !== null ? <Typography.Text>{figure}</Typography.Text> : null}
      {asked > 0 ? <Typography.Text type="secondary">{t('surveys.answeredOf', { answered: Math.min(s.answered, asked), asked })}</Typography.Text> : null}
    </Space>
  );
}

/** The answers of one response, read when the organiser opens its row. */
function ResponseAnswers({ surveyId, id }: { surveyId: string; id: string }) {
  const response = useSurveyResponse(surveyId, id);
  return (
    <PageState loading={response.isPending} error={response.error} onRetry={() => void response.refetch()}>
      {response.data ? <AnswersView response={response.data} /> : null}
    </PageState>
  );
}

/** What a response answered: its listing part and each question. */
export function AnswersView({ response }: { response: SurveyResponse }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { listing, questions } = response.answers;
  const goods = listing?.goods;
  const financing = listing?.financing;
  return (
    <Space orientation="vertical" size={2}>
      {listing?.title ? <Typography.Text strong>{listing.title}</Typography.Text> : null}
      {goods ? (
        <Typography.Text>
          {t('surveys.goodsLine', { category: categoryLabel(goods.category, lang), quantity: goods.quantity, unit: goods.unit })}
        </Typography.Text>
      ) : null}
      {financing ? (
        <Typography.Text>
          <Money yuan={financing.amount} /> · {t('surveys.financingLine', { months: financing.termMonths })}
        </Typography.Text>
      ) : null}
      {response.survey.questions.map((q) => {
        const v = questions?.[q.id];
        return (
          <Typography.Text key={q.id}>
            {q.label}：{Array.isArray(v) ? v.join('、') : v === null || v === undefined || v === '' ? '—' : String(v)}
            {q.unit && typeof v === 'number' ? q.unit : ''}
          </Typography.Text>
        );
      })}
    </Space>
  );
}
