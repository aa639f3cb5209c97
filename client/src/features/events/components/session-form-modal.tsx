import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEETING_MODES, REGISTRATION_MODES, SESSION_KINDS } from '@duijie/shared';
import type { MatchSession, MeetingMode, RegistrationMode, SessionInput, SessionKind } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateSession, useReloadEvents, useUpdateSession } from '../hooks/use-events';

type Values = {
  kind: SessionKind;
  title: string;
  leadDepartment: string;
  venue: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  slotMinutes: number;
  tableCount: number;
  ceremonyAt?: Dayjs | null;
  registrationMode: RegistrationMode;
  meetingMode: MeetingMode;
  /** 午休: times of day on the session's first day. */
  breakRange?: [Dayjs, Dayjs] | null;
};

/** The break's times put on the session's start date. */
function onStartDate(start: Dayjs, time: Dayjs): string {
  return start.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();
}

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
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();
  const update = useUpdateSession();
  const reload = useReloadEvents();
  const onFailure = useFailureHandler();

  const initialValues: Partial<Values> = session
    ? {
        kind: session.kind,
        title: session.title,
        leadDepartment: session.leadDepartment,
        venue: session.venue,
        startsAt: dayjs(session.startsAt),
        endsAt: dayjs(session.endsAt),
        slotMinutes: session.slotMinutes,
        tableCount: session.tableCount,
        ceremonyAt: session.ceremonyAt ? dayjs(session.ceremonyAt) : null,
        registrationMode: session.registrationMode,
        meetingMode: session.meetingMode,
        breakRange: session.breakStartsAt && session.breakEndsAt ? [dayjs(session.breakStartsAt), dayjs(session.breakEndsAt)] : null,
      }
    : { slotMinutes: 20, tableCount: 10, registrationMode: 'open', meetingMode: 'scheduled' };

  const onFinish = (values: Values) => {
    const input: SessionInput = {
      kind: values.kind,
      title: values.title.trim(),
      leadDepartment: values.leadDepartment.trim(),
      venue: values.venue.trim(),
      startsAt: values.startsAt.toISOString(),
      endsAt: values.endsAt.toISOString(),
      slotMinutes: values.slotMinutes,
      tableCount: values.tableCount,
      ceremonyAt: values.ceremonyAt ? values.ceremonyAt.toISOString() : null,
      registrationMode: values.registrationMode,
      meetingMode: values.meetingMode,
      breakStartsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[0]) : null,
      breakEndsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[1]) : null,
    };
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
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
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
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startsAt" label={t('fields.startsAt')} rules={[required]}>
            <DatePicker showTime={{ format: 'HH:mm' }} needConfirm={false} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-starts" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endsAt"
            label={t('fields.endsAt')}
            dependencies={['startsAt']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | undefined) => {
                  const start = getFieldValue('startsAt') as Dayjs | undefined;
                  return value && start && !value.isAfter(start) ? Promise.reject(new Error(t('validation.endAfterStart'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} needConfirm={false} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-ends" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="slotMinutes" label={t('fields.slotMinutes')} rules={[required]}>
            <InputNumber<number> min={5} max={240} precision={0} style={{ width: '100%' }} suffix={t('units.minutes')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="tableCount" label={t('fields.tableCount')} rules={[required]}>
            <InputNumber<number> min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="ceremonyAt" label={t('fields.ceremonyAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} needConfirm={false} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
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
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="session-break" />
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
