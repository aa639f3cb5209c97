import { Flex, Grid, Input, Select, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { LISTING_STATUSES } from '@duijie/shared';
import type { ListingStatus } from '@duijie/shared';
import { CategorySelect } from '../../../ui/category-select';
import { useLabels } from '../../../ui/labels';

export type ListingFilterValues = {
  category?: string;
  q?: string;
  status?: ListingStatus;
};

type Props = {
  value: ListingFilterValues;
  /** Goods listings can be filtered by product category. */
  showCategory: boolean;
  onChange: (next: ListingFilterValues) => void;
};

export function ListingFilters({ value, showCategory, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { token } = theme.useToken();
  // On a phone each filter takes the full width, one under the other.
  const narrow = Grid.useBreakpoint().md === false;
  const width = (desktop: number) => (narrow ? '100%' : desktop);
  return (
    <Flex wrap gap={token.marginXS} style={{ marginBottom: 12 }}>
      {showCategory ? (
        <CategorySelect
          value={value.category}
          allowClear
          placeholder={t('board.allCategories')}
          style={{ width: width(240) }}
          testId="filter-category"
          onChange={(category) => onChange({ ...value, category })}
        />
      ) : null}
      <Input.Search
        key={value.q ?? ''}
        defaultValue={value.q}
        allowClear
        placeholder={t('board.searchPlaceholder')}
        style={{ width: width(280) }}
        data-testid="filter-q"
        onSearch={(q) => onChange({ ...value, q: q.trim() === '' ? undefined : q.trim() })}
      />
      <Select<ListingStatus | 'all'>
        value={value.status ?? 'all'}
        style={{ width: width(140) }}
        data-testid="filter-status"
        onChange={(status) => onChange({ ...value, status: status === 'all' ? undefined : status })}
        options={[
          { value: 'all', label: t('board.allStatuses') },
          ...LISTING_STATUSES.map((status) => ({ value: status, label: labels.listingStatus(status) })),
        ]}
      />
    </Flex>
  );
}
