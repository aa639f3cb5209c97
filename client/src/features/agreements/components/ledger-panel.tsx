import { Alert, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSING_LEDGER_KINDS, FINANCING_AGREEMENT_KINDS, GOODS_AGREEMENT_KINDS } from '@duijie/shared';
import type { Agreement, LedgerEntry, LedgerEntryKind } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { ReasonModal } from '../../../ui/reason-modal';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useLedger, useReopenLedger } from '../hooks/use-ledger';
import { useLedgerEntryForm } from '../hooks/use-ledger-entry-form';
import { ledgerColumns } from './ledger-columns';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';

import { LedgerEntryForm } from './ledger-entry-form';

type Props = { agreement: Agreement };

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
  const onFailure = useFailureHandler();
  const signed = agreement.status !== 'drafting';
  const ledger = useLedger(agreement.id, signed);
  const entry = useLedgerEntryForm(agreement.id);
  const reopen = useReopenLedger(agreement.id);
  const zone = useEventTimeZone(agreement.eventId);
  const [reopening, setReopening] = useState(false);
  if (!signed) return null;

  const organiser = me.role === 'organiser';
  const mayClose = organiser || me.role === 'org_admin';
  const entries = ledger.data ?? [];
  const closing = entries.find((e) => CLOSING_LEDGER_KINDS.includes(e.kind) && e.reopened === null);
  const kinds = kindsFor(agreement, mayClose);

  return (
    <div data-testid="ledger-panel">
      <Typography.Title level={5}>{t('ledger.title')}</Typography.Title>
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        columns={ledgerColumns(t, zone)}
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
        <LedgerEntryForm form={entry.form} kinds={kinds} closingKind={entry.closingKind} recording={entry.recording} onFinish={entry.submit} timeZone={zone} />
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
