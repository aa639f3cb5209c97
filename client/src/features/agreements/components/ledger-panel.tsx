import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSING_LEDGER_KINDS, FINANCING_AGREEMENT_KINDS, GOODS_AGREEMENT_KINDS } from '@duijie/shared';
import type { Agreement, LedgerEntry, LedgerEntryKind } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { formatDateTime, todayInEventZone } from '../../../ui/dates';
import { Money } from '../../../ui/money';
import { ReasonModal } from '../../../ui/reason-modal';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useLedger, useRecordLedgerEntry, useReopenLedger } from '../hooks/use-ledger';

type Props = { agreement: Agreement };

const closeOkProps: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'ledger-close-confirm' };

type Values = { kind: LedgerEntryKind; amount?: number; occurredOn: Dayjs; evidence?: string; reason?: string };

/** The steps an agreement of this kind can have; closing ones only for who may close. */
function kindsFor(agreement: Agreement, mayClose: boolean): LedgerEntryKind[] {
  const steps: LedgerEntryKind[] = FINANCING_AGREEMENT_KINDS.includes(agreement.kind)
    ? ['approved', 'disbursed']
    : GOODS_AGREEMENT_KINDS.includes(agreement.kind)
      ? ['delivered']
      : [];
  return mayClose ? [...steps, ...CLOSING_LEDGER_KINDS] : steps;
}

/**
 * The follow-up ledger of a signed agreement: its entries and a form to record the next
 * one. Performed and terminated close the ledger: only a party's admin (who may sign for
 * it) or an organiser records them, with a reason; organisers can reopen, with a reason.
 */
export function LedgerPanel({ agreement }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { modal } = App.useApp();
  const onFailure = useFailureHandler();
  const signed = agreement.status !== 'drafting';
  const ledger = useLedger(agreement.id, signed);
  const record = useRecordLedgerEntry(agreement.id);
  const reopen = useReopenLedger(agreement.id);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [reopening, setReopening] = useState(false);
  if (!signed) return null;

  const organiser = me.role === 'organiser';
  const mayClose = organiser || me.role === 'org_admin';
  const entries = ledger.data ?? [];
  const closing = entries.find((e) => CLOSING_LEDGER_KINDS.includes(e.kind) && e.reopened === null);
  const closingKind = kind !== undefined && CLOSING_LEDGER_KINDS.includes(kind);
  const kinds = kindsFor(agreement, mayClose);

  const submit = (values: Values) => {
    const send = () =>
      record.mutate(
        {
          kind: values.kind,
          amount: closingKind ? null : (values.amount ?? null),
          occurredOn: values.occurredOn.format('YYYY-MM-DD'),
          evidence: values.evidence?.trim() ?? '',
          reason: values.reason?.trim() ?? '',
        },
        { onSuccess: () => form.resetFields(), onError: (error) => onFailure(error, { form }) },
      );
    if (!CLOSING_LEDGER_KINDS.includes(values.kind)) return send();
    modal.confirm({
      title: t('ledger.closeConfirmTitle', { kind: t(`ledger.kinds.${values.kind}`) }),
      content: t('ledger.closeConfirmBody'),
      okText: t('ledger.closeConfirmOk'),
      okButtonProps: closeOkProps,
      cancelText: t('common.cancel'),
      onOk: send,
    });
  };

  const columns: TableColumnsType<LedgerEntry> = [
    {
      title: t('ledger.kind'),
      dataIndex: 'kind',
      render: (_v, e) => (
        <Space size={4} wrap>
          <Tag color={CLOSING_LEDGER_KINDS.includes(e.kind) ? (e.reopened ? 'default' : 'red') : 'blue'}>{t(`ledger.kinds.${e.kind}`)}</Tag>
          {e.reopened ? <Tag data-testid="ledger-reopened">{t('ledger.withdrawn')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('ledger.amount'), dataIndex: 'amount', render: (_v, e) => <Money yuan={e.amount} /> },
    { title: t('ledger.occurredOn'), dataIndex: 'occurredOn' },
    {
      title: t('ledger.details'),
      key: 'details',
      render: (_v, e) => (
        <Space orientation="vertical" size={0}>
          {e.evidence ? <span>{t('ledger.evidenceIs', { evidence: e.evidence })}</span> : null}
          {e.reason ? <span>{t('ledger.reasonIs', { reason: e.reason })}</span> : null}
          {e.reopened ? (
            <Typography.Text type="secondary">
              {t('ledger.reopenedBy', { by: e.reopened.by, at: formatDateTime(e.reopened.at), reason: e.reopened.reason })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('ledger.recordedBy'), key: 'by', render: (_v, e) => `${e.recordedBy} · ${formatDateTime(e.recordedAt)}` },
  ];

  return (
    <div data-testid="ledger-panel">
      <Typography.Title level={5}>{t('ledger.title')}</Typography.Title>
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        loading={ledger.isPending}
        pagination={false}
        locale={{ emptyText: t('ledger.empty') }}
        onRow={(e) => rowTestId('ledger-entry', { 'data-kind': e.kind, 'data-reopened': e.reopened ? 'true' : 'false' })}
      />
      {closing ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          data-testid="ledger-closed"
          title={t('ledger.closed', { kind: t(`ledger.kinds.${closing.kind}`) })}
          description={organiser ? t('ledger.closedOrganiserHint') : t('ledger.closedHint')}
          action={
            organiser ? (
              <Button size="small" danger onClick={() => setReopening(true)} data-testid="ledger-reopen">
                {t('ledger.reopen')}
              </Button>
            ) : null
          }
        />
      ) : kinds.length > 0 ? (
        <Form<Values>
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ occurredOn: todayInEventZone() }}
          onFinish={submit}
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
              <InputNumber<number> min={1} precision={0} style={{ width: 180 }} placeholder={t('ledger.amountYuan')} data-testid="ledger-amount" />
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
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="ledger-submit">
              {t('ledger.record')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      {!closing && !mayClose ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="ledger-close-hint">
          {t('ledger.memberHint')}
        </Typography.Paragraph>
      ) : null}
      <ReasonModal
        open={reopening}
        title={t('ledger.reopenTitle')}
        description={t('ledger.reopenDescription')}
        required
        okText={t('ledger.reopen')}
        loading={reopen.isPending}
        onCancel={() => setReopening(false)}
        onSubmit={(reason) => reopen.mutate({ reason }, { onSuccess: () => setReopening(false), onError: (error) => onFailure(error) })}
      />
    </div>
  );
}
