// The venue's big screen for an event's signing ceremony: no login, a read-only screen link
// token in `?token=`, its own socket, large type on a dark background.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatCny, INDUSTRY_CHAINS, routes, SESSION_KINDS } from '@duijie/shared';
import type { CeremonyTotals } from '@duijie/shared';
import type { EChartsOption } from 'echarts';
import { call } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { Chart } from '../../ui/chart';
import { EVENT_TIME_ZONE, formatTime, formatTimeSeconds } from '../../ui/dates';
import { ZoneNote } from '../../ui/zone-note';

import { useCeremony } from './use-ceremony';
import type { ScreenConnection, ScreenError } from './use-ceremony';
import { useTween } from './use-tween';
import './screen.css';

export function ScreenPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { totals, connection, error } = useCeremony(eventId, token);
  // Every time on the screen is on the clocks of the event's zone (it comes with the figures).
  const zone = totals?.timeZone ?? EVENT_TIME_ZONE;

  return (
    <div className="screen" data-testid="screen">
      <header className="screen-header">
        <div className="screen-title">
          <span className="screen-brand">{t('app.name')}</span>
          <h1>{t('screen.title')}</h1>
        </div>
        <div className="screen-header-tools">
          {totals && <ZoneNote zone={zone} />}
          <ConnectionDot connection={error && error.kind !== 'join' ? null : connection} />
          <button
            type="button"
            className="screen-fullscreen"
            data-testid="screen-fullscreen"
            onClick={() => {
              document.documentElement.requestFullscreen?.().catch(() => undefined);
            }}
          >
            {t('screen.fullscreen')}
          </button>
        </div>
      </header>
      {error ? (
        <ErrorState error={error} />
      ) : totals ? (
        <Figures totals={totals} />
      ) : (
        <div className="screen-message" data-testid="screen-loading">
          {t('screen.loading')}
        </div>
      )}
      <AuditSeal zone={zone} />
    </div>
  );
}

/** How often the screen shows the log's newest signed tree head (signed every few seconds while it grows). */
const SEAL_REFRESH_MS = 15_000;

/**
 * The audit log's latest signed tree head (its size and root) and the signing key's fingerprint, on show to the
 * room: anyone may note them and later check the platform's records against them.
 */
function AuditSeal({ zone }: { zone: string }) {
  const { t } = useTranslation();
  const seal = useQuery({
    queryKey: ['audit-tree-head'],
    queryFn: ({ signal }) => call(routes.audit.treeHead, {}, { signal }),
    refetchInterval: SEAL_REFRESH_MS,
  });
  const head = seal.data?.head;
  if (!seal.data || !head) return null;
  const fingerprint = seal.data.keyFingerprint.slice(0, 16).match(/.{4}/g)?.join(' ');
  return (
    <footer className="screen-seal" data-testid="screen-seal" data-size={head.size} data-hash={head.rootHash}>
      {t('screen.seal', {
        size: head.size,
        hash: `${head.rootHash.slice(0, 12)}…`,
        at: formatTimeSeconds(head.signedAt, zone),
        fingerprint,
      })}
    </footer>
  );
}

function ConnectionDot({ connection }: { connection: ScreenConnection | null }) {
  const { t } = useTranslation();
  const state = connection ?? 'offline';
  const label = connection === 'live' ? t('screen.live') : connection === null ? t('screen.offline') : t('screen.reconnecting');
  return (
    <span className="screen-connection" data-testid="screen-connection" data-state={state} title={label}>
      <span className={`screen-dot screen-dot-${state}`} aria-hidden />
      {label}
    </span>
  );
}

function ErrorState({ error }: { error: ScreenError }) {
  const { t } = useTranslation();
  const title =
    error.kind === 'missingToken' ? t('screen.errors.missingToken') : error.kind === 'refused' ? t('screen.errors.refused') : t('screen.errors.join');
  return (
    <div className="screen-message screen-error" role="alert" data-testid="screen-error" data-kind={error.kind}>
      <div>{title}</div>
      {error.kind === 'missingToken' ? (
        <div className="screen-error-detail">{t('screen.errors.missingTokenHint')}</div>
      ) : (
        <div className="screen-error-detail">{error.message}</div>
      )}
    </div>
  );
}

