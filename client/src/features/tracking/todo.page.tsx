import { Alert, Button, Card, Grid, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Obligation } from '@duijie/shared';
import { PageState } from '../../ui/page-state';
import { MyLiaisonReports, MyProblems, RaiseProblemButton } from '../coordination';
import { MySupervisionNotices } from '../supervision';
import { ReportFormModal } from './components/report-form-modal';
import { useMyObligations } from './hooks/use-tracking';
import { TIMING_COLOURS } from './tracking-values';

/** The participant's 待办: everything its organisation owes, soonest due first, with the form to file a report. */
export function MyTodoPage() {
  const { t } = useTranslation();
  const owed = useMyObligations();
  const screens = Grid.useBreakpoint();
  const [filing, setFiling] = useState<Obligation | null>(null);
  const items = owed.data ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('todo.title')}
      </Typography.Title>
      <MySupervisionNotices />
      <Card size="small" title={t('todo.owed')}>
        <PageState loading={owed.isPending} error={owed.error} onRetry={() => void owed.refetch()} empty={items.length === 0} emptyText={t('todo.empty')}>
          <List<Obligation>
            dataSource={items}
            itemLayout={screens.md ? 'horizontal' : 'vertical'}
            renderItem={(o) => (
              <List.Item
                data-testid="todo-item"
                data-timing={o.timing}
                actions={
                  o.kind === 'agreement_report'
                    ? [
                        <RaiseProblemButton key="problem" eventId={o.eventId} agreementId={o.subject.id} />,
                        <Button key="file" type="primary" onClick={() => setFiling(o)} data-testid="todo-file">
                          {o.state === 'returned' ? t('todo.fileAgain') : t('todo.file')}
                        </Button>,
                      ]
                    : o.kind === 'liaison_report'
                      ? [
                          <Typography.Text key="below" type="secondary">
                            {t('todo.fileBelow')}
                          </Typography.Text>,
                        ]
                      : o.kind === 'survey_response'
                        ? [
                            <Link key="survey" to="/my/surveys">
                              <Button type="primary" data-testid="todo-survey">
                                {t('todo.answerSurvey')}
                              </Button>
                            </Link>,
                          ]
                        : o.kind === 'statistics_filing'
                          ? [
                              <Link key="statistics" to="/my/statistics">
                                <Button type="primary" data-testid="todo-statistics">
                                  {o.state === 'returned' ? t('todo.fileAgain') : t('todo.file')}
                                </Button>
                              </Link>,
                            ]
                          : o.kind === 'problem_answer'
                            ? [
                                <Typography.Text key="below" type="secondary">
                                  {t('todo.answerBelow')}
                                </Typography.Text>,
                              ]
                            : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={6}>
                      <Tag style={{ marginInlineEnd: 0 }}>{t(`todo.kinds.${o.kind}`)}</Tag>
                      <Typography.Text strong>{o.subject.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Space wrap size={6}>
                        <span>
                          {t('tracking.reportN', { step: t(`tracking.steps.${o.subject.step}`, { defaultValue: o.subject.step }), seq: o.subject.seq })}
                        </span>
                        <span style={{ whiteSpace: 'nowrap' }}>{t('todo.dueOn', { day: o.dueOn, zone: o.timeZone })}</span>
                        {o.timing !== 'on_time' ? (
                          <Tag color={TIMING_COLOURS[o.timing]} style={{ marginInlineEnd: 0 }} data-testid="todo-timing">
                            {t(`tracking.timings.${o.timing}`)}
                          </Tag>
                        ) : null}
                        {o.dueProvisional ? <Tag style={{ marginInlineEnd: 0 }}>{t('todo.provisional')}</Tag> : null}
                      </Space>
                      {o.state === 'returned' ? (
                        <Alert type="warning" showIcon title={t('todo.returnedBy', { by: o.reviewedBy ?? '—' })} description={o.returnReason} />
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </PageState>
      </Card>
      <MyProblems />
      <MyLiaisonReports />
      <ReportFormModal obligation={filing} onClose={() => setFiling(null)} />
    </Space>
  );
}
