import { App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingPublic, MeetingRequest } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { useLabels } from '../../../ui/labels';
import { FormFooter } from '../../../ui/form-footer';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventDetail } from '../../events/hooks/use-events';
import { useCreateMeetingRequest } from '../hooks/use-meeting-requests';

/** Whom to ask: the counterpart's listing, and the asker's own listing it matched, if any. */
export type MeetingTarget = {
  counterpart: ListingPublic;
  from?: { id: string; title: string } | null;
};

type Props = {
  target: MeetingTarget | null;
  onClose: () => void;
  onSent?: (request: MeetingRequest) => void;
};

/** Asks the organisation behind a listing for a negotiation meeting (洽谈邀约). */
export function MeetingRequestModal({ target, onClose, onSent }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={target !== null} title={t('meetings.askTitle')} footer={null} onCancel={onClose} destroyOnHidden width={560}>
      {target ? <MeetingRequestForm target={target} onDone={onClose} onSent={onSent} /> : null}
    </Modal>
  );
}

type Values = { topic: string };

type FormProps = { target: MeetingTarget; onDone: () => void; onSent?: (request: MeetingRequest) => void };

function MeetingRequestForm({ target, onDone, onSent }: FormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // One key per opening of the form: a retry after a lost answer cannot send a second request.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateMeetingRequest();
  const onFailure = useFailureHandler();
  const event = useEventDetail(target.counterpart.eventId);
  const { counterpart, from } = target;

  const initialTopic = from
    ? t('meetings.topicPrefill', { mine: from.title, theirs: counterpart.title })
    : t('meetings.topicPrefillNoListing', { theirs: counterpart.title });

  const onFinish = (values: Values) => {
    create.mutate(
      {
        input: { toListingId: counterpart.id, fromListingId: from?.id ?? null, topic: values.topic.trim() },
        idempotencyKey,
      },
      {
        onSuccess: (request) => {
          void message.success(t('meetings.sent', { name: counterpart.organisationName }));
          onSent?.(request);
          onDone();
        },
        onError: (error) => {
          onFailure(error, { form });
          // Already asked: nothing more to do here; the list now shows that request.
          if (isApiFailure(error) && error.body.code === 'already_requested') onDone();
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ topic: initialTopic }} onFinish={onFinish}>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('meetings.to')}>
          {counterpart.organisationName}
          <Typography.Text type="secondary"> · {labels.orgKind(counterpart.organisationKind)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.theirListing')}>{counterpart.title}</Descriptions.Item>
        {from ? <Descriptions.Item label={t('meetings.myListing')}>{from.title}</Descriptions.Item> : null}
      </Descriptions>
      <Form.Item
        name="topic"
        label={t('meetings.topic')}
        extra={t('meetings.topicHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 500, message: t('meetings.topicTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="meeting-topic" />
      </Form.Item>
      {event.data?.meetingAnswerHours ? (
        <Typography.Paragraph type="secondary" data-testid="meeting-deadline-hint">
          {t('meetings.deadlineHint', { hours: event.data.meetingAnswerHours })}
        </Typography.Paragraph>
      ) : null}
      <FormFooter submitText={t('meetings.send')} loading={create.isPending} onCancel={onDone} submitTestId="meeting-submit" />
    </Form>
  );
}
