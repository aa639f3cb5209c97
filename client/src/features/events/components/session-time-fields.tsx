import { Col, Form, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WallClockPicker } from '../../../ui/wall-clock-picker';

/**
 * A session's start and end, its meeting slots and tables, and the signing ceremony's time: typed
 * on the event's clock, in wall-clock pickers (no device zone's daylight saving moves them).
 */
export function SessionTimeFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startsAt" label={t('fields.startsAt')} rules={[required]}>
            <WallClockPicker
              showTime={{ format: 'HH:mm' }}
              needConfirm={false}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="session-starts"
            />
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
            <WallClockPicker
              showTime={{ format: 'HH:mm' }}
              needConfirm={false}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="session-ends"
            />
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
            <WallClockPicker showTime={{ format: 'HH:mm' }} needConfirm={false} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
