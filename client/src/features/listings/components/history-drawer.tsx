import { Drawer, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryLabel, formatCny, formatRateBp, regionLabel } from '@duijie/shared';
import type { FinancingPurpose, GuaranteeRequirement, ListingChange, ListingType } from '@duijie/shared';
import type { Language } from '../../../app/i18n';
import { useLanguage } from '../../../app/use-language';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import type { Labels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { useListingHistory } from '../hooks/use-listings';

type Props = {
  /** The listing whose history is shown; the drawer is closed when null. */
  listingId: string | null;
  title?: string;
  onClose: () => void;
};

/** Amounts in yuan that read best in 万元/亿元. */
const MONEY_KEYS = new Set(['amount', 'amountMin', 'amountMax', 'totalLine', 'capacity', 'annualRevenue', 'totalAssets']);
/** Unit prices, shown in plain yuan. */
const PRICE_KEYS = new Set(['priceMin', 'priceMax']);
/** Field keys whose label lives under another name in fields.*. */
const LABEL_ALIASES: Record<string, string> = {
  rateMinBp: 'rateMin',
  rateMaxBp: 'rateMax',
  feeRateBp: 'feeRate',
  internalRateFloorBp: 'internalRateFloor',
  title: 'listingTitle',
  type: 'listingType',
};
const HIDDEN_KEYS = new Set(['version', 'sessionId', 'id']);

type Line = { field: string; from?: unknown; to?: unknown; value?: unknown; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return isRecord(value) && 'from' in value && 'to' in value;
}

/** Turns the server's change record into readable lines: field changes (from → to) or values. */
function describe(change: ListingChange): Line[] {
  const data = change.changes;
  if (!data) return [];
  const lines: Line[] = [];
  const diff = isRecord(data.changes) ? data.changes : null;
  if (diff) {
    for (const [field, entry] of Object.entries(diff)) {
      if (!isFromTo(entry)) continue;
      if (isRecord(entry.from) && isRecord(entry.to)) {
        const from = entry.from;
        const to = entry.to;
        for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
          if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) {
            lines.push({ field: key, from: from[key], to: to[key], changed: true });
          }
        }
      } else {
        lines.push({ field, from: entry.from, to: entry.to, changed: true });
      }
    }
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'changes' || HIDDEN_KEYS.has(key) || isRecord(value)) continue;
    lines.push({ field: key, value, changed: false });
  }
  return lines;
}

function formatValue(field: string, value: unknown, lang: Language, labels: Labels, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (MONEY_KEYS.has(field)) return formatCny(value, lang);
    if (PRICE_KEYS.has(field)) return formatCny(value, lang, { unit: 'yuan' });
    if (field.endsWith('Bp')) return formatRateBp(value);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') {
    if (field === 'purpose') return labels.purpose(value as FinancingPurpose);
    if (field === 'guaranteeRequirement') return labels.guaranteeRequirement(value as GuaranteeRequirement);
    if (field === 'type') return labels.listingType(value as ListingType);
    if (field === 'category') return categoryLabel(value, lang);
    if (field === 'region') return regionLabel(value, lang);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatValue(field, v, lang, labels, yes, no)).join('、');
  return JSON.stringify(value) ?? '—';
}

type EntryProps = { change: ListingChange };

function ChangeEntry({ change }: EntryProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  // Actions come as "listing.updated"; the last part names what happened.
  const action = change.action.split('.').pop() ?? change.action;
  const lines = describe(change);
  const label = (field: string) => {
    const key = LABEL_ALIASES[field] ?? field;
    return field === 'reason' ? t('common.reason') : t(`fields.${key}`, { defaultValue: field });
  };
  const show = (field: string, value: unknown) => formatValue(field, value, lang, labels, t('common.yes'), t('common.no'));
  return (
    <>
      <Typography.Text strong>{t(`listing.actions.${action}`, { defaultValue: change.action })}</Typography.Text>
      {change.version !== null ? <Typography.Text type="secondary"> · v{change.version}</Typography.Text> : null}
      <div>
        <Typography.Text type="secondary">
          {formatDateTime(change.at, EVENT_TIME_ZONE)} · {change.actorName ?? t('listing.systemActor')}
        </Typography.Text>
      </div>
      {lines.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {lines.map((line) => (
            <li key={line.field}>
              {label(line.field)}:{' '}
              {line.changed ? (
                <>
                  <Typography.Text delete type="secondary">
                    {show(line.field, line.from)}
                  </Typography.Text>{' '}
                  → {show(line.field, line.to)}
                </>
              ) : (
                show(line.field, line.value)
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The change log of one listing, newest first. */
export function HistoryDrawer({ listingId, title, onClose }: Props) {
  const { t } = useTranslation();
  const history = useListingHistory(listingId);
  const entries = [...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Drawer open={listingId !== null} onClose={onClose} title={title ?? t('listing.history')} size={480}>
      <PageState
        loading={history.isPending}
        error={history.error}
        empty={entries.length === 0}
        emptyText={t('listing.noHistory')}
        onRetry={() => void history.refetch()}
      >
        <Timeline
          items={entries.map((change) => ({
            key: change.id,
            content: <ChangeEntry change={change} />,
          }))}
        />
      </PageState>
    </Drawer>
  );
}
