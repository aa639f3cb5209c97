import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CeremonyAgreement } from '@duijie/shared';
import { Money } from '../../../ui/money';
import { AgreementStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';

type Props = {
  agreements: CeremonyAgreement[];
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  onTakeOut?: (agreementId: string) => void;
};

/** The agreements of a batch (each can be taken out), or the unbatched ones to pick for a new batch. */
export function AgreementRows({ agreements, selected, onSelect, onTakeOut }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CeremonyAgreement> = [
    { title: t('agreement.title'), dataIndex: 'title' },
    { title: t('agreement.parties'), key: 'parties', render: (_v, a) => a.parties.join(' × ') },
    { title: t('agreement.amount'), dataIndex: 'amount', render: (_v, a) => <Money yuan={a.amount} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, a) => <AgreementStatusTag status={a.status} /> },
    ...(onTakeOut
      ? [
          {
            title: '',
            key: 'out',
            render: (_v: unknown, a: CeremonyAgreement) => (
              <Button size="small" type="link" onClick={() => onTakeOut(a.agreementId)}>
                {t('ceremony.takeOut')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<CeremonyAgreement>
      size="small"
      rowKey="agreementId"
      columns={columns}
      dataSource={agreements}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(a) => rowTestId('ceremony-agreement', { 'data-agreement-id': a.agreementId })}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)) } : undefined}
      locale={{ emptyText: t('ceremony.emptyBatch') }}
    />
  );
}
