import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FINANCING_PURPOSES, GUARANTEE_REQUIREMENTS, ORGANISATION_SIZES, QUANTITY_UNITS } from '@duijie/shared';
import type { ListingType, OrganisationSize } from '@duijie/shared';
import { CategorySelect } from '../../../ui/category-select';
import { IndustryMultiSelect } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { RegionSelect } from '../../../ui/region-select';
import { UnitInput } from '../../../ui/unit-input';

function useRequired() {
  const { t } = useTranslation();
  return { required: true, message: t('validation.required') };
}

/** A rule that the field is not below another field of the same form. */
function notBelow(other: (string | number)[], message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: (_rule: unknown, value: number | null | undefined) => {
      const min = getFieldValue(other);
      return typeof value === 'number' && typeof min === 'number' && value < min ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}

type TargetSizesProps = { value?: OrganisationSize[]; onChange?: (value: OrganisationSize[]) => void; id?: string; testId?: string };

/** 面向企业规模 of a credit or guarantee product: none picked serves every size. */
function TargetSizesSelect({ value, onChange, id, testId }: TargetSizesProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Select<OrganisationSize[]>
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('listing.anySize')}
      data-testid={testId}
      options={ORGANISATION_SIZES.map((s) => ({ value: s, label: labels.orgSize(s) }))}
    />
  );
}

type GoodsProps = { type: ListingType };

export function GoodsFields({ type }: GoodsProps) {
  const { t } = useTranslation();
  const required = useRequired();
  const unit = Form.useWatch(['goods', 'unit']) as string | undefined;
  const priceUnit = `${t('units.yuan')}/${unit ?? t('fields.unit')}`;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['goods', 'category']} label={t('fields.category')} rules={[required]}>
            <CategorySelect testId="listing-category" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['goods', 'specification']} label={t('fields.specification')} rules={[{ max: 200 }]}>
            <Input placeholder={t('fields.specificationPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['goods', 'quantity']} label={t('fields.quantity')} rules={[required]}>
            <InputNumber<number> min={0} inputMode="decimal" style={{ width: '100%' }} data-testid="listing-quantity" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name={['goods', 'unit']} label={t('fields.unit')} rules={[required]}>
            <Select data-testid="listing-unit" options={QUANTITY_UNITS.map((u) => ({ value: u, label: u }))} showSearch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['goods', 'region']} label={type === 'supply' ? t('fields.supplyRegion') : t('fields.demandRegion')} rules={[required]}>
            <RegionSelect testId="listing-region" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name={['goods', 'priceMin']} label={t('fields.priceMin')}>
            <UnitInput unit={priceUnit} precision={2} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={['goods', 'priceMax']}
            label={t('fields.priceMax')}
            dependencies={[['goods', 'priceMin']]}
            rules={[notBelow(['goods', 'priceMin'], t('validation.maxBelowMin'))]}
          >
            <UnitInput unit={priceUnit} precision={2} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['goods', 'deliveryFrom']} label={t('fields.deliveryFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={['goods', 'deliveryTo']}
            label={t('fields.deliveryTo')}
            dependencies={[['goods', 'deliveryFrom']]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null | undefined) => {
                  const from = getFieldValue(['goods', 'deliveryFrom']) as Dayjs | null | undefined;
                  return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error(t('validation.endAfterStart'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function FinancingFields() {
  const { t } = useTranslation();
  const labels = useLabels();
  const required = useRequired();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['financing', 'amount']} label={t('fields.amount')} rules={[required]}>
            <UnitInput unit={t('units.wan')} testId="listing-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['financing', 'termMonths']} label={t('fields.termMonths')} rules={[required]}>
            <UnitInput unit={t('units.month')} min={1} max={600} precision={0} testId="listing-term" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['financing', 'purpose']} label={t('fields.purpose')} rules={[required]}>
            <Select data-testid="listing-purpose" options={FINANCING_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name={['financing', 'collateral']} label={t('fields.collateral')} rules={[{ max: 500 }]}>
            <Input placeholder={t('fields.collateralPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['financing', 'guaranteeNeeded']} label={t('fields.guaranteeNeeded')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function CreditFields() {
  const { t } = useTranslation();
  const labels = useLabels();
  const required = useRequired();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['credit', 'amountMin']} label={t('fields.amountMin')} rules={[required]}>
            <UnitInput unit={t('units.wan')} testId="listing-amount-min" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['credit', 'amountMax']}
            label={t('fields.amountMax')}
            dependencies={[['credit', 'amountMin']]}
            rules={[required, notBelow(['credit', 'amountMin'], t('validation.maxBelowMin'))]}
          >
            <UnitInput unit={t('units.wan')} testId="listing-amount-max" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['credit', 'totalLine']}
            label={t('fields.totalLine')}
            dependencies={[['credit', 'amountMax']]}
            rules={[required, notBelow(['credit', 'amountMax'], t('validation.lineBelowMax'))]}
          >
            <UnitInput unit={t('units.wan')} testId="listing-total-line" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name={['credit', 'termMinMonths']} label={t('fields.termMinMonths')} rules={[required]}>
            <UnitInput unit={t('units.month')} min={1} max={600} precision={0} testId="listing-term-min" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={['credit', 'termMaxMonths']}
            label={t('fields.termMaxMonths')}
            dependencies={[['credit', 'termMinMonths']]}
            rules={[required, notBelow(['credit', 'termMinMonths'], t('validation.maxBelowMin'))]}
          >
            <UnitInput unit={t('units.month')} min={1} max={600} precision={0} testId="listing-term-max" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['credit', 'rateMinBp']} label={t('fields.rateMin')} rules={[required]}>
            <UnitInput unit="%" max={100} precision={2} step={0.05} testId="listing-rate-min" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={['credit', 'rateMaxBp']}
            label={t('fields.rateMax')}
            dependencies={[['credit', 'rateMinBp']]}
            rules={[required, notBelow(['credit', 'rateMinBp'], t('validation.maxBelowMin'))]}
          >
            <UnitInput unit="%" max={100} precision={2} step={0.05} testId="listing-rate-max" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['credit', 'targetSizes']} label={t('fields.targetSizes')}>
            <TargetSizesSelect testId="listing-credit-sizes" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['credit', 'guaranteeRequirement']} label={t('fields.guaranteeRequirement')} rules={[required]}>
            <Select options={GUARANTEE_REQUIREMENTS.map((g) => ({ value: g, label: labels.guaranteeRequirement(g) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['credit', 'targetIndustries']} label={t('fields.targetIndustries')}>
        <IndustryMultiSelect />
      </Form.Item>
    </>
  );
}

export function GuaranteeFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['guarantee', 'capacity']} label={t('fields.capacity')} rules={[required]}>
            <UnitInput unit={t('units.wan')} testId="listing-capacity" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['guarantee', 'feeRateBp']} label={t('fields.feeRate')} rules={[required]}>
            <UnitInput unit="%" max={100} precision={2} step={0.05} testId="listing-fee-rate" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['guarantee', 'targetSizes']} label={t('fields.targetSizes')}>
        <TargetSizesSelect testId="listing-guarantee-sizes" />
      </Form.Item>
      <Form.Item name={['guarantee', 'targetIndustries']} label={t('fields.targetIndustries')}>
        <IndustryMultiSelect />
      </Form.Item>
    </>
  );
}

