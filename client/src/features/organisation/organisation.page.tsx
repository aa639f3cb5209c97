import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { isApproved } from '../../app/guards';
import { PageState } from '../../ui/page-state';
import { InviteUserModal } from './components/invite-user-modal';
import { OrganisationDetails } from './components/organisation-details';
import { OrganisationEditModal } from './components/organisation-edit-modal';
import { UsersTable } from './components/users-table';
import { useOrganisation, useOrganisationUsers } from './hooks/use-organisations';

export function MyOrganisationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.role === 'org_admin' || me.role === 'organiser';
  // Users are managed once the organisation is approved; until then only its registration.
  const canManageUsers = canManage && isApproved(me);
  const organisation = useOrganisation(me.organisation.id);
  const users = useOrganisationUsers(me.organisation.id, canManageUsers);
  const [editing, setEditing] = useState(false);
  const [inviting, setInviting] = useState(false);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('organisation.title')}
      </Typography.Title>
      <Card
        title={me.organisation.name}
        // The organisation's full name wraps rather than being cut on a phone.
        styles={{ title: { whiteSpace: 'normal' } }}
        extra={
          canManage && organisation.data ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="org-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <PageState loading={organisation.isPending} error={organisation.error} onRetry={() => void organisation.refetch()}>
          {organisation.data ? <OrganisationDetails organisation={organisation.data} /> : null}
        </PageState>
      </Card>
      {canManageUsers ? (
        <Card
          title={t('organisation.users')}
          extra={
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="user-invite">
              {t('organisation.invite')}
            </Button>
          }
        >
          <PageState loading={users.isPending} error={users.error} empty={users.data?.length === 0} onRetry={() => void users.refetch()}>
            <UsersTable users={users.data ?? []} canManage={canManage} meId={me.id} canUnlockLogin={me.role === 'organiser'} />
          </PageState>
        </Card>
      ) : null}
      {organisation.data ? <OrganisationEditModal open={editing} organisation={organisation.data} onClose={() => setEditing(false)} /> : null}
      <InviteUserModal open={inviting} organisationId={me.organisation.id} organisationName={me.organisation.name} onClose={() => setInviting(false)} />
    </Space>
  );
}
