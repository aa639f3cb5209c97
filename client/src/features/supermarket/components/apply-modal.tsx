import { App, Descriptions, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '@duijie/shared';
import type { FinancingApplication, ListingPublic, ListingView } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { useLanguage } from '../../../app/use-language';
import { FormFooter } from '../../../ui/form-footer';
import { useFailureHandler } from '../../../ui/use-failure';
import { useApply } from '../hooks/use-supermarket';

type Props = {
  /** The product applied to; closed when null. */
  product: ListingPublic | null;
  /** My organisation's open financing needs in the product's event. */
  needs: ListingView[];
  /** My live applications to this product (their needs cannot be sent again). */
  applied: FinancingApplication[];
  /** Hours the bank has to answer, if known. */
  answerHours: number | undefined;
  onClose: () => void;
};

/** Applies to a credit or guarantee product with one of my financing needs. */
export function ApplyModal({ product, needs, applied, answerHours, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={product !== null} title={t('supermarket.applyTitle')} footer={null} onCancel={onClose} destroyOnHidden width={560}>
      {product ? <ApplyForm product={product} needs={needs} applied={applied} answerHours={answerHours} onDone={onClose} /> : null}
    </Modal>
  );
}

type Values = { needListingId: string };

type FormProps = Omit<Props, 'product' | 'onClose'> & { product: ListingPublic; onDone: () => void };

function ApplyForm({ product, needs, applied, answerHours, onDone }: FormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // One key per opening: a retry after a lost answer cannot apply twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const apply = useApply();
  const onFailure = useFailureHandler();
  const taken = new Set(applied.map((a) => a.need.id));
  const free = needs.filter((n) => !taken.has(n.id));

  const onFinish = (values: Values) => {
    apply.mutate(
      { offerId: product.id, needListingId: values.needListingId, idempotencyKey },
      {
        onSuccess: () => {
          void message.success(t('supermarket.appliedMessage', { name: product.organisationName }));
          onDone();
        },
        onError: (error) => {
          onFailure(error, { form });
          if (isApiFailure(error) && error.body.code === 'already_applied') onDone();
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={free.length === 1 ? { needListingId: free[0].id } : undefined} onFinish={onFinish}>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('supermarket.product')}>{product.title}</Descriptions.Item>
        <Descriptions.Item label={t('supermarket.provider')}>{product.organisationName}</Descriptions.Item>
      </Descriptions>
      <Form.Item name="needListingId" label={t('supermarket.chooseNeed')} rules={[{ required: true, message: t('supermarket.chooseNeedRequired') }]}>
        <Select<string>
          placeholder={t('supermarket.chooseNeedPlaceholder')}
          data-testid="apply-need"
          options={needs.map((need) => ({
            value: need.id,
            disabled: taken.has(need.id),
            label: `${need.title} · ${need.financing ? formatCny(need.financing.amount, lang) : ''}${
              need.financing ? ` · ${t('units.monthsCount', { count: need.financing.termMonths })}` : ''
            }${taken.has(need.id) ? ` · ${t('supermarket.applied')}` : ''}`,
          }))}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {answerHours ? t('supermarket.deadlineHint', { hours: answerHours }) : t('supermarket.deadlineHintNoHours')}
      </Typography.Paragraph>
      <FormFooter submitText={t('supermarket.applySubmit')} loading={apply.isPending} onCancel={onDone} submitTestId="apply-submit" />
    </Form>
  );
}
