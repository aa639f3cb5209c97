import { App, AutoComplete, Button, Form, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes, SUGGESTED_DEPARTMENTS, type Department } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateDepartment, useDeleteDepartment, useDepartments, useOrganiserOrganisations } from '../hooks/use-coordination';

type Props = { eventId: string };
type Values = { name: string; organisationId: string };

/** The event's member departments: problems are routed to them; organisers add and remove them. */
export function DepartmentsPanel({ eventId }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments(eventId);
  const organisations = useOrganiserOrganisations();
  const create = useCreateDepartment(eventId);
  const remove = useDeleteDepartment(eventId);
  const failed = useFailureHandler();
  const taken = new Set((departments.data ?? []).map((d) => d.name));

  const confirmRemove = (d: Department) =>
    modal.confirm({
      title: t('coordination.removeDepartmentTitle', { name: d.name }),
      content: t('coordination.removeDepartmentBody'),
      okText: t('coordination.removeDepartment'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(d.id).catch((e: unknown) => failed(e)),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="departments-panel">
      <ExportButton route={routes.coordination.departmentsExport} args={{ params: { id: eventId } }} table="departments" />
      <PageState
        loading={departments.isLoading}
        error={departments.error}
        onRetry={() => void departments.refetch()}
        empty={departments.data?.length === 0}
        emptyText={t('coordination.noDepartments')}
      >
        <List<Department>
          size="small"
          bordered
          dataSource={departments.data ?? []}
          renderItem={(d) => (
            <List.Item
              data-testid={`department-${d.id}`}
              actions={[
                <Button key="remove" size="small" danger type="link" onClick={() => confirmRemove(d)}>
                  {t('coordination.removeDepartment')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={d.name}
                description={
                  <Typography.Text type="secondary">
                    {d.organisationName} · {t('coordination.openProblems', { count: d.openProblems })}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </PageState>
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(values) =>
          create.mutate(
            { name: values.name.trim(), organisationId: values.organisationId },
            { onSuccess: () => form.resetFields(), onError: (e) => failed(e, { form }) },
          )
        }
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('coordination.departmentNameRequired') }]}>
          <AutoComplete
            style={{ width: 220 }}
            placeholder={t('coordination.departmentName')}
            options={SUGGESTED_DEPARTMENTS.filter((n) => !taken.has(n)).map((n) => ({ value: n }))}
            maxLength={100}
            data-testid="department-name"
          />
        </Form.Item>
        <Form.Item name="organisationId" rules={[{ required: true, message: t('coordination.departmentOrganisationRequired') }]}>
          <Select
            style={{ width: 240 }}
            placeholder={t('coordination.departmentOrganisation')}
            loading={organisations.isLoading}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="department-organisation"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="department-add">
            {t('coordination.addDepartment')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
