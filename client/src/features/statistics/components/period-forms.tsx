import { Button, Card, Grid, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  routes,
  STATISTICS_FORMS,
  type InstitutionClass,
  type RewardPeriod,
  type StatisticsField,
  type StatisticsFormListQuery,
  type StatisticsFormRow,
} from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useStatisticsForms } from '../hooks/use-statistics';
import { formatFigure, platformEntries } from '../statistics-values';
import { FormStateTags } from './form-tags';
import { PlatformValue } from './platform-figures';
import { ReviewDrawer } from './review-drawer';

/** The states an organiser filters a period's forms by: what is still owed (overdue among it), filed, confirmed, returned. */
const STATE_FILTERS = ['outstanding', 'overdue', 'submitted', 'accepted', 'returned', 'waived'] as const;

/** A period's forms, a page at a time, by state, class and name: the reported figures in 万元 and the platform's beside; open one to review it. */
export function PeriodForms({ eventId, period }: { eventId: string; period: RewardPeriod }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<StatisticsFormListQuery>({ page: 1, pageSize: 20, class: period.classes[0] });
  const filter = (patch: Partial<StatisticsFormListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const forms = useStatisticsForms(period.id, query);
  const page = forms.data;
  const [reviewing, setReviewing] = useState<string | null>(null);
  // Columns stay fixed at the sides on wide screens only: on a phone they would hide the rest.
  const wide = Grid.useBreakpoint().md === true;
  const filtered = query.state !== undefined || query.q !== undefined;
  const fields = query.class ? STATISTICS_FORMS[query.class] : null;

  const figureColumns = useFigureColumns(fields);

  return (
    <Card
      size="small"
      title={t('statistics.formsOf', { name: period.name })}
      extra={<ExportButton route={routes.statistics.formsExport} args={{ params: { id: period.id } }} table="statistics-forms" />}
      data-testid="statistics-forms"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<InstitutionClass>
          allowClear
          style={{ width: 170 }}
          placeholder={t('statistics.allClasses')}
          value={query.class}
          onChange={(c) => filter({ class: c })}
          data-testid="statistics-filter-class"
          options={period.classes.map((c) => ({ value: c, label: t(`statistics.classes.${c}`) }))}
        />
        <Select<string>
          allowClear
          style={{ width: 150 }}
          placeholder={t('statistics.allStates')}
          value={query.state}
          onChange={(state) => filter({ state })}
          data-testid="statistics-filter-state"
          options={STATE_FILTERS.map((s) => ({ value: s, label: t(`statistics.filters.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          maxLength={100}
          placeholder={t('statistics.searchName')}
          onSearch={(value) => filter({ q: value.trim() === '' ? undefined : value.trim() })}
          data-testid="statistics-filter-name"
        />
      </Space>
      <PageState
        loading={forms.isPending}
        error={forms.error}
        onRetry={() => void forms.refetch()}
        empty={page !== undefined && page.total === 0}
        emptyText={filtered ? t('statistics.noMatch') : t('statistics.noForms')}
      >
        <Table<StatisticsFormRow>
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={forms.isFetching && forms.isPlaceholderData}
          pagination={{
            current: page?.page ?? query.page,
            pageSize: page?.pageSize ?? query.pageSize,
            total: page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (total) => t('common.totalCount', { count: total }),
            onChange: (current, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? current : 1, pageSize })),
          }}
          dataSource={page?.items ?? []}
          columns={[
            {
              title: t('statistics.organisation'),
              dataIndex: 'organisationName',
              fixed: wide ? 'left' : undefined,
              width: 220,
              render: (name: string, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => setReviewing(r.id)} data-testid={`statistics-row-${r.id}`}>
                    {name}
                  </Typography.Link>
                  {query.class ? null : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`statistics.classes.${r.class}`)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('statistics.state'),
              key: 'state',
              width: 150,
              render: (_v, r) => (
                <Space orientation="vertical" size={2}>
                  <FormStateTags state={r.state} timing={r.timing} />
                  {r.state === 'returned' && r.returnReason ? (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: r.returnReason }} style={{ maxWidth: 160, fontSize: 12 }}>
                      {r.returnReason}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            ...figureColumns,
            {
              title: t('statistics.platformTitle'),
              key: 'platform',
              width: 200,
              render: (_v, r) => {
                const entries = platformEntries(r.platform);
                if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Space orientation="vertical" size={0}>
                    {entries.map(({ key, value }) => (
                      <Typography.Text key={key} type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {t(`statistics.platform.${key.slice('platform.'.length)}`)}：<PlatformValue figure={key} value={value} />
                      </Typography.Text>
                    ))}
                  </Space>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: wide ? 'right' : undefined,
              width: 90,
              render: (_v, r) => (
                <Button
                  size="small"
                  type={r.state === 'submitted' ? 'primary' : 'default'}
                  onClick={() => setReviewing(r.id)}
                  data-testid={`statistics-review-${r.id}`}
                >
                  {r.state === 'submitted' ? t('statistics.review') : t('statistics.view')}
                </Button>
              ),
            },
          ]}
        />
      </PageState>
      <ReviewDrawer eventId={eventId} formId={reviewing} onClose={() => setReviewing(null)} />
    </Card>
  );
}

/** The figure columns: one per field when a class is chosen (in 万元 and %), else each row's figures in one column. */
function useFigureColumns(fields: readonly StatisticsField[] | null): TableColumnsType<StatisticsFormRow> {
  const { t } = useTranslation();
  const lang = useLanguage();
  return fields
    ? fields.map((field) => ({
        title: lang === 'zh-CN' ? field.label.zh : field.label.en,
        key: field.key,
        align: field.type === 'yuan' || field.type === 'bp' ? ('right' as const) : undefined,
        width: 140,
        render: (_v: unknown, r: StatisticsFormRow) => <span style={{ whiteSpace: 'nowrap' }}>{formatFigure(field, r.figures[field.key], lang)}</span>,
      }))
    : [
        {
          title: t('statistics.reported'),
          key: 'figures',
          width: 280,
          render: (_v: unknown, r: StatisticsFormRow) => (
            <Space orientation="vertical" size={0}>
              {STATISTICS_FORMS[r.class].map((field) => (
                <Typography.Text key={field.key} style={{ fontSize: 12 }}>
                  {lang === 'zh-CN' ? field.label.zh : field.label.en}：{formatFigure(field, r.figures[field.key], lang)}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
      ];
}