type ConfidentialProps = { type: ListingType };

/** Seen only by my organisation and the organisers. */
export function ConfidentialFields({ type }: ConfidentialProps) {
  const { t } = useTranslation();
  const isLender = type === 'credit_offer' || type === 'guarantee_offer';
  return (
    <>
      {isLender ? (
        type === 'credit_offer' ? (
          <Form.Item name={['confidential', 'internalRateFloorBp']} label={t('fields.internalRateFloor')}>
            <UnitInput unit="%" max={100} precision={2} step={0.05} />
          </Form.Item>
        ) : null
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['confidential', 'annualRevenue']} label={t('fields.annualRevenue')}>
              <UnitInput unit={t('units.wan')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['confidential', 'totalAssets']} label={t('fields.totalAssets')}>
              <UnitInput unit={t('units.wan')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['confidential', 'debtRatioPercent']} label={t('fields.debtRatioPercent')}>
              <UnitInput unit="%" max={1000} precision={2} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name={['confidential', 'notes']} label={t('fields.notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

type TypeChoiceProps = {
  types: ListingType[];
  value?: ListingType;
  onChange?: (value: ListingType) => void;
  disabled?: boolean;
};

/** The listing types my organisation may post in the chosen session. */
export function ListingTypeChoice({ types, value, onChange, disabled }: TypeChoiceProps) {
  const labels = useLabels();
  return (
    <Radio.Group optionType="button" buttonStyle="solid" value={value} disabled={disabled} onChange={(e) => onChange?.(e.target.value as ListingType)}>
      {types.map((type) => (
        <Radio.Button key={type} value={type}>
          <span data-testid={`listing-type-${type}`}>{labels.listingType(type)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
