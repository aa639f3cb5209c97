import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Tag, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CeremonyBatch } from '@duijie/shared';
import { AgreementRows } from './agreement-rows';

type Props = {
  batch: CeremonyBatch;
  first: boolean;
  last: boolean;
  onStage: () => void;
  onMove: (by: -1 | 1) => void;
  onRename: () => void;
  onRemove: () => void;
  onTakeOut: (agreementId: string) => void;
};

/** One batch of the running order: its agreements, and buttons to stage, move, rename or remove it. */
export function BatchCard({ batch, first, last, onStage, onMove, onRename, onRemove, onTakeOut }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="ceremony-batch"
      data-on-stage={batch.onStage}
      style={batch.onStage ? { borderColor: token.volcano, boxShadow: `0 0 0 1px ${token.volcano}` } : undefined}
      title={
        <Space>
          <span>{t('ceremony.batchNo', { n: batch.position })}</span>
          <Typography.Text strong>{batch.title}</Typography.Text>
          {batch.onStage && <Tag color="volcano">{t('ceremony.onStage')}</Tag>}
          <Typography.Text type="secondary">
            {t('ceremony.signedOf', { signed: batch.agreements.filter((a) => a.status !== 'drafting').length, count: batch.agreements.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space size="small" wrap>
          <Button
            size="small"
            type={batch.onStage ? 'default' : 'primary'}
            icon={<SoundOutlined />}
            disabled={batch.onStage}
            onClick={onStage}
            data-testid="ceremony-stage"
          >
            {t('ceremony.stage')}
          </Button>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove(-1)} aria-label={t('ceremony.moveUp')} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(1)} aria-label={t('ceremony.moveDown')} />
          <Button size="small" icon={<EditOutlined />} onClick={onRename} aria-label={t('common.edit')} />
          <Popconfirm
            title={t('ceremony.removeConfirm', { title: batch.title })}
            description={t('ceremony.removeHint')}
            onConfirm={onRemove}
            okButtonProps={{ danger: true }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="ceremony-remove" />
          </Popconfirm>
        </Space>
      }
    >
      <AgreementRows agreements={batch.agreements} onTakeOut={onTakeOut} />
    </Card>
  );
}
