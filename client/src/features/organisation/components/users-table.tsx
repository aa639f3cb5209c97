import { App, Button, Popconfirm, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User, UserRole } from '@duijie/shared';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { ResponsiveList } from '../../../ui/responsive-list';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useUnlockLogin, useUpdateUser } from '../hooks/use-organisations';

const ORG_ROLES: UserRole[] = ['org_admin', 'org_member'];

type Props = {
  users: User[];
  /** Org admins and organisers may change roles and deactivate users. */
  canManage: boolean;
  /** The signed-in user, who may not demote or deactivate themselves. */
  meId: string;
  /** Organisers may lift an account's login protection (after many failed logins from elsewhere). */
  canUnlockLogin: boolean;
};

export function UsersTable({ users, canManage, meId, canUnlockLogin }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const update = useUpdateUser();
  const unlock = useUnlockLogin();
  const onFailure = useFailureHandler();

  const unlockLogin = (user: User) =>
    unlock.mutateAsync(user).then(
      ({ wasProtected }) => void message.success(t(wasProtected ? 'users.unlocked' : 'users.notProtected')),
      (error: unknown) => onFailure(error),
    );

  const save = (user: User, input: { role?: UserRole; active?: boolean }) =>
    update.mutateAsync({ user, input }).then(
      () => {
        void message.success(t('common.saved'));
      },
      (error: unknown) => onFailure(error),
    );

  const columns: TableColumnsType<User> = [
    { title: t('fields.displayName'), dataIndex: 'displayName' },
    { title: t('fields.email'), dataIndex: 'email' },
    {
      title: t('fields.userRole'),
      dataIndex: 'role',
      render: (_v, user) =>
        canManage && user.id !== meId && user.role !== 'organiser' ? (
          <Select<UserRole>
            size="small"
            value={user.role}
            style={{ width: 140 }}
            options={ORG_ROLES.map((role) => ({
              value: role,
              label: labels.userRole(role),
            }))}
            onChange={(role) => void save(user, { role })}
            data-testid="user-role"
          />
        ) : (
          labels.userRole(user.role)
        ),
    },
    {
      title: t('fields.status'),
      dataIndex: 'active',
      render: (_v, user) => (user.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
    },
    {
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      render: (_v, user) => formatDateTime(user.createdAt, EVENT_TIME_ZONE),
    },
  ];

  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, user) => {
        if (user.id === meId) return null;
        const unlockButton = canUnlockLogin ? (
          <Popconfirm
            title={t('users.unlockLoginTitle')}
            description={t('users.unlockLoginBody', { name: user.displayName })}
            okText={t('users.unlockLogin')}
            cancelText={t('common.cancel')}
            onConfirm={() => void unlockLogin(user)}
          >
            <Button size="small" loading={unlock.isPending && unlock.variables?.id === user.id} data-testid="user-unlock-login">
              {t('users.unlockLogin')}
            </Button>
          </Popconfirm>
        ) : null;
        if (!user.active) {
          return (
            <Button size="small" onClick={() => void save(user, { active: true })} data-testid="user-activate">
              {t('users.activate')}
            </Button>
          );
        }
        return (
          <Space size="small">
            {unlockButton}
            <Popconfirm
              title={t('users.deactivateTitle')}
              description={t('users.deactivateBody', {
                name: user.displayName,
              })}
              okText={t('users.deactivate')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => void save(user, { active: false })}
            >
              <Button size="small" danger data-testid="user-deactivate">
                {t('users.deactivate')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  return (
    <ResponsiveList<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      pagination={false}
      testId="users"
      // On a phone: the name and status on top, then the e-mail, role and date, and the actions.
      cardTitle="displayName"
      cardExtra="active"
      cardFacts={['email', 'role', 'createdAt']}
      cardActions={['actions']}
      tableProps={{ size: 'middle', onRow: () => rowTestId('user-row'), scroll: { x: 'max-content' } }}
    />
  );
}
