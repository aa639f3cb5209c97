import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { creditCodeProblem, ORGANISATION_KINDS, ORGANISATION_SIZES } from '@duijie/shared';
import type { OrganisationKind } from '@duijie/shared';
import { IndustrySelect } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { RegionSelect } from '../../../ui/region-select';

type Props = {
  /** Form path the fields live under, e.g. ['organisation'] in the registration form. */
  prefix?: string[];
  /** Credit code and kind are fixed once the organisation exists. */
  mode: 'create' | 'edit';
  /** Kinds to offer; self-registration cannot choose 'organiser'. */
  kinds?: readonly OrganisationKind[];
};

const PHONE = /^[0-9+\-() ]{7,20}$/;

/** The organisation's own fields, with names equal to OrganisationInput's. */
export function OrganisationFields({ prefix = [], mode, kinds = ORGANISATION_KINDS }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const name = (field: string) => [...prefix, field];
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Form.Item name={name('name')} label={t('fields.orgName')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input data-testid="org-name" />
      </Form.Item>
      {mode === 'create' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('creditCode')}
              label={t('fields.creditCode')}
              tooltip={t('fields.creditCodeHelp')}
              normalize={(value: string | undefined) => (value ?? '').toUpperCase().replace(/\s+/g, '')}
              validateTrigger="onBlur"
              rules={[
                required,
                {
                  validator: (_rule, value: string | undefined) => {
                    const problem = value ? creditCodeProblem(value) : null;
                    return problem === null ? Promise.resolve() : Promise.reject(new Error(t('validation.creditCode', { problem })));
                  },
                },
              ]}
            >
              <Input maxLength={18} data-testid="org-credit-code" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={name('kind')} label={t('fields.orgKind')} rules={[required]}>
              <Select data-testid="org-kind" options={kinds.map((kind) => ({ value: kind, label: labels.orgKind(kind) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={name('industry')} label={t('fields.industry')} rules={[required]}>
            <IndustrySelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('size')} label={t('fields.orgSize')} rules={[required]}>
            <Select options={ORGANISATION_SIZES.map((size) => ({ value: size, label: labels.orgSize(size) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={name('region')} label={t('fields.region')} rules={[required]}>
        <RegionSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={name('contactName')} label={t('fields.contactName')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('contactPhone')} label={t('fields.contactPhone')} rules={[required, { pattern: PHONE, message: t('validation.phone') }]}>
            <Input inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
