import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EVENT_TIME_ZONE, wanToYuan, yuanToWan } from '@duijie/shared';
import type { EventInput, MatchEvent } from '@duijie/shared';
import { toDay } from '../../../ui/dates';
import { FormFooter } from '../../../ui/form-footer';
import { RegionSelect } from '../../../ui/region-select';
import { timeZoneOptions } from '../../../ui/time-zones';
import { UnitInput } from '../../../ui/unit-input';
import { useFailureHandler } from '../../../ui/use-failure';
import { useSaveEvent } from '../hooks/use-events';

type Values = {
  name: string;
  province: string;
  dates: [Dayjs, Dayjs];
  targetAmountWan: number;
  description?: string;
  applicationAnswerHours: number;
  meetingAnswerHours: number;
  timeZone: string;
};

/** The server's defaults, shown for a new event. */
const DEFAULT_APPLICATION_HOURS = 72;
const DEFAULT_MEETING_HOURS = 48;
/** The longest deadline the server accepts (30 days). */
const MAX_ANSWER_HOURS = 720;

/** Server field names that the form shows under another name. */
const ALIASES = {
  startDate: ['dates'],
  endDate: ['dates'],
  targetAmount: ['targetAmountWan'],
};

type Props = {
  open: boolean;
  /** The event to edit; a new one is created when absent. */
  event?: MatchEvent;
  onClose: () => void;
};

export function EventFormModal({ open, event, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={event ? t('events.editTitle') : t('events.createTitle')} footer={null} onCancel={onClose} destroyOnHidden width={640}>
      <EventForm event={event} onDone={onClose} />
    </Modal>
  );
}

type EventFormProps = { event?: MatchEvent; onDone: () => void };

function EventForm({ event, onDone }: EventFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEvent();
  const onFailure = useFailureHandler();

  const initialValues: Partial<Values> = event
    ? {
        name: event.name,
        province: event.province,
        dates: [dayjs(event.startDate), dayjs(event.endDate)],
        targetAmountWan: yuanToWan(event.targetAmount),
        description: event.description,
        applicationAnswerHours: event.applicationAnswerHours ?? DEFAULT_APPLICATION_HOURS,
        meetingAnswerHours: event.meetingAnswerHours ?? DEFAULT_MEETING_HOURS,
        timeZone: event.timeZone,
      }
    : { applicationAnswerHours: DEFAULT_APPLICATION_HOURS, meetingAnswerHours: DEFAULT_MEETING_HOURS, timeZone: DEFAULT_EVENT_TIME_ZONE };

  const onFinish = (values: Values) => {
    const input: EventInput = {
      name: values.name.trim(),
      province: values.province,
      startDate: toDay(values.dates[0]),
      endDate: toDay(values.dates[1]),
      targetAmount: wanToYuan(values.targetAmountWan),
      description: values.description?.trim() ?? '',
      applicationAnswerHours: values.applicationAnswerHours,
      meetingAnswerHours: values.meetingAnswerHours,
      timeZone: values.timeZone,
    };
    save.mutate(
      { id: event?.id, input },
      {
        onSuccess: () => {
          void message.success(event ? t('common.saved') : t('events.created'));
          onDone();
        },
        onError: (error) => onFailure(error, { form, aliases: ALIASES }),
      },
    );
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Form.Item name="name" label={t('fields.eventName')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input data-testid="event-name" />
      </Form.Item>
      <Form.Item name="province" label={t('fields.province')} rules={[required]}>
        <RegionSelect provincesOnly testId="event-province" />
      </Form.Item>
      <Form.Item name="dates" label={t('fields.eventDates')} rules={[required]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="event-dates" />
      </Form.Item>
      <Form.Item name="timeZone" label={t('fields.timeZone')} tooltip={t('fields.timeZoneHint')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={timeZoneOptions(t, event?.timeZone)} data-testid="event-time-zone" />
      </Form.Item>
      <Form.Item name="targetAmountWan" label={t('fields.targetAmount')} rules={[required]} extra={t('fields.wanHint')}>
        <UnitInput unit={t('units.wan')} testId="event-target" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="applicationAnswerHours"
            label={t('fields.applicationAnswerHours')}
            tooltip={t('fields.applicationAnswerHoursHint')}
            rules={[required]}
          >
            <UnitInput unit={t('units.hours')} min={1} max={MAX_ANSWER_HOURS} precision={0} testId="event-application-hours" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="meetingAnswerHours" label={t('fields.meetingAnswerHours')} tooltip={t('fields.meetingAnswerHoursHint')} rules={[required]}>
            <UnitInput unit={t('units.hours')} min={1} max={MAX_ANSWER_HOURS} precision={0} testId="event-meeting-hours" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('fields.description')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={4} data-testid="event-description" />
      </Form.Item>
      <FormFooter submitText={event ? t('common.save') : t('common.create')} loading={save.isPending} onCancel={onDone} submitTestId="event-submit" />
    </Form>
  );
}
