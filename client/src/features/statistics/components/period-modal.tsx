import { App, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { countWorkingDays, INSTITUTION_CLASSES, REPORTING_CADENCES, type InstitutionClass, type ReportingCadence } from '@duijie/shared';
import { todayInEventZone, toDay } from '../../../ui/dates';
import { useFailureHandler } from '../../../ui/use-failure';
import { usePeriodWrites } from '../hooks/use-statistics';
import { DUE_WORKING_DAYS, periodDefaults } from '../statistics-values';

type Values = {
  name?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  cadence: ReportingCadence;
  dueOn?: Dayjs | null;
  classes: InstitutionClass[];
};

type Props = { eventId: string; timeZone: string; open: boolean; onClose: () => void; onOpened: (id: string) => void };

/** 新建统计期: cadence, first and last day, name, due day and the classes that file; the last day, due day and name follow the cadence. */
export function PeriodModal({ eventId, timeZone, open, onClose, onOpened }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailureHandler();
  const [form] = Form.useForm<Values>();
  const writes = usePeriodWrites(eventId);

  // Picking the first day or the cadence fills the last day (monthly, quarterly), the due day and the
  // name (until the organiser types one); picking the last day fills the due day. Each stays editable.
  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (('startsOn' in changed || 'cadence' in changed) && all.startsOn) {
      const d = periodDefaults(all.cadence, toDay(all.startsOn), all.endsOn ? toDay(all.endsOn) : undefined);
      if (!d) return;
      const name =
        d.name.month !== undefined
          ? t('statistics.periodNameMonth', { year: d.name.year, month: d.name.month })
          : d.name.quarter !== undefined
            ? t('statistics.periodNameQuarter', { year: d.name.year, quarter: d.name.quarter })
            : undefined;
      form.setFieldsValue({ endsOn: dayjs(d.endsOn), dueOn: dayjs(d.dueOn), ...(name && !form.isFieldTouched('name') ? { name } : {}) });
    } else if ('endsOn' in changed && all.endsOn) {
      form.setFieldsValue({ dueOn: dayjs(countWorkingDays(toDay(all.endsOn), DUE_WORKING_DAYS).day) });
    }
  };

  const submit = (values: Values) => {
    if (!values.startsOn || !values.endsOn || !values.dueOn) return;
    writes.open.mutate(
      {
        name: (values.name ?? '').trim(),
        startsOn: toDay(values.startsOn),
        endsOn: toDay(values.endsOn),
        cadence: values.cadence,
        dueOn: toDay(values.dueOn),
        classes: values.classes,
      },
      {
        onSuccess: (period) => {
          void message.success(t('statistics.periodOpened', { name: period.name }));
          onOpened(period.id);
          onClose();
        },
        onError: (error) => fail(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('statistics.periodNew')}
      okText={t('statistics.periodOpen')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: writes.open.isPending, 'data-testid': 'statistics-period-save' }}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ cadence: 'quarterly', classes: [...INSTITUTION_CLASSES] }}
        onValuesChange={onValuesChange}
        onFinish={submit}
      >
        <Form.Item
          name="cadence"
          label={t('statistics.cadence')}
          extra={t('statistics.spanHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Radio.Group
            optionType="button"
            data-testid="statistics-period-cadence"
            options={REPORTING_CADENCES.map((c) => ({ value: c, label: t(`statistics.cadences.${c}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="startsOn" label={t('statistics.startsOn')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="statistics-period-start" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsOn"
              label={t('statistics.endsOn')}
              dependencies={['startsOn']}
              rules={[
                { required: true, message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_r, v: Dayjs | null) => {
                    const start = getFieldValue('startsOn') as Dayjs | null | undefined;
                    return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('validation.endAfterStart')));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="statistics-period-end" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('statistics.periodName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="statistics-period-name" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('statistics.dueOn')}
          extra={t('statistics.dueHint', { zone: timeZone })}
          dependencies={['endsOn']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_r, v: Dayjs | null) => {
                const end = getFieldValue('endsOn') as Dayjs | null | undefined;
                if (v && v.isBefore(todayInEventZone(timeZone), 'day')) return Promise.reject(new Error(t('statistics.duePast')));
                return !v || !end || !v.isBefore(end, 'day') ? Promise.resolve() : Promise.reject(new Error(t('statistics.dueBeforeEnd')));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="statistics-period-due" />
        </Form.Item>
        <Form.Item
          name="classes"
          label={t('statistics.classesLabel')}
          rules={[{ required: true, type: 'array', min: 1, message: t('statistics.classesRequired') }]}
        >
          <Checkbox.Group
            data-testid="statistics-period-classes"
            options={INSTITUTION_CLASSES.map((c) => ({ value: c, label: t(`statistics.classes.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