function Figures({ totals }: { totals: CeremonyTotals }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const amount = useTween(totals.signedAmount);
  const count = useTween(totals.signedCount);
  const percent = totals.targetAmount > 0 ? (totals.signedAmount / totals.targetAmount) * 100 : 0;

  const kinds = useMemo(
    () =>
      SESSION_KINDS.map((kind) => {
        const row = totals.bySessionKind.find((r) => r.kind === kind);
        return {
          key: kind,
          label: t(`screen.sessionKind.${kind}`),
          amount: row?.amount ?? 0,
          count: row?.count ?? 0,
        };
      }),
    [totals.bySessionKind, t],
  );
  const chains = useMemo(
    () =>
      [...totals.byChain]
        .sort((a, b) => (a.chain === 'other' ? 1 : 0) - (b.chain === 'other' ? 1 : 0) || b.amount - a.amount)
        .map((row) => {
          const chain = INDUSTRY_CHAINS.find((c) => c.code === row.chain);
          const label = chain ? (lang === 'en' ? chain.nameEn : chain.name.replace(/产业链$/, '')) : row.chain === 'other' ? t('screen.otherChain') : row.chain;
          return {
            key: row.chain,
            label,
            amount: row.amount,
            count: row.count,
          };
        }),
    [totals.byChain, lang, t],
  );

  return (
    <main className={totals.onStage ? 'screen-grid screen-grid-stage' : 'screen-grid'}>
      {totals.onStage && <OnStage stage={totals.onStage} />}
      <section className="screen-panel screen-headline">
        <div className="screen-label">{t('screen.totalAmount')}</div>
        <div className="screen-total" data-testid="screen-total" data-amount={totals.signedAmount}>
          {formatCny(amount, lang, { unit: 'yi' })}
        </div>
        <div className="screen-headline-foot">
          <div className="screen-count-row">
            <span className="screen-label">{t('screen.agreements')}</span>
            <span className="screen-count" data-testid="screen-count" data-count={totals.signedCount}>
              {Math.round(count).toLocaleString(lang)}
            </span>
            <span className="screen-label">{t('screen.agreementsUnit')}</span>
          </div>
          <div className="screen-progress" data-testid="screen-progress" data-percent={percent.toFixed(1)}>
            <div className="screen-progress-head">
              <span>
                {t('screen.target', {
                  amount: formatCny(totals.targetAmount, lang, { unit: 'yi' }),
                })}
              </span>
              <span className="screen-progress-percent">{percent.toFixed(1)}%</span>
            </div>
            <div className="screen-progress-track">
              <div className="screen-progress-fill" style={{ width: `${Math.min(100, percent)}%` }} />
            </div>
          </div>
        </div>
      </section>

      <section className="screen-panel screen-latest" data-testid="screen-latest">
        <h2>{t('screen.latest')}</h2>
        {totals.latest.length === 0 ? (
          <div className="screen-empty">{t('screen.noSignings')}</div>
        ) : (
          <ol className="screen-ticker">
            {totals.latest.map((item) => (
              <li key={item.agreementId} className="screen-ticker-item" data-testid="screen-ticker-item" data-signed-at={item.signedAt}>
                <div className="screen-ticker-title">{item.title}</div>
                <div className="screen-ticker-parties">{item.parties.join(' × ')}</div>
                <div className="screen-ticker-meta">
                  <span className="screen-ticker-amount">{formatCny(item.amount, lang)}</span>
                  <span data-testid="screen-ticker-time">{formatTime(item.signedAt, totals.timeZone)}</span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="screen-panel screen-by-kind" data-testid="screen-by-kind">
        <h2>{t('screen.bySessionKind')}</h2>
        <Bars rows={kinds} label={t('screen.bySessionKind')} />
      </section>

      <section className="screen-panel screen-by-chain" data-testid="screen-by-chain">
        <h2>{t('screen.byChain')}</h2>
        {chains.length === 0 ? (
          <div className="screen-empty">{t('screen.noSignings')}</div>
        ) : (
          <Bars rows={fewest(chains, t('screen.otherChain'))} label={t('screen.byChain')} />
        )}
      </section>

      <section className="screen-panel screen-timeline-panel" data-testid="screen-timeline">
        <h2>{t('screen.timeline')}</h2>
        <Timeline points={totals.timeline} zone={totals.timeZone} />
      </section>
    </main>
  );
}

/** How many of the batch's agreements fit on the panel; the rest are counted. */
const STAGE_ROWS = 6;

function OnStage({ stage }: { stage: NonNullable<CeremonyTotals['onStage']> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shown = stage.agreements.slice(0, STAGE_ROWS);
  return (
    <section className="screen-panel screen-stage" data-testid="screen-stage" data-batch-id={stage.batchId}>
      <div className="screen-stage-head">
        <h2>{t('screen.onStage')}</h2>
        <span className="screen-stage-of">
          {t('screen.batchOf', {
            position: stage.position,
            count: stage.batchCount,
          })}
        </span>
      </div>
      <div className="screen-stage-title">{stage.title}</div>
      <ul className="screen-stage-list">
        {shown.map((a) => (
          <li
            key={a.agreementId}
            className={a.signed ? 'screen-stage-item screen-stage-signed' : 'screen-stage-item'}
            data-testid="screen-stage-item"
            data-signed={a.signed}
          >
            <span className="screen-stage-mark">{a.signed ? '✓' : '…'}</span>
            <span className="screen-stage-name">
              <span className="screen-stage-agreement">{a.title}</span>
              <span className="screen-stage-parties">{a.parties.join(' × ')}</span>
            </span>
            <span className="screen-stage-amount">{formatCny(a.amount, lang)}</span>
          </li>
        ))}
      </ul>
      {stage.agreements.length > STAGE_ROWS && <div className="screen-empty">{t('screen.more', { count: stage.agreements.length - STAGE_ROWS })}</div>}
    </section>
  );
}

type BarRow = { key: string; label: string; amount: number; count: number };

/** Rows a panel can show from across a hall: the largest few, the rest summed under 'other'. */
const MAX_BARS = 5;
function fewest(rows: BarRow[], otherLabel: string): BarRow[] {
  if (rows.length <= MAX_BARS) return rows;
  const named = rows.filter((r) => r.key !== 'other').sort((a, b) => b.amount - a.amount);
  const kept = named.slice(0, MAX_BARS - 1);
  const rest = rows.filter((r) => !kept.includes(r));
  return [...kept, { key: 'other', label: otherLabel, amount: rest.reduce((n, r) => n + r.amount, 0), count: rest.reduce((n, r) => n + r.count, 0) }];
}

/** Type for the back of a hall: in step with the viewport, as the rest of the screen's CSS is. */
function useScreenFont(): number {
  const [size, setSize] = useState(() => fontFor(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const resize = () => setSize(fontFor(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  return size;
}
const fontFor = (w: number, h: number) => Math.round(Math.max(13, Math.min(0.013 * w, 0.023 * h, 30)));

const SCREEN_TEXT = '#eef3ff';
const SCREEN_MUTED = '#8fa3cc';
const SCREEN_GOLD = '#ffd666';
const SCREEN_BAR = {
  type: 'linear' as const,
  x: 0,
  y: 0,
  x2: 1,
  y2: 0,
  colorStops: [
    { offset: 0, color: '#1f4fd1' },
    { offset: 1, color: '#2f7fe0' },
  ],
};

/** Amounts per row as horizontal bars, the amount and count at each bar's end; a table for screen readers. */
function Bars({ rows, label }: { rows: BarRow[]; label: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const font = useScreenFont();
  const shown = [...rows].reverse();
  const value = (r: BarRow) => `${formatCny(r.amount, lang)} · ${t('screen.countOf', { count: r.count })}`;
  // Each row's name and figure are written on its bar's track: one line a row, nothing cut off however narrow the panel.
  const option: EChartsOption = {
    animationDurationUpdate: 1000,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', show: false, max: (v) => Math.max(v.max, 1) },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        inside: true,
        align: 'left',
        verticalAlign: 'middle',
        padding: [0, 0, 0, Math.round(font * 0.6)],
        formatter: (label: string, i: number) => `{name|${label}}  {value|${value(shown[i])}}`,
        rich: { name: { color: SCREEN_TEXT, fontSize: font }, value: { color: SCREEN_GOLD, fontSize: font } },
      },
      z: 10,
    },
    series: [
      {
        type: 'bar',
        barWidth: Math.round(font * 1.5),
        barCategoryGap: '25%',
        data: shown.map((r) => r.amount),
        itemStyle: { color: SCREEN_BAR, borderRadius: font, opacity: 0.85 },
        showBackground: true,
        backgroundStyle: { color: 'rgba(143, 176, 255, 0.12)', borderRadius: font },
      },
    ],
  };
  return (
    <div className="screen-bars">
      <Chart option={option} height="100%" label={label} />
      <table className="screen-sr-only">
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key} data-amount={row.amount}>
              <th>{row.label}</th>
              <td>{formatCny(row.amount, lang)}</td>
              <td>{t('screen.countOf', { count: row.count })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The cumulative signed amount through the ceremony, from zero just before the first signing. */
function Timeline({ points, zone }: { points: CeremonyTotals['timeline']; zone: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const font = useScreenFont();
  if (points.length === 0) return <div className="screen-empty">{t('screen.noSignings')}</div>;
  const first = dayjs(points[0].at).valueOf();
  const data: [number, number][] = [[first - 1000, 0], ...points.map((p): [number, number] => [dayjs(p.at).valueOf(), p.cumulativeAmount])];
  const last = points[points.length - 1];
  const option: EChartsOption = {
    animationDurationUpdate: 1000,
    grid: { left: 4, right: font * 7, top: font, bottom: 4, containLabel: true },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: SCREEN_MUTED } },
      axisLabel: { color: SCREEN_MUTED, fontSize: font * 0.85, formatter: (v: number) => formatTime(v, zone) },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', splitNumber: 2, axisLabel: { show: false }, splitLine: { lineStyle: { color: 'rgba(143, 176, 255, 0.15)' } } },
    series: [
      {
        type: 'line',
        step: 'end',
        symbol: 'none',
        data,
        lineStyle: { color: '#5fd3ff', width: 3 },
        areaStyle: { color: 'rgba(95, 211, 255, 0.18)' },
        endLabel: { show: true, color: SCREEN_GOLD, fontSize: font, formatter: () => formatCny(last.cumulativeAmount, lang) },
      },
    ],
  };
  return (
    <div className="screen-timeline">
      <Chart option={option} height="100%" label={t('screen.timeline')} />
    </div>
  );
}
