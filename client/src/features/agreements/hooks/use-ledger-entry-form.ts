import { App, Form } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CLOSING_LEDGER_KINDS } from '@duijie/shared';
import type { LedgerEntryKind } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRecordLedgerEntry } from './use-ledger';

export type LedgerEntryValues = { kind: LedgerEntryKind; amount?: number; occurredOn: Dayjs; evidence?: string; reason?: string };

const closeOkProps: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'ledger-close-confirm' };

/** The form that records a ledger entry; an entry that closes the ledger asks for confirmation first. */
export function useLedgerEntryForm(agreementId: string) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const onFailure = useFailureHandler();
  const record = useRecordLedgerEntry(agreementId);
  const [form] = Form.useForm<LedgerEntryValues>();
  const kind = Form.useWatch('kind', form);
  const closingKind = kind !== undefined && CLOSING_LEDGER_KINDS.includes(kind);

  const submit = (values: LedgerEntryValues) => {
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

  return { form, closingKind, submit, recording: record.isPending };
}
