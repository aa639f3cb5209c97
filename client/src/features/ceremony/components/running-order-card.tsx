import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type CeremonyAgreement, type CeremonyBatch } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useRunningOrderActions } from '../hooks/use-running-order-actions';
import { AgreementRows } from './agreement-rows';
import { BatchCard } from './batch-card';

type Props = { eventId: string };

/** Batches in running order; one of them is on stage and shows on the big screens. */
export function RunningOrderCard({ eventId }: Props) {
  const { t } = useTranslation();
  const { order, change, run, move, saveBatch } = useRunningOrderActions(eventId);
  const [selected, setSelected] = useState<string[]>([]);
  const [naming, setNaming] = useState<{ batch: CeremonyBatch | null } | null>(null);
  const batches = order.data?.batches ?? [];
  const unbatched = order.data?.unbatched ?? [];

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
          <ExportButton route={routes.ceremony.export} args={{ params: { id: eventId } }} table="running-order" />
        </Space>
      }
    >
      <PageState loading={order.isPending} error={order.error} onRetry={() => void order.refetch()}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {batches.length === 0 && <Empty description={t('ceremony.noBatches')} />}
          {batches.map((batch, index) => (
            <BatchCard
              key={batch.id}
              batch={batch}
              first={index === 0}
              last={index === batches.length - 1}
              onStage={() => run({ kind: 'stage', batchId: batch.id }, t('ceremony.staged', { title: batch.title }))}
              onMove={(by) => move(index, by)}
              onRename={() => setNaming({ batch })}
              onRemove={() => run({ kind: 'remove', batchId: batch.id })}
              onTakeOut={(agreementId) =>
                run({
                  kind: 'update',
                  batchId: batch.id,
                  input: { version: batch.version, agreementIds: batch.agreements.map((a) => a.agreementId).filter((id) => id !== agreementId) },
                })
              }
            />
          ))}
          <UnbatchedCard unbatched={unbatched} selected={selected} onSelect={setSelected} onNewBatch={() => setNaming({ batch: null })} />
        </Space>
      </PageState>
      <BatchNameModal
        open={naming !== null}
        initial={naming?.batch?.title ?? ''}
        busy={change.isPending}
        onCancel={() => setNaming(null)}
        onSubmit={(title) => {
          const batch = naming?.batch ?? null;
          saveBatch(batch, title, selected, () => {
            setNaming(null);
            if (!batch) setSelected([]);
          });
        }}
      />
    </Card>
  );
}

type UnbatchedProps = { unbatched: CeremonyAgreement[]; selected: string[]; onSelect: (ids: string[]) => void; onNewBatch: () => void };

/** The agreements in no batch yet: pick some to make a new batch of them. */
function UnbatchedCard({ unbatched, selected, onSelect, onNewBatch }: UnbatchedProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      title={t('ceremony.unbatched', { count: unbatched.length })}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} disabled={selected.length === 0} onClick={onNewBatch} data-testid="ceremony-new-batch">
          {t('ceremony.newBatch', { count: selected.length })}
        </Button>
      }
    >
      {unbatched.length === 0 ? (
        <Typography.Text type="secondary">{t('ceremony.allBatched')}</Typography.Text>
      ) : (
        <AgreementRows agreements={unbatched} selected={selected} onSelect={onSelect} />
      )}
    </Card>
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
