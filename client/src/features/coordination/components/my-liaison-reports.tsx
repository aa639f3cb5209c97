import { App, Button, Card, Checkbox, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiaisonReportFields, Obligation } from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { LIAISON_FIELDS, liaisonFields } from '../coordination-values';
import { useFileLiaisonReport, useFileUrgentLiaisonReport, useMyLiaisonReports } from '../hooks/use-coordination';
import { ReportItem } from './liaison-panel';

type Values = Partial<LiaisonReportFields> & { urgent?: boolean };
/** What the form files: a report owed, or an urgent one outside the cadence for an event. */
type Target = { obligation: Obligation } | { urgentFor: string };

/** A key enterprise's operating reports: those owed (soonest first) with the form to file one, an urgent report, and those filed. */
export function MyLiaisonReports() {
  const { t } = useTranslation();
  const mine = useMyLiaisonReports();
  const [target, setTarget] = useState<Target | null>(null);
  // An organisation that is no key enterprise (nothing owed, nothing filed) sees nothing of this.
  if (mine.data && mine.data.owed.length === 0 && mine.data.filed.length === 0) return null;
  const events = [...new Set([...(mine.data?.owed ?? []).map((o) => o.eventId), ...(mine.data?.filed ?? []).map((r) => r.eventId)])];
  return (
    <Card size="small" title={t('coordination.liaisonTitle')}>
      <PageState loading={mine.isLoading} error={mine.error} onRetry={() => void mine.refetch()}>
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="my-liaison-reports">
          <List<Obligation>
            header={<Typography.Text type="secondary">{t('coordination.reportsOwed')}</Typography.Text>}
            dataSource={mine.data?.owed ?? []}
            locale={{ emptyText: t('coordination.nothingOwed') }}
            renderItem={(o) => (
              <List.Item
                data-testid={`liaison-owed-${o.id}`}
                actions={[
                  <Button key="file" type="primary" size="small" onClick={() => setTarget({ obligation: o })} data-testid={`liaison-file-${o.id}`}>
                    {t('coordination.fileReport')}
                  </Button>,
                ]}
              >
                <Space wrap size={4}>
                  <span>{t('coordination.operatingReport', { seq: o.subject.seq })}</span>
                  <Typography.Text type={o.timing === 'overdue' ? 'danger' : 'secondary'}>{t('coordination.dueOn', { day: o.dueOn })}</Typography.Text>
                  {o.timing === 'overdue' ? <Tag color="red">{t('coordination.overdue')}</Tag> : null}
                  {o.state === 'returned' ? <Tag color="orange">{t('coordination.returned', { reason: o.returnReason ?? '' })}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
          {events.map((eventId) => (
            <Button key={eventId} danger onClick={() => setTarget({ urgentFor: eventId })} data-testid="liaison-urgent">
              {t('coordination.urgentReportNow')}
            </Button>
          ))}
          {(mine.data?.filed.length ?? 0) > 0 ? (
            <List
              header={<Typography.Text type="secondary">{t('coordination.reportsFiled')}</Typography.Text>}
              dataSource={mine.data?.filed.slice(0, 5) ?? []}
              renderItem={(r) => <ReportItem report={r} />}
            />
          ) : null}
        </Space>
        <ReportForm target={target} onClose={() => setTarget(null)} />
      </PageState>
    </Card>
  );
}

function ReportForm({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const file = useFileLiaisonReport();
  const urgent = useFileUrgentLiaisonReport();
  const failed = useFailureHandler();
  const outside = target !== null && 'urgentFor' in target;
  const done = () => {
    void message.success(t('coordination.reportFiled'));
    key.current = newIdempotencyKey();
    onClose();
  };
  const submit = (values: Values) => {
    if (!target) return;
    const fields = liaisonFields(values);
    if ('urgentFor' in target) {
      urgent.mutate({ eventId: target.urgentFor, body: fields, key: key.current }, { onSuccess: done, onError: (e) => failed(e, { form }) });
    } else {
      const { obligation } = target;
      file.mutate(
        { obligationId: obligation.id, body: { ...fields, urgent: values.urgent === true, version: obligation.version }, key: key.current },
        { onSuccess: done, onError: (e) => failed(e, { form, onStale: onClose }) },
      );
    }
  };
  return (
    <Modal
      open={target !== null}
      title={
        target === null || 'urgentFor' in target ? t('coordination.urgentReportNow') : t('coordination.operatingReport', { seq: target.obligation.subject.seq })
      }
      okText={t('coordination.submitReport')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: file.isPending || urgent.isPending, danger: outside, ...{ 'data-testid': 'liaison-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {LIAISON_FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`coordination.fields.${f}`)}
            rules={outside && f === 'difficulties' ? [{ required: true, whitespace: true, message: t('coordination.difficultiesRequired') }] : []}
          >
            <Input.TextArea rows={f === 'difficulties' ? 3 : 1} maxLength={f === 'difficulties' ? 2000 : 500} data-testid={`liaison-${f}`} />
          </Form.Item>
        ))}
        {outside ? null : (
          <Form.Item name="urgent" valuePropName="checked" extra={t('coordination.urgentReportHint')}>
            <Checkbox data-testid="liaison-urgent-check">{t('coordination.markUrgent')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
