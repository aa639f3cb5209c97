import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../api/keys';
import { useSocketEvent } from '../../../api/socket';

/**
 * Keeps agreement screens live: the server tells each party (and organisers) when one of
 * their agreements changes, and the cached lists and details of it are refetched.
 */
export function useLiveAgreements(): void {
  const queryClient = useQueryClient();
  useSocketEvent('agreement:changed', (update) => {
    void queryClient.invalidateQueries({ queryKey: keys.myAgreements });
    void queryClient.invalidateQueries({ queryKey: keys.agreement(update.agreementId) });
    void queryClient.invalidateQueries({ queryKey: keys.sessionAgreements(update.sessionId) });
  });
}
