import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_CLASSES, type InstitutionClass, type RewardAward, type RewardRun } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useConfirmPayment, useRewardAwards } from '../hooks/use-rewards';
import { AwardReasons } from './award-reasons';

const PAGE_SIZE = 20;

type Props = { run: RewardRun; names: Map<string, string>; zone: string };

/** A run's awards a page at a time, by class and name, each expandable to its reasons; "确认拨付" once approved. */
export function AwardsTable({ run, names, zone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onFailure = useFailureHandler();
  const [cls, setCls] = useState<InstitutionClass | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { class: cls, q: q.trim() || undefined, page, pageSize: PAGE_SIZE };
  const awards = useRewardAwards(run.id, query);
  const [paying, setPaying] = useState<RewardAward | null>(null);
  const [payForm] = Form.useForm<{ reference: string }>();
  const pay = useConfirmPayment(run.id);
  const approved = run.state === 'approved';

  const submitPayment = ({ reference }: { reference: string }) => {
    if (!paying) return;
    pay.mutate(
      { organisationId: paying.organisationId, reference: reference.trim() },
      {
        onSuccess: () => {
          void message.success(t('rewards.paymentConfirmed'));
          setPaying(null);
          payForm.resetFields();
        },
        onError: (error) => onFailure(error, { form: payForm }),
      },
    );
  };

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('rewards.awardsTitle')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<InstitutionClass>
          allowClear
          style={{ width: 180 }}
          placeholder={t('rewards.filterClass')}
          value={cls}
          onChange={(v) => {
            setCls(v);
            setPage(1);
          }}
          options={INSTITUTION_CLASSES.map((c) => ({ value: c, label: t(`rewards.classes.${c}`) }))}
          data-testid="rewards-awards-class"
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('rewards.searchName')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="rewards-awards-search"
        />
      </Space>
      <PageState loading={awards.isPending} error={awards.error} onRetry={() => void awards.refetch()}>
        <Table<RewardAward>
          size="small"
          rowKey="organisationId"
          loading={awards.isFetching}
          dataSource={awards.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('rewards.noAwards') }}
          onRow={(a) => rowTestId(`rewards-award-row-${a.organisationId}`)}
          // Fixed on the left so an expanded row keeps to the visible width on a phone.
          expandable={{ expandedRowRender: (a) => <AwardReasons award={a} names={names} />, expandRowByClick: true, fixed: 'left' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: awards.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (total) => t('common.totalCount', { count: total }),
          }}
          columns={[
            { title: t('rewards.institution'), dataIndex: 'organisationName', fixed: 'left', width: 200 },
            { title: t('rewards.class'), width: 130, render: (_, a) => t(`rewards.classes.${a.class}`) },
            { title: t('rewards.amount'), width: 130, align: 'right', render: (_, a) => <Money yuan={a.amount} /> },
            {
              title: t('rewards.ranks'),
              width: 170,
              render: (_, a) =>
                [
                  ...a.outcomes.filter((o) => o.rank !== null).map((o) => ({ id: o.ruleId, rank: o.rank, tied: o.tied })),
                  ...a.scores.map((s) => ({ id: s.schemeId, rank: s.rank, tied: s.tied })),
                ].map((o) => (
                  <Tooltip key={o.id} title={names.get(o.id) ?? o.id}>
                    <Tag color={o.tied > 1 ? 'orange' : undefined}>
                      #{o.rank}
                      {o.tied > 1 ? ` ${t('rewards.tied')}` : ''}
                    </Tag>
                  </Tooltip>
                )),
            },
            {
              title: t('rewards.payment'),
              width: 240,
              render: (_, a) =>
                !approved ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : a.paidAt ? (
                  <Space orientation="vertical" size={0}>
                    <Tag color="green">{t('rewards.paid')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.paymentReference} · {formatDateTime(a.paidAt, zone)}
                    </Typography.Text>
                  </Space>
                ) : a.amount > 0 ? (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setPaying(a);
                    }}
                    data-testid={`rewards-award-pay-${a.organisationId}`}
                  >
                    {t('rewards.confirmPayment')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
        />
      </PageState>

      <PaymentModal award={paying} pending={pay.isPending} form={payForm} onSubmit={submitPayment} onCancel={() => setPaying(null)} />
    </>
  );
}

type PaymentProps = {
  award: RewardAward | null;
  pending: boolean;
  form: FormInstance<{ reference: string }>;
  onSubmit: (values: { reference: string }) => void;
  onCancel: () => void;
};

/** "确认拨付": the finance department's payment reference for one award. */
function PaymentModal({ award, pending, form, onSubmit, onCancel }: PaymentProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={award !== null}
      title={t('rewards.confirmPaymentTitle', { name: award?.organisationName ?? '' })}
      okText={t('rewards.confirmPayment')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {award ? (
        <Typography.Paragraph>
          {t('rewards.paymentAmount')}
          <Money yuan={award.amount} />
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item
          name="reference"
          label={t('rewards.paymentReference')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="rewards-payment-reference" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
