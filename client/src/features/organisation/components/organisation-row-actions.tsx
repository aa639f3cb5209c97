import { CheckOutlined, CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '@duijie/shared';
import type { OrganisationActions } from '../hooks/use-organisation-actions';

/** What the table's action buttons do; the one-click decisions plus the dialogs that ask for more. */
export type OrganisationRowHandlers = OrganisationActions & {
  onReject: (organisation: Organisation) => void;
  onSuspend: (organisation: Organisation) => void;
  onInviteUser: (organisation: Organisation) => void;
};

type Props = {
  organisation: Organisation;
  /** An organiser may not suspend their own organisation. */
  isOwn: boolean;
  handlers: OrganisationRowHandlers;
};

/** The decisions open for an organisation in its status. */
export function OrganisationRowActions({ organisation: o, isOwn, handlers }: Props) {
  const { t } = useTranslation();
  const { approvingId, reinstatingId, approve, reinstate, onReject, onSuspend, onInviteUser } = handlers;
  return (
    <Space size={4} wrap>
      {o.status === 'pending' ? (
        <>
          <Button size="small" type="primary" icon={<CheckOutlined />} loading={approvingId === o.id} onClick={() => approve(o)} data-testid="org-approve">
            {t('console.approve')}
          </Button>
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => onReject(o)} data-testid="org-reject">
            {t('console.reject')}
          </Button>
        </>
      ) : null}
      {o.status === 'approved' ? (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => onInviteUser(o)} data-testid="org-invite-user">
          {t('console.inviteUser')}
        </Button>
      ) : null}
      {o.status === 'approved' && !isOwn ? (
        <Button size="small" danger onClick={() => onSuspend(o)} data-testid="org-suspend">
          {t('console.suspend')}
        </Button>
      ) : null}
      {o.status === 'suspended' ? (
        <Button size="small" loading={reinstatingId === o.id} onClick={() => reinstate(o)} data-testid="org-reinstate">
          {t('console.reinstate')}
        </Button>
      ) : null}
    </Space>
  );
}
