import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { PageState } from '../../../ui/page-state';
import { problemStateColour, urgencyColour } from '../coordination-values';
import { useMyProblems } from '../hooks/use-coordination';
import { AnswerDialog } from './problem-queue';
import { formatDateTime } from '../../../ui/dates';

/** The problems the caller's organisation raised (with their answers) and, for a department, those routed to it. */
export function MyProblems() {
  const { t } = useTranslation();
  const problems = useMyProblems();
  const me = useMe();
  const [answering, setAnswering] = useState<Problem | null>(null);
  const organisationId = me.organisation.id;
  return (
    <Card size="small" title={t('coordination.myProblemsTitle')} data-testid="my-problems-card">
      <PageState
        loading={problems.isLoading}
        error={problems.error}
        onRetry={() => void problems.refetch()}
        empty={problems.data?.length === 0}
        emptyText={t('coordination.noMyProblems')}
      >
        <List<Problem>
          data-testid="my-problems"
          dataSource={problems.data ?? []}
          renderItem={(p) => {
            const routedToUs = p.organisationId !== organisationId;
            return (
              <List.Item
                data-testid={`my-problem-${p.id}`}
                actions={
                  routedToUs && p.state === 'in_progress'
                    ? [
                        <Button key="answer" size="small" type="primary" onClick={() => setAnswering(p)}>
                          {t('coordination.answer')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Tag color={problemStateColour(p.state)}>{t(`coordination.states.${p.state}`)}</Tag>
                    <Tag color={urgencyColour(p.urgency)}>{t(`coordination.urgencies.${p.urgency}`)}</Tag>
                    <Tag>{t(`coordination.categories.${p.category}`)}</Tag>
                    <Typography.Text strong>{p.title}</Typography.Text>
                    {routedToUs ? <Tag color="purple">{t('coordination.routedToUs', { name: p.organisationName })}</Tag> : null}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(p.createdAt, p.timeZone)}
                    {p.agreementTitle ? ` · ${p.agreementTitle}` : ''}
                    {p.departmentName ? ` · ${t('coordination.routedTo', { name: p.departmentName })}` : ''}
                    {p.dueOn && p.state === 'in_progress' ? ` · ${t('coordination.answerBy', { day: p.dueOn })}` : ''}
                  </Typography.Text>
                  {p.answer ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`my-problem-answer-${p.id}`}>
                      <Typography.Text type="success">
                        {t('coordination.answered', { by: p.answeredBy ?? '—', at: formatDateTime(p.answeredAt, p.timeZone) })}：
                      </Typography.Text>
                      {p.answer}
                    </Typography.Paragraph>
                  ) : null}
                </Space>
              </List.Item>
            );
          }}
        />
        <AnswerDialog problem={answering} onClose={() => setAnswering(null)} />
      </PageState>
    </Card>
  );
}
