import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationCreated, InvitationInput, UserRole } from '@duijie/shared';
import { CopyLink } from '../../../ui/copy-link';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateInvitation } from '../hooks/use-organisations';

const INVITABLE_ROLES: UserRole[] = ['org_admin', 'org_member'];

type Props = {
  open: boolean;
  organisationId: string;
  organisationName: string;
  onClose: () => void;
};

/** Invites a user to an organisation and shows the one-time link to pass on. */
export function InviteUserModal({ open, organisationId, organisationName, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('invite.createTitle', { name: organisationName })} footer={null} onCancel={onClose} destroyOnHidden>
      <InviteForm organisationId={organisationId} onDone={onClose} />
    </Modal>
  );
}

type InviteFormProps = { organisationId: string; onDone: () => void };

function InviteForm({ organisationId, onDone }: InviteFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<InvitationInput>();
  const invite = useCreateInvitation();
  const onFailure = useFailureHandler();
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  if (created) {
    return (
      <>
        <CopyLink url={created.url} email={created.email} expiresAt={created.expiresAt} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('invite.roleWillBe', { role: labels.userRole(created.role) })}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Form<InvitationInput>
      form={form}
      layout="vertical"
      initialValues={{ role: 'org_member' }}
      onFinish={(values) =>
        invite.mutate(
          { organisationId, input: { email: values.email.trim(), role: values.role } },
          { onSuccess: setCreated, onError: (error) => onFailure(error, { form }) },
        )
      }
    >
      <Form.Item
        name="email"
        label={t('fields.email')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'email', message: t('validation.email') },
        ]}
      >
        <Input data-testid="invite-email" />
      </Form.Item>
      <Form.Item name="role" label={t('fields.userRole')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select data-testid="invite-role" options={INVITABLE_ROLES.map((role) => ({ value: role, label: labels.userRole(role) }))} />
      </Form.Item>
      <FormFooter submitText={t('invite.send')} loading={invite.isPending} onCancel={onDone} submitTestId="invite-create-submit" />
    </Form>
  );
}
