import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestion, SurveyResponse } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { FinancingFields, GoodsFields } from '../../listings/components/listing-type-fields';
import { useResponseWrites } from '../hooks/use-surveys';
import { answerAliases, fromAnswers, toAnswers, type AnswerFormValues } from '../survey-values';

type Props = { response: SurveyResponse | null; onClose: () => void };

/** The invited organisation fills a survey: the listing it collects and the free questions; saved as a draft, then filed. */
export function ResponseFormModal({ response, onClose }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const fail = useFailureHandler();
  const { save, submit } = useResponseWrites();
  const [form] = Form.useForm<AnswerFormValues>();
  const editable = response !== null && (response.state === 'open' || response.state === 'returned') && response.survey.state === 'sent';

  useEffect(() => {
    if (response) form.setFieldsValue(fromAnswers(response.answers));
  }, [response, form]);

  if (!response) return null;
  const { survey } = response;
  const aliases = answerAliases(survey.questions);
  const answers = () => toAnswers(survey.listingType, survey.questions, form.getFieldsValue(true) as AnswerFormValues);

  const saveDraft = () =>
    save.mutate(
      { id: response.id, body: { version: response.version, answers: answers() } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => fail(error, { form, aliases }) },
    );

  const file = () =>
    form
      .validateFields()
      .then(() => {
        modal.confirm({
          title: t('surveys.submitConfirmTitle'),
          content: t('surveys.submitConfirmBody'),
          okText: t('surveys.submit'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              const saved = await save.mutateAsync({ id: response.id, body: { version: response.version, answers: answers() } });
              await submit.mutateAsync({ id: response.id, version: saved.version, obligationVersion: saved.obligationVersion });
              void message.success(t('surveys.submitted'));
              onClose();
            } catch (error) {
              fail(error, { form, aliases });
            }
          },
        });
      })
      .catch(() => undefined);

  return (
    <Modal
      open
      width={820}
      title={survey.title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        editable ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={saveDraft} loading={save.isPending} data-testid="survey-save-draft">
              {t('surveys.saveDraft')}
            </Button>
            <Button type="primary" onClick={file} loading={submit.isPending} data-testid="survey-submit">
              {t('surveys.submit')}
            </Button>
          </Space>
        ) : (
          <Button onClick={onClose}>{t('surveys.done')}</Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {survey.description ? <Typography.Paragraph>{survey.description}</Typography.Paragraph> : null}
        <Typography.Text type="secondary">{t('surveys.dueIn', { dueOn: survey.dueOn ?? '—', zone: survey.timeZone })}</Typography.Text>
        {response.state === 'returned' && response.returnReason ? (
          <Alert type="warning" showIcon title={t('surveys.returnedBecause', { reason: response.returnReason })} />
        ) : null}
        <Form<AnswerFormValues> form={form} layout="vertical" disabled={!editable}>
          {survey.listingType ? (
            <>
              <Typography.Title level={5}>{t(`surveys.collects.${survey.listingType}`)}</Typography.Title>
              <Form.Item name="title" label={t('surveys.listingTitle')} extra={t('surveys.listingTitleHint')} rules={[{ max: 200 }]}>
                <Input data-testid="survey-answer-title" />
              </Form.Item>
              {survey.listingType === 'financing_need' ? <FinancingFields /> : <GoodsFields type={survey.listingType} />}
            </>
          ) : null}
          {survey.questions.length > 0 ? <Typography.Title level={5}>{t('surveys.questionsTitle')}</Typography.Title> : null}
          {survey.questions.map((q) => (
            <QuestionField key={q.id} question={q} />
          ))}
        </Form>
      </Space>
    </Modal>
  );
}

function QuestionField({ question: q }: { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const rules = q.required ? [{ required: true, message: t('validation.required') }] : [];
  const name = ['questions', q.id];
  switch (q.type) {
    case 'text':
      return (
        <Form.Item name={name} label={q.label} rules={[...rules, { max: 2000 }]}>
          <Input.TextArea rows={2} data-testid={`survey-answer-${q.id}`} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={q.label} rules={rules}>
          <InputNumber<number> inputMode="decimal" style={{ width: 240, maxWidth: '100%' }} suffix={q.unit} data-testid={`survey-answer-${q.id}`} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item name={name} label={q.label} rules={rules}>
          {q.multiple ? (
            <Select mode="multiple" options={(q.options ?? []).map((o) => ({ value: o, label: o }))} data-testid={`survey-answer-${q.id}`} />
          ) : (
            <Radio.Group options={(q.options ?? []).map((o) => ({ value: o, label: o }))} data-testid={`survey-answer-${q.id}`} />
          )}
        </Form.Item>
      );
  }
}
