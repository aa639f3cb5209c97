import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tag, theme, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CeremonyAgreement, CeremonyBatch } from '@duijie/shared';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { AgreementStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useChangeRunningOrder, useRunningOrder } from '../hooks/use-running-order';

type Props = { eventId: string };

/** Batches in running order; one of them is on stage and shows on the big screens. */
export function RunningOrderCard({ eventId }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const order = useRunningOrder(eventId);
  const change = useChangeRunningOrder(eventId);
  const onFailure = useFailureHandler();
  const [selected, setSelected] = useState<string[]>([]);
  const [naming, setNaming] = useState<{ batch: CeremonyBatch | null } | null>(null);
  const batches = order.data?.batches ?? [];
  const unbatched = order.data?.unbatched ?? [];

  const run = (input: Parameters<typeof change.mutate>[0], done?: string) =>
    change.mutate(input, {
      onSuccess: () => {
        if (done) void message.success(done);
      },
      onError: (error) => onFailure(error, { onStale: () => void order.refetch() }),
    });
  const move = (index: number, by: -1 | 1) => {
    const ids = batches.map((b) => b.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    run({ kind: 'sequence', batchIds: ids });
  };

  return (
    <Card
      size="small"
      title={t('ceremony.runningOrder')}
      extra={
        <Space wrap>
          <Button
            disabled={unbatched.length === 0}
            loading={change.isPending && change.variables.kind === 'generate'}
            onClick={() => run({ kind: 'generate', by: 'session' })}
            data-testid="ceremony-generate-session"
          >
            {t('ceremony.generateBySession')}
          </Button>
          <Button disabled={unbatched.length === 0} onClick={() => run({ kind: 'generate', by: 'chain' })} data-testid="ceremony-generate-chain">
            {t('ceremony.generateByChain')}
          </Button>
          <Button disabled={!order.data?.onStageBatchId} onClick={() => run({ kind: 'stage', batchId: null })} data-testid="ceremony-unstage">
            {t('ceremony.unstage')}
          </Button>
        </Space>
      }
    >
      <PageState loading={order.isPending} error={order.error} onRetry={() => void order.refetch()}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {batches.length === 0 && <Empty description={t('ceremony.noBatches')} />}
          {batches.map((batch, index) => (
            <Card
              key={batch.id}
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
                    onClick={() => run({ kind: 'stage', batchId: batch.id }, t('ceremony.staged', { title: batch.title }))}
                    data-testid="ceremony-stage"
                  >
                    {t('ceremony.stage')}
                  </Button>
                  <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('ceremony.moveUp')} />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={index === batches.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('ceremony.moveDown')}
                  />
                  <Button size="small" icon={<EditOutlined />} onClick={() => setNaming({ batch })} aria-label={t('common.edit')} />
                  <Popconfirm
                    title={t('ceremony.removeConfirm', { title: batch.title })}
                    description={t('ceremony.removeHint')}
                    onConfirm={() => run({ kind: 'remove', batchId: batch.id })}
                    okButtonProps={{ danger: true }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="ceremony-remove" />
                  </Popconfirm>
                </Space>
              }
            >
              <AgreementRows
                agreements={batch.agreements}
                onTakeOut={(agreementId) =>
                  run({
                    kind: 'update',
                    batchId: batch.id,
                    input: { version: batch.version, agreementIds: batch.agreements.map((a) => a.agreementId).filter((id) => id !== agreementId) },
                  })
                }
              />
            </Card>
          ))}
          <Card
            size="small"
            type="inner"
            title={t('ceremony.unbatched', { count: unbatched.length })}
            extra={
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                disabled={selected.length === 0}
                onClick={() => setNaming({ batch: null })}
                data-testid="ceremony-new-batch"
              >
                {t('ceremony.newBatch', { count: selected.length })}
              </Button>
            }
          >
            {unbatched.length === 0 ? (
              <Typography.Text type="secondary">{t('ceremony.allBatched')}</Typography.Text>
            ) : (
              <AgreementRows agreements={unbatched} selected={selected} onSelect={setSelected} />
            )}
          </Card>
        </Space>
      </PageState>
      <BatchNameModal
        open={naming !== null}
        initial={naming?.batch?.title ?? ''}
        busy={change.isPending}
        onCancel={() => setNaming(null)}
        onSubmit={(title) => {
          const batch = naming?.batch;
          change.mutate(
            batch
              ? { kind: 'update', batchId: batch.id, input: { version: batch.version, title } }
              : { kind: 'create', input: { title, agreementIds: selected } },
            {
              onSuccess: () => {
                setNaming(null);
                if (!batch) setSelected([]);
              },
              onError: (error) => onFailure(error, { onStale: () => void order.refetch() }),
            },
          );
        }}
      />
    </Card>
  );
}

type RowsProps = {
  agreements: CeremonyAgreement[];
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  onTakeOut?: (agreementId: string) => void;
};

function AgreementRows({ agreements, selected, onSelect, onTakeOut }: RowsProps) {
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

type NameProps = { open: boolean; initial: string; busy: boolean; onCancel: () => void; onSubmit: (title: string) => void };

function BatchNameModal({ open, initial, busy, onCancel, onSubmit }: NameProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string }>();
  return (
    <Modal
      open={open}
      title={initial ? t('ceremony.renameBatch') : t('ceremony.createBatch')}
      okText={t('common.save')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ title: initial }} onFinish={(v) => onSubmit(v.title.trim())} preserve={false}>
        <Form.Item
          name="title"
          label={t('ceremony.batchTitle')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}
        >
          <Input placeholder={t('ceremony.batchTitlePlaceholder')} data-testid="ceremony-batch-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
