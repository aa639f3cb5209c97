import { Collapse, Table, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatisticsField, StatisticsFigures, StatisticsFormVersion } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { changedFields, formatFigure } from '../statistics-values';

type Props = {
  fields: readonly StatisticsField[];
  latest: StatisticsFigures;
  /** The version before, whose differing figures are highlighted; none for a first filing. */
  previous?: StatisticsFigures | null;
  latestTitle: string;
  previousTitle?: string;
};

type Row = { field: StatisticsField; latest: string; previous: string; changed: boolean };

/** A version's figures field by field, with the previous version's beside and what changed highlighted. */
export function FiguresCompare({ fields, latest, previous, latestTitle, previousTitle }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { token } = theme.useToken();
  const changed = changedFields(previous, latest);
  const rows: Row[] = fields.map((field) => ({
    field,
    latest: formatFigure(field, latest[field.key], lang),
    previous: previous ? formatFigure(field, previous[field.key], lang) : '',
    changed: changed.has(field.key),
  }));
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.field.key}
      pagination={false}
      dataSource={rows}
      onRow={(r) => (r.changed ? { style: { background: token.colorWarningBg }, 'data-changed': 'true' } : {}) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('statistics.field'),
          key: 'field',
          render: (_v, r) => (
            <span>
              {lang === 'zh-CN' ? r.field.label.zh : r.field.label.en}
              {r.changed ? (
                <Tag color="warning" style={{ marginInlineStart: 6 }}>
                  {t('statistics.changed')}
                </Tag>
              ) : null}
            </span>
          ),
        },
        {
          title: latestTitle,
          key: 'latest',
          align: 'right',
          render: (_v, r) => (
            <Typography.Text strong={r.changed} style={{ whiteSpace: 'nowrap' }} data-testid={`statistics-value-${r.field.key}`}>
              {r.latest}
            </Typography.Text>
          ),
        },
        ...(previous
          ? [
              {
                title: previousTitle ?? '',
                key: 'previous',
                align: 'right' as const,
                render: (_v: unknown, r: Row) => (
                  <Typography.Text type="secondary" delete={r.changed} style={{ whiteSpace: 'nowrap' }}>
                    {r.previous}
                  </Typography.Text>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Every version filed, newest first, each against the one before it. */
export function VersionHistory({
  fields,
  versions,
  timeZone,
}: {
  fields: readonly StatisticsField[];
  versions: readonly StatisticsFormVersion[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  if (versions.length === 0) return <Typography.Text type="secondary">{t('statistics.noVersions')}</Typography.Text>;
  const sorted = [...versions].sort((a, b) => b.n - a.n);
  return (
    <Collapse
      size="small"
      data-testid="statistics-history"
      items={sorted.map((v) => {
        const before = versions.find((p) => p.n === v.n - 1) ?? null;
        return {
          key: String(v.n),
          label: t('statistics.versionLine', { n: v.n, at: formatDateTime(v.submittedAt, timeZone), by: v.submittedBy }),
          children: (
            <FiguresCompare
              fields={fields}
              latest={v.figures}
              previous={before?.figures ?? null}
              latestTitle={t('statistics.versionN', { n: v.n })}
              previousTitle={before ? t('statistics.versionN', { n: before.n }) : undefined}
            />
          ),
        };
      })}
    />
  );
}
