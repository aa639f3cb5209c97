import { FilterOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARANTEE_REQUIREMENTS } from '@duijie/shared';
import type { GuaranteeRequirement } from '@duijie/shared';
import { IndustrySelect } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { UnitInput } from '../../../ui/unit-input';

export type ShelfType = 'credit_offer' | 'guarantee_offer';

/** The filters as the user enters them: amounts in 万元, the rate in percent. */
export type ShelfFilterValues = {
  type?: ShelfType;
  amountWan?: number | null;
  termMonths?: number | null;
  maxRatePercent?: number | null;
  industry?: string;
  guaranteeRequirement?: GuaranteeRequirement;
};

type Props = {
  value: ShelfFilterValues;
  onChange: (next: ShelfFilterValues) => void;
};

/** The supermarket's filter bar: product type, amount, term, highest rate, industry and security. */
export function SupermarketFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<ShelfFilterValues>();
  const type = Form.useWatch('type', form);

  // The URL is the truth: back and forward, and links, fill the form.
  useEffect(() => {
    form.setFieldsValue({
      type: value.type,
      amountWan: value.amountWan ?? null,
      termMonths: value.termMonths ?? null,
      maxRatePercent: value.maxRatePercent ?? null,
      industry: value.industry,
      guaranteeRequirement: value.guaranteeRequirement,
    });
  }, [form, value.type, value.amountWan, value.termMonths, value.maxRatePercent, value.industry, value.guaranteeRequirement]);

  const creditOnly = type !== 'guarantee_offer';

  return (
    <Form<ShelfFilterValues>
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(values)}
      className="supermarket-filters"
      data-testid="supermarket-filters"
      // Changing the product type applies at once; numbers wait for the button (or Enter).
      onValuesChange={(changed: ShelfFilterValues, all) => {
        if ('type' in changed) {
          onChange({ ...all, guaranteeRequirement: changed.type === 'guarantee_offer' ? undefined : all.guaranteeRequirement });
        }
      }}
    >
      <Row gutter={[16, 0]} align="bottom">
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="type" label={t('supermarket.type')}>
            <Select<ShelfType>
              allowClear
              placeholder={t('supermarket.allTypes')}
              options={[
                { value: 'credit_offer', label: labels.listingType('credit_offer') },
                { value: 'guarantee_offer', label: labels.listingType('guarantee_offer') },
              ]}
              data-testid="supermarket-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="amountWan" label={t('supermarket.amount')} tooltip={t('supermarket.amountHint')}>
            <UnitInput unit={t('units.wan')} min={1} precision={0} testId="supermarket-amount" />
          </Form.Item>
        </Col>
        {creditOnly ? (
          <>
            <Col xs={24} sm={6} lg={3}>
              <Form.Item name="termMonths" label={t('supermarket.term')}>
                <UnitInput unit={t('units.month')} min={1} max={600} precision={0} testId="supermarket-term" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6} lg={3}>
              <Form.Item name="maxRatePercent" label={t('supermarket.maxRate')} tooltip={t('supermarket.maxRateHint')}>
                <UnitInput unit="%" min={0} max={100} precision={2} step={0.05} testId="supermarket-rate" />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col xs={24} sm={12} lg={creditOnly ? 4 : 8}>
          <Form.Item name="industry" label={t('supermarket.industry')}>
            <IndustrySelect allowClear />
          </Form.Item>
        </Col>
        {creditOnly ? (
          <Col xs={24} sm={12} lg={3}>
            <Form.Item name="guaranteeRequirement" label={t('fields.guaranteeRequirement')}>
              <Select<GuaranteeRequirement>
                allowClear
                placeholder={t('supermarket.anyRequirement')}
                options={GUARANTEE_REQUIREMENTS.map((r) => ({ value: r, label: labels.guaranteeRequirement(r) }))}
                data-testid="supermarket-guarantee"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} lg={3}>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="supermarket-filter">
                {t('supermarket.filter')}
              </Button>
              <Button
                icon={<UndoOutlined />}
                aria-label={t('supermarket.reset')}
                title={t('supermarket.reset')}
                onClick={() => {
                  form.resetFields();
                  onChange({});
                }}
                data-testid="supermarket-reset"
              />
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
