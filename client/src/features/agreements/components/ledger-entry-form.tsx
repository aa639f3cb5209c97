import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerEntryKind } from '@duijie/shared';
import { todayInEventZone } from '../../../ui/dates';
import type { LedgerEntryValues } from '../hooks/use-ledger-entry-form';

type Props = {
  form: FormInstance<LedgerEntryValues>;
  kinds: LedgerEntryKind[];
  /** A closing entry has no amount but needs a reason. */
  closingKind: boolean;
  recording: boolean;
  onFinish: (values: LedgerEntryValues) => void;
  /** The event's zone: the date starts as today there. */
  timeZone: string;
};

/** One line of inputs that records the next ledger entry. */
export function LedgerEntryForm({ form, kinds, closingKind, recording, onFinish, timeZone }: Props) {
  const { t } = useTranslation();
  return (
    <Form<LedgerEntryValues>
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ occurredOn: todayInEventZone(timeZone) }}

      onFinish={onFinish}
      data-testid="ledger-form"
    >
      <Form.Item name="kind" rules={[{ required: true, message: t('ledger.kindRequired') }]}>
        <Select<LedgerEntryKind>
          style={{ width: 150 }}
          placeholder={t('ledger.kind')}
          options={kinds.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
          data-testid="ledger-kind"
        />
      </Form.Item>
      {closingKind ? null : (
        <Form.Item name="amount" rules={[{ required: true, message: t('ledger.amountRequired') }]}>
          <InputNumber<number>
            min={1}
            precision={0}
            inputMode="numeric"
            style={{ width: 180 }}
            placeholder={t('ledger.amountYuan')}
            data-testid="ledger-amount"
          />
        </Form.Item>
      )}
      <Form.Item name="occurredOn" rules={[{ required: true }]}>
        <DatePicker allowClear={false} data-testid="ledger-date" />
      </Form.Item>
      <Form.Item name="evidence">
        <Input style={{ width: 200 }} maxLength={2000} placeholder={t('ledger.evidence')} data-testid="ledger-evidence" />
      </Form.Item>
      {closingKind ? (
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('ledger.reasonRequired') }]}>
          <Input.TextArea rows={1} style={{ width: 260 }} maxLength={2000} placeholder={t('ledger.reason')} data-testid="ledger-reason" />
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={recording} data-testid="ledger-submit">
          {t('ledger.record')}
        </Button>
      </Form.Item>
    </Form>
  );
}
