import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type InstitutionRatingInput } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** The dealings my enterprise had with institutions, newest first, each with my rating if given. */
export function useRatableDealings(enabled = true) {
  return useQuery({
    queryKey: keys.myRatableDealings,
    queryFn: ({ signal }) => call(routes.ratings.ratable, {}, { signal }),
    enabled,
  });
}

/** My institution's average and one page of the ratings it received (no raters); the page shown stays while the next loads. */
export function useMyInstitutionRatings(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.myInstitutionRatings, { page, pageSize }],
    queryFn: ({ signal }) => call(routes.ratings.mine, { query: { page, pageSize } }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Each institution's averages in an event (organisers). */
export function useEventInstitutionRatings(eventId: string) {
  return useQuery({
    queryKey: keys.eventInstitutionRatings(eventId),
    queryFn: ({ signal }) => call(routes.ratings.forEvent, { params: { id: eventId } }, { signal }),
  });
}

/**
 * Rates an institution on a dealing. The caller keeps one Idempotency-Key per opened form, so
 * a retried submission is answered again rather than refused as a second rating.
 */
export function useRate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: InstitutionRatingInput; key: string }) => call(routes.ratings.rate, { body }, { headers: { 'Idempotency-Key': key } }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.myRatableDealings }),
  });
}
