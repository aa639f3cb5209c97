import { Alert, App, Form, Input, Modal, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionRatingInput, RatableDealing } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { FormFooter } from '../../../ui/form-footer';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRate } from '../hooks/use-ratings';

type Props = { dealing: RatableDealing | null; onClose: () => void };

/** Rates the institution on one dealing: three scores 1–5 and an optional comment. */
export function RateModal({ dealing, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={dealing !== null}
      title={dealing ? t('ratings.rateTitle', { name: dealing.institutionName }) : null}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {dealing ? <RateForm dealing={dealing} onDone={onClose} /> : null}
    </Modal>
  );
}

type Values = { speed: number; attitude: number; terms: number; comment?: string };

const FIELDS = ['speed', 'attitude', 'terms'] as const;

function RateForm({ dealing, onDone }: { dealing: RatableDealing; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailureHandler();
  const rate = useRate();
  const [form] = Form.useForm<Values>();
  // One key per opening: a retry after a lost answer is answered again, not refused as a second rating.
  const [key] = useState(newIdempotencyKey);

  const submit = (values: Values) => {
    const comment = values.comment?.trim();
    const body: InstitutionRatingInput = {
      dealing: dealing.dealing,
      dealingId: dealing.dealingId,
      speed: values.speed,
      attitude: values.attitude,
      terms: values.terms,
      ...(comment ? { comment } : {}),
    };
    rate.mutate(
      { body, key },
      {
        onSuccess: () => {
          void message.success(t('ratings.rated', { name: dealing.institutionName }));
          onDone();
        },
        onError: (error) => {
          fail(error, { form });
          if (isApiFailure(error) && error.body.code === 'already_rated') onDone();
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="rate-form">
      <Typography.Paragraph type="secondary">
        {t(`ratings.dealing.${dealing.dealing}`)} · {dealing.title}
      </Typography.Paragraph>
      {FIELDS.map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t(`ratings.fields.${field}`)}
          extra={t(`ratings.hints.${field}`)}
          rules={[
            {
              validator: (_rule, value: number | undefined) =>
                value !== undefined && value >= 1 ? Promise.resolve() : Promise.reject(new Error(t('ratings.scoreRequired'))),
            },
          ]}
        >
          <Rate data-testid={`rate-${field}`} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('ratings.comment')}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('ratings.commentPlaceholder')} data-testid="rate-comment" />
      </Form.Item>
      <Alert type="info" showIcon title={t('ratings.anonymousNote')} />
      <FormFooter submitText={t('ratings.submit')} loading={rate.isPending} onCancel={onDone} submitTestId="rate-submit" />
    </Form>
  );
}
