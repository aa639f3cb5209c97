import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { routes, type ListingView } from '@duijie/shared';
import { call } from '../../../api/client';
import { useMe } from '../../../app/auth';
import { ListingDetails } from '../../listings/components/listing-fields';

type Props = { listing: ListingView };

/**
 * The live board carries public projections only. The owner and organisers see the
 * confidential part too, fetched over HTTP when they open the row, never pushed to the room.
 */
export function BoardListingDetails({ listing }: Props) {
  const me = useMe();
  const maySeeConfidential = me.role === 'organiser' || me.organisation.id === listing.organisationId;
  const full = useQuery({
    queryKey: ['listing', listing.id, listing.version],
    queryFn: ({ signal }) => call(routes.listings.get, { params: { id: listing.id } }, { signal }),
    enabled: maySeeConfidential,
  });
  if (maySeeConfidential && full.isPending) return <Spin size="small" />;
  return <ListingDetails listing={full.data ?? listing} />;
}
