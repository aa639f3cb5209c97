import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findIndustry, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '@duijie/shared';
import type { Language } from '../app/i18n';
import { useLanguage } from '../app/use-language';

type Option = { value: string; label: string; search: string };
type Group = { label: string; options: Option[] };

function useIndustryGroups(): Group[] {
  const lang = useLanguage();
  return useMemo(
    () =>
      INDUSTRY_SECTIONS.map((section) => ({
        label: `${section.code} ${lang === 'en' ? section.nameEn : section.name}`,
        options: INDUSTRY_DIVISIONS.filter((d) => d.section === section.code).map((d) => ({
          value: d.code,
          label: `${d.code} ${lang === 'en' ? d.nameEn : d.name}`,
          search: `${d.code} ${d.name} ${d.nameEn} ${section.name} ${section.nameEn}`.toLowerCase(),
        })),
      })),
    [lang],
  );
}

/** "C31 黑色金属冶炼和压延加工业", or the code itself when unknown. */
export function industryLabel(code: string, lang: Language): string {
  const industry = findIndustry(code);
  if (!industry) return code;
  return `${industry.code} ${lang === 'en' ? industry.nameEn : industry.name}`;
}

const filter = (input: string, option: Option | Group | undefined): boolean =>
  option !== undefined && 'search' in option && option.search.includes(input.toLowerCase());

type SingleProps = {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  allowClear?: boolean;
};

/** One GB/T 4754 division, grouped by section, searchable by code or name. */
export function IndustrySelect({ value, onChange, id, allowClear = false }: SingleProps) {
  const { t } = useTranslation();
  const groups = useIndustryGroups();
  return (
    <Select<string, Option | Group>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={groups}
      allowClear={allowClear}
      placeholder={t('fields.industryPlaceholder')}
      showSearch={{ filterOption: filter }}
    />
  );
}

type MultiProps = {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
};

/** Several divisions, e.g. a bank's target industries. */
export function IndustryMultiSelect({ value, onChange, id }: MultiProps) {
  const { t } = useTranslation();
  const groups = useIndustryGroups();
  return (
    <Select<string[], Option | Group>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      options={groups}
      allowClear
      maxTagCount="responsive"
      placeholder={t('fields.industriesPlaceholder')}
      showSearch={{ filterOption: filter }}
    />
  );
}
