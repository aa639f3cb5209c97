import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { useApproveOrganisation, useReinstateOrganisation } from './use-organisations';

export type OrganisationActions = {
  /** The organisation being approved or reinstated, for the busy button. */
  approvingId: string | undefined;
  reinstatingId: string | undefined;
  approve: (organisation: Organisation) => void;
  reinstate: (organisation: Organisation) => void;
};

/**
 * The one-click decisions on an organisation (those without a reason). Held by the tab rather
 * than the table, which unmounts while a page loads and would drop the callbacks of a decision
 * still on its way.
 */
export function useOrganisationActions(): OrganisationActions {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApproveOrganisation();
  const reinstate = useReinstateOrganisation();
  const onFailure = useFailureHandler();
  return {
    approvingId: approve.isPending ? approve.variables : undefined,
    reinstatingId: reinstate.isPending ? reinstate.variables : undefined,
    approve: (o) =>
      approve.mutate(o.id, {
        onSuccess: () => {
          void message.success(t('console.approved', { name: o.name }));
        },
        onError: (error) => onFailure(error),
      }),
    reinstate: (o) => reinstate.mutate(o.id, { onError: (error) => onFailure(error) }),
  };
}
