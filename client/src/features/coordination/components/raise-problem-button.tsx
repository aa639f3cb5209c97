import { App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_CATEGORIES, PROBLEM_URGENCIES, type ProblemCategory, type ProblemUrgency } from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRaiseProblem } from '../hooks/use-coordination';

type Props = { eventId: string; agreementId?: string };
type Values = { category: ProblemCategory; urgency: ProblemUrgency; title: string; description: string };

/** A participant raises a problem needing coordination, on an agreement or for its organisation. */
export function RaiseProblemButton({ eventId, agreementId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const raise = useRaiseProblem(eventId);
  const failed = useFailureHandler();
  const close = () => {
    setOpen(false);
    key.current = newIdempotencyKey();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="raise-problem">
        {t('coordination.raise')}
      </Button>
      <Modal
        open={open}
        title={agreementId ? t('coordination.raiseOnAgreement') : t('coordination.raise')}
        okText={t('coordination.submitProblem')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: raise.isPending, ...{ 'data-testid': 'raise-submit' } }}
        onOk={() => form.submit()}
        onCancel={close}
        afterClose={() => form.resetFields()}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ urgency: 'normal', category: 'financing' }}
          onFinish={(v) =>
            raise.mutate(
              { key: key.current, body: { ...v, title: v.title.trim(), description: v.description.trim(), ...(agreementId ? { agreementId } : {}) } },
              {
                onSuccess: () => {
                  void message.success(t('coordination.raised'));
                  close();
                },
                onError: (e) => failed(e, { form }),
              },
            )
          }
        >
          <Form.Item name="category" label={t('coordination.category')}>
            <Select options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: t(`coordination.categories.${c}`) }))} data-testid="raise-category" />
          </Form.Item>
          <Form.Item name="urgency" label={t('coordination.urgency')} extra={t('coordination.urgentHint')}>
            <Radio.Group options={PROBLEM_URGENCIES.map((u) => ({ value: u, label: t(`coordination.urgencies.${u}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('coordination.title')} rules={[{ required: true, whitespace: true, message: t('coordination.titleRequired') }]}>
            <Input maxLength={200} data-testid="raise-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('coordination.description')}
            rules={[{ required: true, whitespace: true, message: t('coordination.descriptionRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="raise-description" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
