import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type FiguresQuery } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';
import { useSocketEvent } from '../../../api/socket';

/** An event's results, read again whenever the server says they changed (coalesced per event). */
export function useFigures(eventId: string | undefined, query: FiguresQuery) {
  const client = useQueryClient();
  useSocketEvent(
    'figures:changed',
    (update) => {
      if (update.eventId === eventId) void client.invalidateQueries({ queryKey: keys.figuresAll(update.eventId) });
    },
    eventId !== undefined,
  );
  return useQuery({
    queryKey: keys.figures(eventId ?? '', query),
    queryFn: ({ signal }) => call(routes.figures.event, { params: { id: eventId ?? '' }, query }, { signal }),
    enabled: eventId !== undefined,
    placeholderData: keepPreviousData,
  });
}
