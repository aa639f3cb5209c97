import { Card, Col, Collapse, Flex, Grid, Row, Statistic, theme, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryLabel, formatCny } from '@duijie/shared';
import type { BoardTotals } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatQuantity } from '../../../ui/quantity';
import { ResponsiveList } from '../../../ui/responsive-list';

type GoodsRow = BoardTotals['goods'][number];

type Props = { totals: BoardTotals };

/** The session's headline numbers and the goods supply/demand balance. */
export function BoardTotalsView({ totals }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const lang = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;

  const balanceOf = (row: GoodsRow) => {
    const gap = row.supplyQuantity - row.demandQuantity;
    return (
      <span style={{ color: gap < 0 ? token.colorError : undefined }}>
        {gap > 0 ? '+' : ''}
        {formatQuantity(gap, lang)}
      </span>
    );
  };

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
      render: (_v, row) => balanceOf(row),
    },
  ];

  const money = (yuan: number) => formatCny(yuan, lang);
  // A phone shows one short card per category: the balance first, then supply and demand on one line.
  const goods = (
    <ResponsiveList<GoodsRow>
      rowKey={(row) => `${row.category}|${row.unit}`}
      columns={columns}
      dataSource={totals.goods}
      pagination={false}
      card={(row) => (
        <Flex justify="space-between" align="baseline" gap={token.marginXS} wrap>
          <Typography.Text strong>
            {categoryLabel(row.category, lang)} · {row.unit}
          </Typography.Text>
          {balanceOf(row)}
          <Typography.Text type="secondary" style={{ width: '100%' }}>
            {t('board.supplyQuantity')} {formatQuantity(row.supplyQuantity, lang)} · {t('board.demandQuantity')} {formatQuantity(row.demandQuantity, lang)}
          </Typography.Text>
        </Flex>
      )}
      tableProps={{ size: 'small', scroll: { x: 'max-content' } }}
    />
  );

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
      {totals.goods.length > 0 && !narrow ? (
        <Card size="small" title={t('board.goodsBalance')} style={{ marginTop: 16 }}>
          {goods}
        </Card>
      ) : null}
      {/* On a phone the balance folds away, so the listings are not a long scroll below it. */}
      {totals.goods.length > 0 && narrow ? (
        <Collapse
          style={{ marginTop: 16 }}
          items={[{ key: 'goods', label: `${t('board.goodsBalance')} (${totals.goods.length})`, children: goods }]}
          data-testid="board-goods-balance"
        />
      ) : null}
    </>
  );
}
