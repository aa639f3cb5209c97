import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../ui/labels';
import type { AgreementSessionChoice } from '../agreement-values';
import type { AgreementDraft } from '../hooks/use-agreement-form';

type Props = { choices: AgreementSessionChoice[]; draft: AgreementDraft };

/** A new agreement's session, kind and parties: each pick narrows the choices of the next. */
export function AgreementPartyFields({ choices, draft }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { choice, kinds, kind, myRole, myRoles, myCombos, counterRoles, others, othersLoading } = draft;
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Form.Item name="sessionId" label={t('fields.session')} rules={[required]}>
        <Select
          data-testid="agreement-session"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('listing.chooseSession')}
          notFoundContent={t('agreement.noSessions')}
          options={choices.map((c) => ({
            value: c.session.id,
            label: `${c.session.title} · ${labels.sessionKind(c.session.kind)} · ${labels.sessionStatus(c.session.status)}`,
          }))}
        />
      </Form.Item>
      {choice ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('agreement.kind')} rules={[required]}>
              <Select data-testid="agreement-kind" options={kinds.map((k) => ({ value: k, label: labels.agreementKind(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="myRole" label={t('agreement.myRole')} rules={[required]}>
              <Select data-testid="agreement-my-role" disabled={!kind} options={myRoles.map((r) => ({ value: r, label: labels.role(r) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {myCombos.length > 1 ? (
        <Form.Item name="combo" label={t('agreement.combo')} rules={[required]}>
          <Select data-testid="agreement-combo" options={myCombos.map((c, i) => ({ value: i, label: c.map((r) => labels.partyRole(r)).join(' + ') }))} />
        </Form.Item>
      ) : null}
      {kind === 'intent' && myRole ? (
        <Form.Item name="intentParties" label={t('agreement.counterparties')} rules={[required]}>
          <Select
            mode="multiple"
            data-testid="agreement-intent-parties"
            loading={othersLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={others.map((p) => ({ value: p.id, label: `${p.organisationName} (${labels.role(p.role)})` }))}
          />
        </Form.Item>
      ) : null}
      {counterRoles.length > 0 ? (
        <Row gutter={16}>
          {counterRoles.map((role) => (
            <Col xs={24} md={12} key={role}>
              <Form.Item name={['counterparty', role]} label={labels.role(role)} rules={[required]}>
                <Select
                  data-testid={`agreement-party-${role}`}
                  loading={othersLoading}
                  showSearch={{ optionFilterProp: 'label' }}
                  notFoundContent={t('agreement.noCounterparty')}
                  options={others.filter((p) => p.role === role).map((p) => ({ value: p.organisationId, label: p.organisationName }))}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      ) : null}
    </>
  );
}
