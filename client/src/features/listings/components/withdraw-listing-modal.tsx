import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListingView } from '@duijie/shared';
import { ReasonModal } from '../../../ui/reason-modal';
import { useFailureHandler } from '../../../ui/use-failure';
import { useReloadListings, useWithdrawListing } from '../hooks/use-listings';

type Props = {
  /** The listing to withdraw; the modal is closed when null. */
  listing: ListingView | null;
  onClose: () => void;
};

/** Asks for an optional reason, then withdraws the listing (the version shown, so a stale one is refused). */
export function WithdrawListingModal({ listing: withdrawing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = useWithdrawListing();
  const reload = useReloadListings();
  const onFailure = useFailureHandler();
  return (
    <ReasonModal
      open={withdrawing !== null}
      title={t('listing.withdrawTitle')}
      description={withdrawing ? t('listing.withdrawBody', { title: withdrawing.title }) : undefined}
      required={false}
      okText={t('listing.withdraw')}
      loading={withdraw.isPending}
      onCancel={onClose}
      onSubmit={(reason) => {
        if (!withdrawing) return;
        const listing = withdrawing;
        withdraw.mutate(
          { listing, input: { version: listing.version, reason: reason === '' ? undefined : reason } },
          {
            onSuccess: () => {
              void message.success(t('listing.withdrawn'));
              onClose();
            },
            onError: (error) =>
              onFailure(error, {
                onStale: () => {
                  void reload(listing);
                  onClose();
                },
              }),
          },
        );
      }}
    />
  );
}
