import { DatePicker, Form, Select } from 'antd';
import type { FormRule } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsField } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { UnitInput } from '../../../ui/unit-input';
import { fieldRequired, fieldShown, MAX_WAN, numberProblem, type FigureFormValues } from '../statistics-values';

type Props = {
  fields: readonly StatisticsField[];
  /** True while filing: required fields must then be filled; a draft may leave them empty. */
  filing: RefObject<boolean>;
};

/**
 * A class's form fields: amounts typed in 万元 (up to 4 decimals), ratios as % (2 decimals), days
 * and choices; the new capital and its approval date only for a new institution or a capital increase.
 */
export function FigureFields({ fields, filing }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = Form.useFormInstance<FigureFormValues>();
  const capitalEvent = Form.useWatch('capitalEvent', form) as FigureFormValues['capitalEvent'];
  const values: FigureFormValues = { capitalEvent };

  return (
    <>
      {fields.map((field) => {
        if (!fieldShown(field, values)) return null;
        const required = fieldRequired(field, values);
        const label = lang === 'zh-CN' ? field.label.zh : field.label.en;
        const rules: FormRule[] = [
          {
            validator: (_rule, value: unknown) => {
              const empty = value === null || value === undefined || value === '';
              if (empty) return required && filing.current ? Promise.reject(new Error(t('validation.required'))) : Promise.resolve();
              if ((field.type === 'yuan' || field.type === 'bp') && typeof value === 'number') {
                const problem = numberProblem(field.type, value);
                if (problem) return Promise.reject(new Error(t(`statistics.problems.${field.type}.${problem}`)));
              }
              return Promise.resolve();
            },
          },
        ];
        const testId = `statistics-form-${field.key}`;
        return (
          <Form.Item key={field.key} name={field.key} label={label} required={required} rules={rules}>
            {field.type === 'yuan' ? (
              <UnitInput unit={t('units.wan')} min={0} max={MAX_WAN} step={1} placeholder="0.0000" testId={testId} />
            ) : field.type === 'bp' ? (
              <UnitInput unit="%" min={0} max={100} step={0.01} placeholder="0.00" testId={testId} />
            ) : field.type === 'day' ? (
              <DatePicker style={{ width: '100%' }} data-testid={testId} />
            ) : (
              <Select
                allowClear={!required}
                data-testid={testId}
                options={(field.choices ?? []).map((c) => ({ value: c.value, label: lang === 'zh-CN' ? c.label.zh : c.label.en }))}
              />
            )}
          </Form.Item>
        );
      })}
    </>
  );
}
