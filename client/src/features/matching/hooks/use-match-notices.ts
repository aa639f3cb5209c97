import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MatchNotice } from '@duijie/shared';
import { keys } from '../../../api/keys';
import { getSocket, onSocketChange } from '../../../api/socket';

/**
 * Follows strong new matches for my organisation's listings (`match:new`, sent to the
 * organisation's room): the listing's cached recommendations are refreshed, and `onNotice`
 * tells the user.
 */
export function useMatchNotices(onNotice: (notice: MatchNotice) => void, enabled: boolean): void {
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);

  useEffect(() => onSocketChange(() => setGeneration((g) => g + 1)), []);

  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    if (!socket) return;
    const onMatch = (notice: MatchNotice) => {
      void queryClient.invalidateQueries({ queryKey: keys.matchesOf(notice.listingId) });
      onNotice(notice);
    };
    socket.on('match:new', onMatch);
    return () => {
      socket.off('match:new', onMatch);
    };
  }, [queryClient, generation, onNotice, enabled]);
}
