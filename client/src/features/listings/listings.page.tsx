import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LISTING_OPEN_STATUSES } from '@duijie/shared';
import type { ListingView } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { PageState } from '../../ui/page-state';
import { useMyParticipations } from '../events/hooks/use-events';
import { RecommendationsDrawer } from '../matching/components/recommendations-drawer';
import { HistoryDrawer } from './components/history-drawer';
import { ListingFormModal } from './components/listing-form-modal';
import { MyListingsTable } from './components/my-listings-table';
import { WithdrawListingModal } from './components/withdraw-listing-modal';
import { useMyListings, useSessionsById } from './hooks/use-listings';
import { sessionChoices } from './listing-sessions';

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; listing: ListingView };

export function MyListingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const presetSession = params.get('session') ?? undefined;
  const listings = useMyListings();
  const participations = useMyParticipations(me.role !== 'organiser');
  const [dialog, setDialog] = useState<Dialog>(() => (presetSession ? { kind: 'create' } : { kind: 'none' }));
  const [withdrawing, setWithdrawing] = useState<ListingView | null>(null);
  const [historyOf, setHistoryOf] = useState<ListingView | null>(null);
  // The listing whose recommendations are open lives in the URL (?matches=id), so a match notice can link to it.
  const matchesOf = params.get('matches');
  const recommendationsFor = (listings.data ?? []).find((l) => l.id === matchesOf) ?? null;
  const showMatches = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('matches');
    else next.set('matches', id);
    setParams(next, { replace: id === null });
  };

  const approved = useMemo(() => (participations.data ?? []).filter((p) => p.status === 'approved'), [participations.data]);
  const sessions = useSessionsById([...approved.map((p) => p.sessionId), ...(listings.data ?? []).map((l) => l.sessionId)]);
  const choices = sessionChoices(approved, sessions);
  const canCreate = choices.some((c) => LISTING_OPEN_STATUSES.includes(c.session.status));

  const closeDialog = () => {
    setDialog({ kind: 'none' });
    if (presetSession) {
      const next = new URLSearchParams(params);
      next.delete('session');
      setParams(next, { replace: true });
    }
  };

  const createButton = (
    <Tooltip title={canCreate ? undefined : t('listing.createBlocked')}>
      <Button type="primary" icon={<PlusOutlined />} disabled={!canCreate} onClick={() => setDialog({ kind: 'create' })} data-testid="listing-create">
        {t('listing.create')}
      </Button>
    </Tooltip>
  );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('listing.myTitle')}
        </Typography.Title>
        {me.role === 'organiser' ? null : createButton}
      </Flex>
      <PageState
        loading={listings.isPending}
        error={listings.error}
        empty={listings.data?.length === 0}
        emptyText={t('listing.empty')}
        onRetry={() => void listings.refetch()}
      >
        <MyListingsTable
          listings={listings.data}
          sessions={sessions}
          onShowMatches={showMatches}
          onEdit={(listing) => setDialog({ kind: 'edit', listing })}
          onWithdraw={setWithdrawing}
          onHistory={setHistoryOf}
        />
      </PageState>
      <ListingFormModal
        open={dialog.kind !== 'none'}
        choices={choices}
        listing={dialog.kind === 'edit' ? dialog.listing : undefined}
        initialSessionId={presetSession}
        onClose={closeDialog}
      />
      <WithdrawListingModal listing={withdrawing} onClose={() => setWithdrawing(null)} />
      <RecommendationsDrawer listing={recommendationsFor} onClose={() => showMatches(null)} />
      <HistoryDrawer listingId={historyOf?.id ?? null} title={historyOf?.title} onClose={() => setHistoryOf(null)} />
    </>
  );
}
