import { Button, App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MatchNotice } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { useMatchNotices } from '../hooks/use-match-notices';

/** How long a notice stays up, in seconds. */
const NOTICE_SECONDS = 15;

/** Tells a participant, wherever they are, that a new listing strongly matches one of theirs. */
export function MatchNotices() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();

  const onNotice = useCallback(
    (notice: MatchNotice) => {
      // One notice per pair: a listing edited twice does not stack two.
      const key = `match-${notice.listingId}-${notice.counterpart.id}`;
      notification.info({
        key,
        title: t('matching.noticeTitle'),
        description: (
          <span data-testid="match-notice" data-listing-id={notice.listingId} data-counterpart-id={notice.counterpart.id}>
            {t('matching.noticeBody', {
              name: notice.counterpart.organisationName,
              theirs: notice.counterpart.title,
              title: notice.listingTitle,
              score: Math.round(notice.score),
            })}
          </span>
        ),
        duration: NOTICE_SECONDS,
        actions: (
          <Button
            type="primary"
            size="small"
            data-testid="match-notice-open"
            onClick={() => {
              notification.destroy(key);
              void navigate(`/my/listings?matches=${notice.listingId}`);
            }}
          >
            {t('matching.noticeOpen')}
          </Button>
        ),
      });
    },
    [notification, navigate, t],
  );

  useMatchNotices(onNotice, me.role !== 'organiser');
  return null;
}
