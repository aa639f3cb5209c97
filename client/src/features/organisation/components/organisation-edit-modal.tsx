import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationUpdateInput } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useFailureHandler } from '../../../ui/use-failure';
import { useUpdateOrganisation } from '../hooks/use-organisations';
import { OrganisationFields } from './organisation-fields';

type Props = { open: boolean; organisation: Organisation; onClose: () => void };

export function OrganisationEditModal({ open, organisation, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('organisation.editTitle')} footer={null} onCancel={onClose} destroyOnHidden width={720}>
      <EditForm organisation={organisation} onDone={onClose} />
    </Modal>
  );
}

type EditFormProps = { organisation: Organisation; onDone: () => void };

function EditForm({ organisation, onDone }: EditFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Required<OrganisationUpdateInput>>();
  const update = useUpdateOrganisation();
  const onFailure = useFailureHandler();
  return (
    <Form<Required<OrganisationUpdateInput>>
      form={form}
      layout="vertical"
      initialValues={{
        name: organisation.name,
        industry: organisation.industry,
        region: organisation.region,
        size: organisation.size,
        contactName: organisation.contactName,
        contactPhone: organisation.contactPhone,
      }}
      onFinish={(values) =>
        update.mutate(
          { id: organisation.id, input: { ...values, name: values.name.trim() } },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onDone();
            },
            onError: (error) => onFailure(error, { form }),
          },
        )
      }
    >
      <OrganisationFields mode="edit" />
      <FormFooter submitText={t('common.save')} loading={update.isPending} onCancel={onDone} submitTestId="org-edit-submit" />
    </Form>
  );
}
