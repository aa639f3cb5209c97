import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AgreementChanged } from '@duijie/shared';
import { getSocket, onSocketChange } from '../../../api/socket';
import { keys } from '../../../api/keys';

/**
 * Keeps agreement screens live: the server tells each party (and organisers) when one of
 * their agreements changes, and the cached lists and details of it are refetched.
 */
export function useLiveAgreements(): void {
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);

  useEffect(() => onSocketChange(() => setGeneration((g) => g + 1)), []);

  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const onChanged = (update: AgreementChanged) => {
      void queryClient.invalidateQueries({ queryKey: keys.myAgreements });
      void queryClient.invalidateQueries({ queryKey: keys.agreement(update.agreementId) });
      void queryClient.invalidateQueries({ queryKey: keys.sessionAgreements(update.sessionId) });
    };
    socket.on('agreement:changed', onChanged);
    return () => {
      socket.off('agreement:changed', onChanged);
    };
  }, [queryClient, generation]);
}
