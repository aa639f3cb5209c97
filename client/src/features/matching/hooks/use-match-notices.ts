import { useQueryClient } from '@tanstack/react-query';
import type { MatchNotice } from '@duijie/shared';
import { keys } from '../../../api/keys';
import { useSocketEvent } from '../../../api/socket';

/**
 * Follows strong new matches for my organisation's listings (`match:new`, sent to the
 * organisation's room): the listing's cached recommendations are refreshed, and `onNotice`
 * tells the user.
 */
export function useMatchNotices(onNotice: (notice: MatchNotice) => void, enabled: boolean): void {
  const queryClient = useQueryClient();
  useSocketEvent(
    'match:new',
    (notice) => {
      void queryClient.invalidateQueries({ queryKey: keys.matchesOf(notice.listingId) });
      onNotice(notice);
    },
    enabled,
  );
}
