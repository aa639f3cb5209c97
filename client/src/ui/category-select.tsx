import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_CATEGORIES, SECTORS } from '@duijie/shared';
import type { ProductCategory } from '@duijie/shared';
import { useLanguage } from '../app/use-language';

type Option = { value: string; label: string; search: string };
type Group = { label: string; options: Option[] };

type Props = {
  value?: string;
  onChange?: (value: string | undefined, category: ProductCategory | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
};

/** A goods category from the product taxonomy, grouped by sector. */
export function CategorySelect({ value, onChange, id, allowClear = false, placeholder, style, testId }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const groups = useMemo<Group[]>(
    () =>
      SECTORS.map((sector) => ({
        label: lang === 'en' ? sector.nameEn : sector.name,
        options: PRODUCT_CATEGORIES.filter((c) => c.sector === sector.code).map((c) => ({
          value: c.code,
          label: lang === 'en' ? c.nameEn : c.name,
          search: `${c.code} ${c.name} ${c.nameEn} ${c.aliases.join(' ')} ${sector.name} ${sector.nameEn}`.toLowerCase(),
        })),
      })).filter((group) => group.options.length > 0),
    [lang],
  );
  return (
    <Select<string, Option | Group>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next) =>
        onChange?.(
          next,
          PRODUCT_CATEGORIES.find((c) => c.code === next),
        )
      }
      options={groups}
      allowClear={allowClear}
      placeholder={placeholder ?? t('fields.categoryPlaceholder')}
      style={style}
      showSearch={{
        filterOption: (input, option) => option !== undefined && 'search' in option && option.search.includes(input.toLowerCase()),
      }}
    />
  );
}
