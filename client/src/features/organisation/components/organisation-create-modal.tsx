import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useFailureHandler } from '../../../ui/use-failure';
import { OrganisationFields } from './organisation-fields';
import { useCreateOrganisation } from '../hooks/use-organisations';

type Props = { open: boolean; onClose: () => void };

/** An organiser registers an organisation directly; it is approved at once. */
export function OrganisationCreateModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('console.createOrgTitle')} footer={null} onCancel={onClose} destroyOnHidden width={720}>
      <CreateForm onDone={onClose} />
    </Modal>
  );
}

type CreateFormProps = { onDone: () => void };

function CreateForm({ onDone }: CreateFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganisationInput>();
  const create = useCreateOrganisation();
  const onFailure = useFailureHandler();
  return (
    <Form<OrganisationInput>
      form={form}
      layout="vertical"
      onFinish={(values) =>
        create.mutate(
          { ...values, name: values.name.trim() },
          {
            onSuccess: (org) => {
              void message.success(t('console.orgCreated', { name: org.name }));
              onDone();
            },
            onError: (error) => onFailure(error, { form }),
          },
        )
      }
    >
      <OrganisationFields mode="create" />
      <FormFooter submitText={t('common.create')} loading={create.isPending} onCancel={onDone} submitTestId="org-create-submit" />
    </Form>
  );
}
