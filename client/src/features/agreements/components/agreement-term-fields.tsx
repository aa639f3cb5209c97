import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUANTITY_UNITS } from '@duijie/shared';
import { CategorySelect } from '../../../ui/category-select';
import { UnitInput } from '../../../ui/unit-input';

type Props = {
  /** A goods agreement also names the product, its quantity and unit. */
  goods: boolean;
};

/** An agreement's terms: title, amount, term, the goods traded and the key terms. */
export function AgreementTermFields({ goods }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Form.Item name="title" label={t('agreement.title')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input data-testid="agreement-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="amountWan" label={t('agreement.amount')} rules={[required]} extra={t('fields.wanHint')}>
            <UnitInput unit={t('units.wan')} testId="agreement-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="termMonths" label={t('fields.termMonths')}>
            <UnitInput unit={t('units.month')} precision={0} min={1} max={600} testId="agreement-term" />
          </Form.Item>
        </Col>
      </Row>
      {goods ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="product" label={t('fields.category')} rules={[required]}>
              <CategorySelect testId="agreement-product" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="quantity" label={t('fields.quantity')} rules={[required]}>
              <InputNumber<number> min={0} inputMode="decimal" style={{ width: '100%' }} data-testid="agreement-quantity" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="unit" label={t('fields.unit')} rules={[required]}>
              <Select data-testid="agreement-unit" options={QUANTITY_UNITS.map((u) => ({ value: u, label: u }))} showSearch />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Form.Item name="keyTerms" label={t('agreement.keyTerms')} rules={[{ ...required, whitespace: true }, { max: 20000 }]}>
        <Input.TextArea rows={5} data-testid="agreement-key-terms-input" placeholder={t('agreement.keyTermsPlaceholder')} />
      </Form.Item>
    </>
  );
}
