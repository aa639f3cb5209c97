import { ReloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Segmented, Space, Switch, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingPublic } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { useLanguage } from '../../../app/use-language';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { MeetingRequestModal } from '../../meetings/components/meeting-request-modal';
import type { MeetingTarget } from '../../meetings/components/meeting-request-modal';
import { liveRequestTo, useMyMeetingRequests } from '../../meetings/hooks/use-meeting-requests';
import { useBookmarkMatch, useDismissMatch, useMatches } from '../hooks/use-matches';
import '../matching.css';
import { MatchCard } from './match-card';

/** The listing whose recommendations are shown. */
export type RecommendationsFor = { id: string; title: string; organisationId: string };

type Props = {
  /** Closed when null. */
  listing: RecommendationsFor | null;
  onClose: () => void;
};

type Show = 'all' | 'bookmarked';

/** 推荐对接: the best counterparts of one of my listings, explained, with what to do about each. */
export function RecommendationsDrawer({ listing, onClose }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={listing !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      title={
        <Space orientation="vertical" size={0}>
          <span>{t('matching.title')}</span>
          {listing ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} data-testid="matches-for">
              {listing.title}
            </Typography.Text>
          ) : null}
        </Space>
      }
      rootClassName="recommendations-drawer"
    >
      {listing ? <Recommendations listing={listing} /> : null}
    </Drawer>
  );
}

type ContentProps = { listing: RecommendationsFor };

function Recommendations({ listing }: ContentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const me = useMe();
  const onFailure = useFailureHandler();
  const organiser = me.role === 'organiser';
  // Organisers may look at the near misses too (the API refuses the flag to anyone else).
  const [includeIneligible, setIncludeIneligible] = useState(false);
  const matches = useMatches(listing.id, lang, organiser && includeIneligible);
  const mine = listing.organisationId === me.organisation.id;
  const requests = useMyMeetingRequests(mine);
  const bookmark = useBookmarkMatch();
  const dismiss = useDismissMatch();
  const [show, setShow] = useState<Show>('all');
  const [asking, setAsking] = useState<MeetingTarget | null>(null);

  const all = matches.data ?? [];
  const shown = show === 'bookmarked' ? all.filter((m) => m.bookmarked) : all;
  const requestTo = (counterpart: ListingPublic) => liveRequestTo(requests.data, me.organisation.id, counterpart);

  return (
    <div data-testid="recommendations-body" data-loaded={matches.isSuccess && !matches.isPlaceholderData}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1, minWidth: 240 }}>
          {t('matching.intro')}
        </Typography.Text>
        <Space wrap>
          {organiser ? (
            <Tooltip title={t('matching.includeIneligibleHint')}>
              <Space size={6}>
                <Switch size="small" checked={includeIneligible} onChange={setIncludeIneligible} data-testid="matches-include-ineligible" />
                <Typography.Text>{t('matching.includeIneligible')}</Typography.Text>
              </Space>
            </Tooltip>
          ) : null}
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'all', label: t('matching.showAll') },
              { value: 'bookmarked', label: t('matching.showBookmarked') },
            ]}
            data-testid="matches-filter"
          />
          <Button
            icon={<ReloadOutlined />}
            loading={matches.isFetching}
            onClick={() => void matches.refetch()}
            aria-label={t('common.refresh')}
            data-testid="matches-refresh"
          />
        </Space>
      </Flex>
      <PageState
        loading={matches.isPending}
        error={matches.error}
        empty={shown.length === 0}
        emptyText={show === 'bookmarked' ? t('matching.noBookmarks') : t('matching.empty')}
        onRetry={() => void matches.refetch()}
      >
        <Flex vertical gap={12} data-testid="match-list">
          {shown.map((match) => (
            <MatchCard
              key={match.listing.id}
              match={match}
              request={requestTo(match.listing)}
              guarantorRequest={match.guarantor ? requestTo(match.guarantor.listing) : undefined}
              canAct={mine && match.eligible}
              onAsk={(counterpart) => setAsking({ counterpart, from: { id: listing.id, title: listing.title } })}
              onBookmark={(on) => bookmark.mutate({ listingId: listing.id, counterpartId: match.listing.id, on }, { onError: (error) => onFailure(error) })}
              onDismiss={() => dismiss.mutate({ listingId: listing.id, counterpartId: match.listing.id }, { onError: (error) => onFailure(error) })}
              dismissing={dismiss.isPending && dismiss.variables.counterpartId === match.listing.id}
            />
          ))}
        </Flex>
      </PageState>
      <MeetingRequestModal target={asking} onClose={() => setAsking(null)} />
    </div>
  );
}
