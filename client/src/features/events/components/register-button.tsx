import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_OPEN_STATUSES, rolesFor } from '@duijie/shared';
import type { MatchSession, Me, Participation, ParticipantRole } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { ParticipationStatusTag } from '../../../ui/status-tag';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRegisterForSession } from '../hooks/use-events';

type Props = {
  session: MatchSession;
  me: Me;
  /** My organisation's participation in this session, if any. */
  participation: Participation | undefined;
};

/** Roles my organisation may take in a session of this kind (traders may supply in some kinds, not others). */
export function fittingRoles(session: MatchSession, me: Me): ParticipantRole[] {
  return rolesFor(session.kind, me.organisation.kind);
}

/**
 * Registers my organisation for a session in a role that fits both the session kind and the
 * organisation kind; disabled with the reason when registration is not possible.
 */
export function RegisterButton({ session, me, participation }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const register = useRegisterForSession();
  const onFailure = useFailureHandler();

  if (participation && participation.status !== 'invited' && participation.status !== 'withdrawn') {
    return (
      <Tooltip title={participation.reason ?? undefined}>
        <Space size={4} data-testid="session-participation">
          <span>{labels.role(participation.role)}</span>
          <ParticipationStatusTag status={participation.status} />
        </Space>
      </Tooltip>
    );
  }

  const invited = participation?.status === 'invited';
  const roles = invited && participation ? [participation.role] : fittingRoles(session, me);

  let blocked: string | null = null;
  if (me.organisation.status !== 'approved') blocked = t('register.blockedOrgPending');
  else if (!REGISTRATION_OPEN_STATUSES.includes(session.status)) {
    blocked = t('register.blockedNotOpen', { status: labels.sessionStatus(session.status) });
  } else if (session.registrationMode === 'invitation' && !invited) blocked = t('register.blockedInvitation');
  else if (roles.length === 0) blocked = t('register.blockedKind', { kind: labels.orgKind(me.organisation.kind) });

  if (blocked !== null) {
    return (
      <Tooltip title={blocked}>
        <Button size="small" disabled data-testid="session-register">
          {t('register.button')}
        </Button>
      </Tooltip>
    );
  }

  const items: MenuProps['items'] = roles.map((role) => ({
    key: role,
    label: <span data-testid={`session-register-role-${role}`}>{t('register.asRole', { role: labels.role(role) })}</span>,
  }));

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const role = roles.find((r) => r === key);
    if (!role) return;
    register.mutate(
      { sessionId: session.id, role },
      {
        onSuccess: (created) => {
          void message.success(created.status === 'approved' ? t('register.doneApproved') : t('register.donePending'));
        },
        onError: (error) => onFailure(error),
      },
    );
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button size="small" type="primary" loading={register.isPending} data-testid="session-register">
        {invited ? t('register.acceptInvitation') : t('register.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
