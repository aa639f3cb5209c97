import { Card, Col, Row, Statistic, Table, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryLabel, formatCny } from '@duijie/shared';
import type { BoardTotals } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatQuantity } from '../../../ui/quantity';

type GoodsRow = BoardTotals['goods'][number];

type Props = { totals: BoardTotals };

/** The session's headline numbers and the goods supply/demand balance. */
export function BoardTotalsView({ totals }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const lang = useLanguage();

  const columns: TableColumnsType<GoodsRow> = [
    { title: t('fields.category'), dataIndex: 'category', render: (_v, row) => categoryLabel(row.category, lang) },
    { title: t('fields.unit'), dataIndex: 'unit' },
    {
      title: t('board.supplyQuantity'),
      dataIndex: 'supplyQuantity',
      align: 'right',
      render: (_v, row) => formatQuantity(row.supplyQuantity, lang),
    },
    {
      title: t('board.demandQuantity'),
      dataIndex: 'demandQuantity',
      align: 'right',
      render: (_v, row) => formatQuantity(row.demandQuantity, lang),
    },
    {
      title: t('board.balance'),
      key: 'balance',
      align: 'right',
      render: (_v, row) => {
        const gap = row.supplyQuantity - row.demandQuantity;
        return (
          <span style={{ color: gap < 0 ? token.colorError : undefined }}>
            {gap > 0 ? '+' : ''}
            {formatQuantity(gap, lang)}
          </span>
        );
      },
    },
  ];

  const money = (yuan: number) => formatCny(yuan, lang);

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t('board.participantsApproved')} value={totals.participantsApproved} />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t('board.listingsOpen')} value={totals.listingsOpen} />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t('board.meetingsScheduled')} value={totals.meetingsScheduled} />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t('board.meetingsHeld')} value={totals.meetingsHeld} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('board.financingNeeded')} value={money(totals.financingNeeded)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('board.creditOffered')} value={money(totals.creditOffered)} />
          </Card>
        </Col>
        <Col xs={24} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('board.guaranteeCapacity')} value={money(totals.guaranteeCapacity)} />
          </Card>
        </Col>
      </Row>
      {totals.goods.length > 0 ? (
        <Card size="small" title={t('board.goodsBalance')} style={{ marginTop: 16 }}>
          <Table<GoodsRow>
            size="small"
            rowKey={(row) => `${row.category}|${row.unit}`}
            columns={columns}
            dataSource={totals.goods}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      ) : null}
    </>
  );
}
