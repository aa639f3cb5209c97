import { App, Button, Drawer, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_EXCLUSION_REASONS, type SurveyExclusion, type SurveyExclusionReason } from '@duijie/shared';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useOrganisations } from '../../organisation/hooks/use-organisations';
import { useExclusionWrites, useSurveyExclusions } from '../hooks/use-surveys';

type Values = { organisationId: string; reason: SurveyExclusionReason; note?: string };

/** The exclusion list: organisations left out of every survey sent, with the reason (失信, 经营异常, 违约). */
export function ExclusionsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const fail = useFailureHandler();
  const exclusions = useSurveyExclusions();
  const { exclude, remove } = useExclusionWrites();
  const [q, setQ] = useState('');
  const organisations = useOrganisations({ status: 'approved', q: q || undefined, pageSize: 20 }, open);
  const [form] = Form.useForm<Values>();

  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('surveys.exclusionsTitle')}>
      <Form<Values>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => exclude.mutate(values, { onSuccess: () => form.resetFields(), onError: (error) => fail(error, { form }) })}
      >
        <Form.Item name="organisationId" rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            style={{ width: 240 }}
            placeholder={t('surveys.organisation')}
            loading={organisations.isFetching}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            style={{ width: 140 }}
            placeholder={t('surveys.leftOutReason')}
            options={SURVEY_EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`surveys.leftOut.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" rules={[{ max: 500 }]}>
          <Input placeholder={t('surveys.note')} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={exclude.isPending}>
          {t('surveys.exclude')}
        </Button>
      </Form>
      <PageState loading={exclusions.isPending} error={exclusions.error} onRetry={() => void exclusions.refetch()} empty={(exclusions.data ?? []).length === 0}>
        <Table<SurveyExclusion>
          size="small"
          rowKey="id"
          dataSource={exclusions.data ?? []}
          columns={[
            { title: t('surveys.organisation'), dataIndex: 'organisationName' },
            { title: t('surveys.leftOutReason'), dataIndex: 'reason', render: (r: string) => <Tag color="red">{t(`surveys.leftOut.${r}`)}</Tag> },
            { title: t('surveys.note'), dataIndex: 'note' },
            { title: t('surveys.since'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, EVENT_TIME_ZONE) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_v, row) => (
                <Button
                  size="small"
                  onClick={() =>
                    modal.confirm({
                      title: t('surveys.unexcludeConfirm', { name: row.organisationName }),
                      okText: t('common.confirm'),
                      cancelText: t('common.cancel'),
                      onOk: () => remove.mutateAsync(row.id).catch((error: unknown) => fail(error)),
                    })
                  }
                >
                  {t('surveys.unexclude')}
                </Button>
              ),
            },
          ]}
        />
      </PageState>
    </Drawer>
  );
}
