import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LISTING_OPEN_STATUSES } from '@duijie/shared';
import { ApiFailure } from '../../api/client';
import { keys } from '../../api/keys';
import { useMe } from '../../app/auth';
import { OfflineBanner } from '../../ui/offline-banner';
import { PageState } from '../../ui/page-state';
import { useEventDetail, useSession } from '../events/hooks/use-events';
import { RecommendationsDrawer } from '../matching/components/recommendations-drawer';
import type { RecommendationsFor } from '../matching/components/recommendations-drawer';
import './board.css';
import { boardTypes, newerSession } from './board-params';
import { BoardListingsCard } from './components/board-listings-card';
import { BoardSessionCard } from './components/board-session-card';
import { BoardTotalsView } from './components/board-totals';
import { useBoardListings } from './hooks/use-board-listings';
import { useBoardParams } from './hooks/use-board-params';
import { useLiveBoard } from './hooks/use-live-board';

/** Shown when there is no board yet and no connection to get one. */
const OFFLINE = new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });

export function BoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id: sessionId = '' } = useParams();
  const queryClient = useQueryClient();
  const live = useLiveBoard(sessionId);
  const board = live.board;
  const session = useSession(sessionId);
  const s = newerSession(board?.session, session.data);
  const event = useEventDetail(s?.eventId);
  const totals = board?.totals;

  const types = s ? boardTypes(s, totals) : [];
  const view = useBoardParams(types);
  const listings = useBoardListings(sessionId, board, view);
  const { withdrawnView, withdrawn } = listings;
  const boardError = live.error ?? (!board && live.status === 'offline' ? OFFLINE : null);
  const [recommendationsFor, setRecommendationsFor] = useState<RecommendationsFor | null>(null);

  // A fresh snapshot of the live board, and the session and withdrawn pages (under the session key).
  const resync = () => {
    live.resync();
    void queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });
  };

  const canPost = me.role !== 'organiser' && s !== undefined && LISTING_OPEN_STATUSES.includes(s.status);

  return (
    <div data-testid="board" data-seq={board?.seq}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/events">{t('events.title')}</Link> },
          { title: s ? <Link to={`/events/${s.eventId}`}>{event.data?.name ?? t('board.event')}</Link> : '…' },
          { title: s?.title ?? '…' },
        ]}
      />
      {board ? <OfflineBanner offline={live.status === 'offline'} savedAt={live.syncedAt} timeZone={event.data?.timeZone} /> : null}
      <PageState loading={!s && session.isPending} error={s ? null : session.error} onRetry={() => void session.refetch()}>
        {s ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <BoardSessionCard
              session={s}
              connection={live.status}
              canPost={canPost}
              canAdvance={me.role === 'organiser'}
              syncing={live.syncing || session.isFetching || (withdrawnView && withdrawn.isFetching)}
              onResync={resync}
            />

            <PageState loading={!board && boardError === null} error={boardError} onRetry={live.resync}>
              {totals ? <BoardTotalsView totals={totals} /> : null}
            </PageState>

            {board ? (
              <BoardListingsCard
                types={types}
                totals={board.totals}
                view={view}
                listings={listings}
                showsMatchesOf={(l) => me.role === 'organiser' || l.organisationId === me.organisation.id}
                onShowMatches={(l) => setRecommendationsFor({ id: l.id, title: l.title, organisationId: l.organisationId })}
              />
            ) : null}
          </Space>
        ) : null}
      </PageState>
      <RecommendationsDrawer listing={recommendationsFor} onClose={() => setRecommendationsFor(null)} />
    </div>
  );
}
