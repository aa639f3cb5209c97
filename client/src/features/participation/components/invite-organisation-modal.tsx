import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES_BY_SESSION_KIND, organisationKindsFor, rolesFor } from '@duijie/shared';
import type { MatchSession, Organisation, ParticipantRole, SessionInvitationInput } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useOrganisations } from '../../organisation/hooks/use-organisations';
import { useInviteToSession } from '../hooks/use-participation';

type Props = { open: boolean; session: MatchSession; onClose: () => void };

/** Invites an approved organisation into an invitation-mode session in a fitting role. */
export function InviteOrganisationModal({ open, session, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('console.inviteOrgTitle', { session: session.title })} footer={null} onCancel={onClose} destroyOnHidden>
      <InviteOrganisationForm session={session} onDone={onClose} />
    </Modal>
  );
}

type InviteOrganisationFormProps = { session: MatchSession; onDone: () => void };

function InviteOrganisationForm({ session, onDone }: InviteOrganisationFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionInvitationInput>();
  const [q, setQ] = useState('');
  const organisations = useOrganisations({ status: 'approved', q: q === '' ? undefined : q, pageSize: 20 });
  const invite = useInviteToSession();
  const onFailure = useFailureHandler();
  const organisationId = Form.useWatch('organisationId', form);
  const [picked, setPicked] = useState<Organisation | undefined>(undefined);

  const roles: ParticipantRole[] = picked ? rolesFor(session.kind, picked.kind) : [...ROLES_BY_SESSION_KIND[session.kind]];

  return (
    <Form<SessionInvitationInput>
      form={form}
      layout="vertical"
      onValuesChange={(changed: Partial<SessionInvitationInput>) => {
        if (changed.organisationId !== undefined) {
          const org = organisations.data?.items.find((o) => o.id === changed.organisationId);
          setPicked(org);
          const role = form.getFieldValue('role') as ParticipantRole | undefined;
          if (org && role && !organisationKindsFor(session.kind, role).includes(org.kind)) form.setFieldValue('role', undefined);
        }
      }}
      onFinish={(values) =>
        invite.mutate(
          { sessionId: session.id, input: values },
          {
            onSuccess: () => {
              void message.success(t('console.invited'));
              onDone();
            },
            onError: (error) => onFailure(error, { form }),
          },
        )
      }
    >
      <Form.Item name="organisationId" label={t('fields.organisation')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select<string>
          data-testid="invite-org-select"
          placeholder={t('console.searchOrg')}
          loading={organisations.isFetching}
          showSearch={{ filterOption: false, onSearch: setQ }}
          notFoundContent={t('state.empty')}
          options={(organisations.data?.items ?? [])
            .filter((o) => o.kind !== 'organiser')
            .map((o) => ({ value: o.id, label: `${o.name} · ${labels.orgKind(o.kind)}` }))}
        />
      </Form.Item>
      <Form.Item name="role" label={t('fields.role')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          data-testid="invite-org-role"
          disabled={!organisationId}
          notFoundContent={t('console.noFittingRole')}
          options={roles.map((role) => ({ value: role, label: labels.role(role) }))}
        />
      </Form.Item>
      <FormFooter submitText={t('console.invite')} loading={invite.isPending} onCancel={onDone} submitTestId="invite-org-submit" />
    </Form>
  );
}
