// An event's public scoreboard (排行榜): no login. Its banks and micro-loan companies ranked by the
// figure the organisers chose, ties sharing a rank (并列), refreshed live. Large type on a dark
// background that reads from the back of a hall, and on a phone.
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Scoreboard, ScoreboardFigure, ScoreboardRow } from '@duijie/shared';
import { isApiFailure } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { formatTime } from '../../ui/dates';
import { failureText } from '../../ui/failure-text';
import { FIGURE_KEYS, formatScore, isRating } from './scoreboard-format';
import { useScoreboard, type ScoreboardFeed } from './use-scoreboard';
import './scoreboard.css';

export function ScoreboardPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const [params] = useSearchParams();
  const board = useScoreboard(eventId, params.get('token'));
  const data = board.data;
  const notFound = isApiFailure(board.error) && board.error.status === 404;

  return (
    <div className="scoreboard" data-testid="scoreboard">
      <header className="scoreboard-header">
        <div className="scoreboard-heading">
          <span className="scoreboard-brand">{data ? `${t('app.name')} · ${t('scoreboard.title')}` : t('app.name')}</span>
          <h1 data-testid="scoreboard-event">{data?.eventName ?? t('scoreboard.title')}</h1>
          {data && (
            <div className="scoreboard-figure" data-testid="scoreboard-figure" data-figure={data.figure}>
              {t('scoreboard.rankedBy', { figure: t(`scoreboard.figures.${FIGURE_KEYS[data.figure]}`) })}
            </div>
          )}
        </div>
        {data && <Status feed={board.feed} updatedAt={data.updatedAt} timeZone={data.timeZone} />}
      </header>
      {notFound ? (
        <Message testId="scoreboard-not-found" title={t('scoreboard.notFound')} detail={t('scoreboard.notFoundHint')} />
      ) : board.error && !data ? (
        <Message testId="scoreboard-error" title={t('state.errorTitle')} detail={failureText(board.error, t)} />
      ) : !data ? (
        <Message testId="scoreboard-loading" title={t('scoreboard.loading')} />
      ) : data.rows.length === 0 ? (
        <Message
          testId="scoreboard-empty"
          title={t('scoreboard.empty')}
          detail={t(data.figure.startsWith('platform.') ? 'scoreboard.emptyHintPlatform' : 'scoreboard.emptyHintForm')}
        />
      ) : (
        <Rows board={data} />
      )}
    </div>
  );
}

function Status({ feed, updatedAt, timeZone }: { feed: ScoreboardFeed; updatedAt: string; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <div className="scoreboard-status" data-testid="scoreboard-feed" data-feed={feed}>
      <span className="scoreboard-live">
        <span className={`scoreboard-dot scoreboard-dot-${feed}`} aria-hidden />
        {feed === 'live' ? t('scoreboard.live') : t('scoreboard.polling')}
      </span>
      <span className="scoreboard-updated">{t('scoreboard.updatedAt', { time: formatTime(updatedAt, timeZone) })}</span>
    </div>
  );
}

function Message({ title, detail, testId }: { title: string; detail?: string; testId: string }) {
  return (
    <div className="scoreboard-message" data-testid={testId} role={testId === 'scoreboard-error' ? 'alert' : undefined}>
      <div>{title}</div>
      {detail && <div className="scoreboard-message-detail">{detail}</div>}
    </div>
  );
}

function Rows({ board }: { board: Scoreboard }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const best = Math.max(...board.rows.map((r) => r.value), 0);
  const figureName = t(`scoreboard.figures.${FIGURE_KEYS[board.figure]}`);
  return (
    <main className="scoreboard-table">
      <div className="scoreboard-row scoreboard-row-head" aria-hidden>
        <span>{t('scoreboard.rank')}</span>
        <span>{t('scoreboard.institution')}</span>
        <span className="scoreboard-value">{figureName}</span>
      </div>
      <ol className="scoreboard-rows" aria-label={t('scoreboard.rankedBy', { figure: figureName })}>
        {board.rows.map((row) => (
          <Row key={row.organisationId} row={row} figure={board.figure} share={best > 0 ? row.value / best : 0} lang={lang} />
        ))}
      </ol>
      <div className="scoreboard-foot">{t('scoreboard.count', { count: board.rows.length })}</div>
    </main>
  );
}

function Row({ row, figure, share, lang }: { row: ScoreboardRow; figure: ScoreboardFigure; share: number; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation();
  const medal = row.rank <= 3 ? ` scoreboard-medal-${row.rank}` : '';
  return (
    <li className="scoreboard-row" data-testid="scoreboard-row" data-rank={row.rank} data-tied={row.tied} data-organisation={row.organisationId}>
      <span className="scoreboard-rank">
        <span className={`scoreboard-rank-badge${medal}`} aria-label={t('scoreboard.rankN', { rank: row.rank })}>
          {row.rank}
        </span>
        {row.tied > 1 && (
          <span className="scoreboard-tied" data-testid="scoreboard-tied">
            {t('scoreboard.tied')}
          </span>
        )}
      </span>
      <span className="scoreboard-name" title={row.name}>
        {row.name}
        {share > 0 && <span className="scoreboard-bar" style={{ width: `${Math.min(1, share) * 100}%` }} aria-hidden />}
      </span>
      <span className="scoreboard-value">
        {formatScore(figure, row.value, lang)}
        {isRating(figure) && <span className="scoreboard-unit">{t('scoreboard.ratingUnit')}</span>}
      </span>
    </li>
  );
}
