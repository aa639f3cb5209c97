import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES, REGIONS, regionLabel } from '@duijie/shared';
import { useLanguage } from '../app/use-language';

type Option = { value: string; label: string; search: string };

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  /** Only provinces (for events), or every listed division (for organisations and goods). */
  provincesOnly?: boolean;
  allowClear?: boolean;
  testId?: string;
};

/** Administrative division (GB/T 2260) picker with search by name, English name or code. */
export function RegionSelect({ value, onChange, id, provincesOnly = false, allowClear = false, testId }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const options = useMemo<Option[]>(
    () =>
      (provincesOnly ? PROVINCES : REGIONS).map((region) => ({
        value: region.code,
        label: regionLabel(region.code, lang),
        search: `${region.code} ${region.name} ${region.nameEn}`.toLowerCase(),
      })),
    [provincesOnly, lang],
  );
  return (
    <Select<string, Option>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      allowClear={allowClear}
      placeholder={provincesOnly ? t('fields.provincePlaceholder') : t('fields.regionPlaceholder')}
      showSearch={{
        filterOption: (input, option) =>
          option !== undefined && (option.search.includes(input.toLowerCase()) || option.label.toLowerCase().includes(input.toLowerCase())),
      }}
    />
  );
}
