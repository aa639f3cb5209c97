import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEETING_MODES, REGISTRATION_MODES, SESSION_KINDS } from '@duijie/shared';
import type { MatchSession } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateSession, useReloadEvents, useUpdateSession } from '../hooks/use-events';
import { initialSessionValues, toSessionInput } from '../session-values';
import type { SessionFormValues } from '../session-values';
import { SessionTimeFields } from './session-time-fields';
import { useEventTimeZone } from '../hooks/use-event-time-zone';
import { WallClockPicker } from '../../../ui/wall-clock-picker';
import { ZoneNote } from '../../../ui/zone-note';

type Props = {
  open: boolean;
  eventId: string;
  /** The session to edit; a new one is created when absent. */
  session?: MatchSession;
  onClose: () => void;
};

export function SessionFormModal({ open, eventId, session, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={session ? t('sessions.editTitle') : t('sessions.createTitle')} footer={null} onCancel={onClose} destroyOnHidden width={720}>
      <SessionForm eventId={eventId} session={session} onDone={onClose} />
    </Modal>
  );
}

type SessionFormProps = { eventId: string; session?: MatchSession; onDone: () => void };

function SessionForm({ eventId, session, onDone }: SessionFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionFormValues>();
  const create = useCreateSession();
  const update = useUpdateSession();
  const reload = useReloadEvents();
  const zone = useEventTimeZone(eventId);
  const onFailure = useFailureHandler();

  const onFinish = (values: SessionFormValues) => {
    const input = toSessionInput(values, zone);
    const callbacks = {
      onSuccess: () => {
        void message.success(session ? t('common.saved') : t('sessions.created'));
        onDone();
      },
      onError: (error: unknown) =>
        onFailure(error, {
          form,
          onStale: () => {
            void reload(session?.id);
            onDone();
          },
        }),
    };
    if (session) update.mutate({ id: session.id, input: { ...input, version: session.version } }, callbacks);
    else create.mutate({ eventId, input }, callbacks);
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Form<SessionFormValues> form={form} layout="vertical" initialValues={initialSessionValues(session, zone)} onFinish={onFinish}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('fields.sessionKind')} rules={[required]}>
            <Select
              data-testid="session-kind"
              disabled={session !== undefined && session.status !== 'draft'}
              options={SESSION_KINDS.map((kind) => ({ value: kind, label: labels.sessionKind(kind) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="registrationMode" label={t('fields.registrationMode')} rules={[required]}>
            <Radio.Group optionType="button" options={REGISTRATION_MODES.map((mode) => ({ value: mode, label: labels.registrationMode(mode) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('fields.sessionTitle')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input data-testid="session-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="leadDepartment" label={t('fields.leadDepartment')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
            <Input data-testid="session-lead" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="venue" label={t('fields.venue')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
            <Input data-testid="session-venue" />
          </Form.Item>
        </Col>
      </Row>
      <ZoneNote zone={zone} variant="page" />
      <SessionTimeFields />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="meetingMode" label={t('fields.meetingMode')} extra={t('sessions.meetingModeHint')} rules={[required]}>
            <Radio.Group
              optionType="button"
              options={MEETING_MODES.map((mode) => ({ value: mode, label: labels.meetingMode(mode) }))}
              data-testid="session-meeting-mode"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="breakRange" label={t('fields.breakRange')} extra={t('sessions.breakHint')}>
            <WallClockPicker.RangePicker
              picker="time"
              format="HH:mm"
              minuteStep={5}
              needConfirm={false}
              style={{ width: '100%' }}
              data-testid="session-break"
            />
          </Form.Item>
        </Col>
      </Row>
      <FormFooter
        submitText={session ? t('common.save') : t('common.create')}
        loading={create.isPending || update.isPending}
        onCancel={onDone}
        submitTestId="session-submit"
      />
    </Form>
  );
}
