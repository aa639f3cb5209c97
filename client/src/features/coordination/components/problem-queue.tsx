import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_ANSWER_WORKING_DAYS,
  MAX_ANSWER_WORKING_DAYS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATES,
  PROBLEM_URGENCIES,
  type Problem,
  type ProblemCategory,
  type ProblemState,
  type ProblemUrgency,
  routes,
} from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { problemActions, problemStateColour, urgencyColour } from '../coordination-values';
import { useAnswerProblem, useDepartments, useProblems, useRouteProblem } from '../hooks/use-coordination';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };

/** The organisers' problem queue: filters, routing to a department with an answer deadline, and answering. */
export function ProblemQueue({ eventId }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<ProblemState | undefined>(undefined);
  const [category, setCategory] = useState<ProblemCategory | undefined>(undefined);
  const [urgency, setUrgency] = useState<ProblemUrgency | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [routing, setRouting] = useState<Problem | null>(null);
  const [answering, setAnswering] = useState<Problem | null>(null);
  const problems = useProblems(eventId, { state, category, urgency, departmentId, page, pageSize: 20 });
  const filter =
    <T,>(set: (v: T | undefined) => void) =>
    (v: T | undefined) => {
      set(v);
      setPage(1);
    };

  const columns = [
    {
      key: 'title',
      title: t('coordination.problem'),
      render: (_: unknown, p: Problem) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Tag color={urgencyColour(p.urgency)}>{t(`coordination.urgencies.${p.urgency}`)}</Tag>
            <Tag>{t(`coordination.categories.${p.category}`)}</Tag>
            <Typography.Text strong>{p.title}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.organisationName}
            {p.agreementTitle ? ` · ${p.agreementTitle}` : ''} · {formatDateTime(p.createdAt, p.timeZone)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('coordination.state'),
      render: (_: unknown, p: Problem) => (
        <Tag color={problemStateColour(p.state)} data-testid={`problem-state-${p.id}`}>
          {t(`coordination.states.${p.state}`)}
        </Tag>
      ),
    },
    {
      key: 'department',
      title: t('coordination.department'),
      responsive: ['md' as const],
      render: (_: unknown, p: Problem) =>
        p.departmentName ? (
          <Space orientation="vertical" size={0}>
            <span>{p.departmentName}</span>
            {p.dueOn && p.state === 'in_progress' ? (
              <Typography.Text type={p.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t(p.overdue ? 'coordination.overdueSince' : 'coordination.answerBy', { day: p.dueOn })}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, p: Problem) => {
        const can = problemActions(p);
        return (
          <Space wrap>
            {can.route ? (
              <Button size="small" onClick={() => setRouting(p)} data-testid={`problem-route-${p.id}`}>
                {p.state === 'received' ? t('coordination.route') : t('coordination.reroute')}
              </Button>
            ) : null}
            {can.answer ? (
              <Button size="small" type="primary" onClick={() => setAnswering(p)} data-testid={`problem-answer-${p.id}`}>
                {t('coordination.answer')}
              </Button>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="problem-queue">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <ProblemFilters
          eventId={eventId}
          value={{ state, category, urgency, departmentId }}
          on={{ state: filter(setState), category: filter(setCategory), urgency: filter(setUrgency), departmentId: filter(setDepartmentId) }}
        />
        <ExportButton
          route={routes.coordination.problemsExport}
          args={{ params: { id: eventId }, query: { state, category, urgency, departmentId } }}
          table="problems"
        />
      </Space>
      <PageState
        loading={problems.isLoading}
        error={problems.error}
        onRetry={() => void problems.refetch()}
        empty={problems.data?.total === 0}
        emptyText={t('coordination.noProblems')}
      >
        <Table<Problem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={problems.data?.items ?? []}
          expandable={{
            expandedRowRender: (p) => (
              <Space orientation="vertical">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.description}</Typography.Paragraph>
                {p.answer ? (
                  <Typography.Paragraph type="success" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {t('coordination.answered', { by: p.answeredBy ?? '—', at: formatDateTime(p.answeredAt, p.timeZone) })}：{p.answer}
                  </Typography.Paragraph>
                ) : null}
              </Space>
            ),
          }}
          rowClassName={(p) => (p.urgency === 'urgent' && p.state !== 'resolved' ? 'problem-urgent' : '')}
          pagination={{ current: page, pageSize: 20, total: problems.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: true }}
        />
      </PageState>
      <RouteDialog eventId={eventId} problem={routing} onClose={() => setRouting(null)} />
      <AnswerDialog eventId={eventId} problem={answering} onClose={() => setAnswering(null)} />
    </Space>
  );
}

type Filters = { state?: ProblemState; category?: ProblemCategory; urgency?: ProblemUrgency; departmentId?: string };
type FilterProps = {
  eventId: string;
  value: Filters;
  on: { [K in keyof Filters]-?: (v: Filters[K]) => void };
};

function ProblemFilters({ eventId, value, on }: FilterProps) {
  const { t } = useTranslation();
  const departments = useDepartments(eventId);
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <Space wrap>
      <Select<ProblemState>
        allowClear
        placeholder={t('coordination.state')}
        style={{ width: 140 }}
        value={value.state}
        onChange={on.state}
        options={options(PROBLEM_STATES, 'coordination.states')}
        data-testid="problem-filter-state"
      />
      <Select<ProblemCategory>
        allowClear
        placeholder={t('coordination.category')}
        style={{ width: 140 }}
        value={value.category}
        onChange={on.category}
        options={options(PROBLEM_CATEGORIES, 'coordination.categories')}
      />
      <Select<ProblemUrgency>
        allowClear
        placeholder={t('coordination.urgency')}
        style={{ width: 120 }}
        value={value.urgency}
        onChange={on.urgency}
        options={options(PROBLEM_URGENCIES, 'coordination.urgencies')}
      />
      <Select<string>
        allowClear
        placeholder={t('coordination.department')}
        style={{ width: 200 }}
        value={value.departmentId}
        onChange={on.departmentId}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
      />
    </Space>
  );
}

type DialogProps = { eventId: string; problem: Problem | null; onClose: () => void };
type RouteValues = { departmentId: string; answerWorkingDays: number };

function RouteDialog({ eventId, problem, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RouteValues>();
  const departments = useDepartments(eventId);
  const route = useRouteProblem(eventId);
  const failed = useFailureHandler();
  return (
    <Modal
      open={problem !== null}
      title={t('coordination.routeTitle', { title: problem?.title ?? '' })}
      okText={t('coordination.route')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: route.isPending, ...{ 'data-testid': 'route-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form<RouteValues>
        form={form}
        layout="vertical"
        initialValues={{ departmentId: problem?.departmentId ?? undefined, answerWorkingDays: DEFAULT_ANSWER_WORKING_DAYS[problem?.urgency ?? 'normal'] }}
        onFinish={(values) =>
          problem &&
          route.mutate({ id: problem.id, version: problem.version, ...values }, { onSuccess: onClose, onError: (e) => failed(e, { form, onStale: onClose }) })
        }
      >
        <Form.Item name="departmentId" label={t('coordination.department')} rules={[{ required: true, message: t('coordination.departmentRequired') }]}>
          <Select
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.organisationName}）` }))}
            notFoundContent={t('coordination.noDepartments')}
            data-testid="route-department"
          />
        </Form.Item>
        <Form.Item name="answerWorkingDays" label={t('coordination.answerWorkingDays')} extra={t('coordination.workingDaysHint')}>
          <InputNumber min={1} max={MAX_ANSWER_WORKING_DAYS} precision={0} data-testid="route-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AnswerValues = { answer: string };

/** The department's (or an organiser's) answer to a routed problem. */
export function AnswerDialog({ eventId, problem, onClose }: { eventId?: string; problem: Problem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerProblem(eventId);
  const failed = useFailureHandler();
  return (
    <Modal
      open={problem !== null}
      title={t('coordination.answerTitle', { title: problem?.title ?? '' })}
      okText={t('coordination.answer')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: answer.isPending, ...{ 'data-testid': 'answer-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      {problem ? <Typography.Paragraph type="secondary">{problem.description}</Typography.Paragraph> : null}
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          problem &&
          answer.mutate(
            { id: problem.id, version: problem.version, answer: values.answer.trim() },
            { onSuccess: onClose, onError: (e) => failed(e, { form, onStale: onClose }) },
          )
        }
      >
        <Form.Item name="answer" label={t('coordination.answerText')} rules={[{ required: true, whitespace: true, message: t('coordination.answerRequired') }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="answer-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
