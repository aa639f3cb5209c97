import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../../ui/page-state';
import { useOrganisationUsers } from '../hooks/use-organisations';
import { UsersTable } from './users-table';

type Props = {
  organisationId: string;
  /** The signed-in organiser. */
  meId: string;
};

/** An organisation's users as an organiser sees them in the console: roles, deactivation, login unlock. */
export function OrganisationUsers({ organisationId, meId }: Props) {
  const { t } = useTranslation();
  const users = useOrganisationUsers(organisationId, true);
  return (
    <div data-testid="organisation-users">
      <Typography.Title level={5}>{t('organisation.users')}</Typography.Title>
      <PageState loading={users.isPending} error={users.error} empty={users.data?.length === 0} onRetry={() => void users.refetch()}>
        <UsersTable users={users.data ?? []} canManage meId={meId} canUnlockLogin />
      </PageState>
    </div>
  );
}
