import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { CLOSING_LEDGER_KINDS } from '@duijie/shared';
import type { LedgerEntry } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { Money } from '../../../ui/money';

/** The ledger table's columns: a withdrawn closing entry stays listed, greyed, with who reopened it and why. */
export function ledgerColumns(t: TFunction, timeZone: string): TableColumnsType<LedgerEntry> {
  return [
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
              {t('ledger.reopenedBy', { by: e.reopened.by, at: formatDateTime(e.reopened.at, timeZone), reason: e.reopened.reason })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('ledger.recordedBy'), key: 'by', render: (_v, e) => `${e.recordedBy} · ${formatDateTime(e.recordedAt, timeZone)}` },
  ];
}
