import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MAX_SURVEY_QUESTIONS,
  SURVEY_LISTING_TYPES,
  SURVEY_QUESTION_TYPES,
  type MatchSession,
  type Survey,
  type SurveyInput,
  type SurveyListingType,
  type SurveyQuestion,
} from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useSurveyWrites } from '../hooks/use-surveys';
import { nextQuestionId } from '../survey-values';

type Props = { eventId: string; sessions: MatchSession[]; survey: Survey | null; open: boolean; onClose: () => void };

type Values = {
  title: string;
  description?: string;
  listingType: SurveyListingType | 'none';
  sessionId?: string | null;
  deadlineMode: 'workingDays' | 'on';
  deadlineWorkingDays?: number | null;
  deadlineOn?: Dayjs | null;
  questions: (Omit<SurveyQuestion, 'options'> & { options?: string[] })[];
};

function toValues(survey: Survey | null): Values {
  if (!survey) return { title: '', listingType: 'demand', deadlineMode: 'workingDays', deadlineWorkingDays: 10, questions: [] };
  return {
    title: survey.title,
    description: survey.description,
    listingType: survey.listingType ?? 'none',
    sessionId: survey.sessionId,
    deadlineMode: survey.deadlineOn ? 'on' : 'workingDays',
    deadlineWorkingDays: survey.deadlineWorkingDays,
    deadlineOn: survey.deadlineOn ? dayjs(survey.deadlineOn) : null,
    questions: survey.questions,
  };
}

function toInput(v: Values): SurveyInput {
  return {
    title: v.title.trim(),
    description: v.description?.trim() ?? '',
    listingType: v.listingType === 'none' ? null : v.listingType,
    sessionId: v.sessionId ?? null,
    deadlineWorkingDays: v.deadlineMode === 'workingDays' ? (v.deadlineWorkingDays ?? null) : null,
    deadlineOn: v.deadlineMode === 'on' && v.deadlineOn ? v.deadlineOn.format('YYYY-MM-DD') : null,
    questions: (v.questions ?? []).map((q) => ({
      id: q.id,
      label: q.label.trim(),
      type: q.type,
      required: q.required ?? false,
      ...(q.type === 'choice' ? { options: q.options ?? [], multiple: q.multiple ?? false } : {}),
      ...(q.type === 'number' && q.unit ? { unit: q.unit } : {}),
    })),
  };
}

/** Defines a survey (or edits a draft): what it collects, where the listings go, its free questions and the deadline. */
export function SurveyFormModal({ eventId, sessions, survey, open, onClose }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fail = useFailureHandler();
  const { create, update } = useSurveyWrites(eventId);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('deadlineMode', form);
  const listingType = Form.useWatch('listingType', form);

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(survey));
  }, [open, survey, form]);

  const submit = (values: Values) => {
    const input = toInput(values);
    const done = { onSuccess: onClose, onError: (error: unknown) => fail(error, { form }) };
    if (survey) update.mutate({ id: survey.id, body: { ...input, version: survey.version } }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal
      open={open}
      width={760}
      title={survey ? t('surveys.editTitle') : t('surveys.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...({ 'data-testid': 'survey-save' } as object) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={toValues(survey)}>
        <Form.Item name="title" label={t('surveys.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
          <Input data-testid="survey-title" />
        </Form.Item>
        <Form.Item name="description" label={t('surveys.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="listingType" label={t('surveys.listingType')} extra={t('surveys.listingTypeHint')}>
              <Select
                data-testid="survey-listing-type"
                options={[
                  ...SURVEY_LISTING_TYPES.map((type) => ({ value: type, label: t(`surveys.collects.${type}`) })),
                  { value: 'none', label: t('surveys.collects.none') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sessionId" label={t('surveys.session')} extra={t('surveys.sessionHint')}>
              <Select
                allowClear
                disabled={listingType === 'none'}
                options={sessions.map((s) => ({ value: s.id, label: `${s.title}（${labels.sessionKind(s.kind)}）` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('surveys.deadline')} required>
          <Space wrap>
            <Form.Item name="deadlineMode" noStyle>
              <Radio.Group
                options={[
                  { value: 'workingDays', label: t('surveys.deadlineWorkingDays') },
                  { value: 'on', label: t('surveys.deadlineOn') },
                ]}
              />
            </Form.Item>
            {mode === 'on' ? (
              <Form.Item name="deadlineOn" noStyle rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker />
              </Form.Item>
            ) : (
              <Form.Item name="deadlineWorkingDays" noStyle rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber<number>
                  min={1}
                  max={60}
                  precision={0}
                  suffix={t('surveys.workingDays')}
                  style={{ width: 160 }}
                  data-testid="survey-deadline-days"
                />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <QuestionCard key={field.key} name={field.name} onRemove={() => remove(field.name)} />
              ))}
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_SURVEY_QUESTIONS}
                data-testid="survey-add-question"
                onClick={() => add({ id: nextQuestionId(form.getFieldValue('questions') ?? []), label: '', type: 'text', required: false })}
              >
                {t('surveys.addQuestion', { max: MAX_SURVEY_QUESTIONS })}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function QuestionCard({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const type = Form.useWatch(['questions', name, 'type']) as SurveyQuestion['type'] | undefined;
  return (
    <Card
      size="small"
      title={`Q${name + 1}`}
      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />}
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'label']}
            label={t('surveys.questionLabel')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
          >
            <Input data-testid={`survey-question-label-${name}`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'type']} label={t('surveys.questionType')}>
            <Select options={SURVEY_QUESTION_TYPES.map((v) => ({ value: v, label: t(`surveys.questionTypes.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'required']} label={t('surveys.required')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      {type === 'choice' ? (
        <Row gutter={8}>
          <Col xs={24} md={18}>
            <Form.Item name={[name, 'options']} label={t('surveys.options')} rules={[{ type: 'array', min: 2, message: t('surveys.optionsMin') }]}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[name, 'multiple']} label={t('surveys.multiple')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'number' ? (
        <Form.Item name={[name, 'unit']} label={t('surveys.unit')} rules={[{ max: 16 }]}>
          <Input style={{ maxWidth: 160 }} placeholder="万元" />
        </Form.Item>
      ) : null}
    </Card>
  );
}
