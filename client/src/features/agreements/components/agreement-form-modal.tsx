import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, AGREEMENT_ROLES, findCategory, GOODS_AGREEMENT_KINDS, QUANTITY_UNITS, wanToYuan, yuanToWan } from '@duijie/shared';
import type {
  Agreement,
  AgreementInput,
  AgreementKind,
  AgreementPartyInput,
  AgreementPartyRole,
  AgreementTermsInput,
  AgreementUpdateInput,
  MatchSession,
  ParticipantRole,
} from '@duijie/shared';
import type { FieldAliases } from '../../../api/form-errors';
import { useMe } from '../../../app/auth';
import { CategorySelect } from '../../../ui/category-select';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { UnitInput } from '../../../ui/unit-input';
import { useFailureHandler } from '../../../ui/use-failure';
import { useParticipants } from '../../participation/hooks/use-participation';
import { useCreateAgreement, useInvalidateAgreement, useUpdateAgreement } from '../hooks/use-agreements';

/** A session where agreements can be drafted, and my organisation's approved roles in it. */
export type AgreementSessionChoice = { session: MatchSession; roles: ParticipantRole[] };

type Props = {
  open: boolean;
  choices: AgreementSessionChoice[];
  /** The agreement to edit; a new one is drafted when absent. */
  agreement?: Agreement;
  onClose: () => void;
};

type FormValues = {
  sessionId?: string;
  kind?: AgreementKind;
  myRole?: ParticipantRole;
  combo?: number;
  /** Counterparty organisation id by role. */
  counterparty?: Partial<Record<ParticipantRole, string>>;
  /** Participation ids of the other parties of an intent agreement. */
  intentParties?: string[];
  title?: string;
  amountWan?: number | null;
  termMonths?: number | null;
  product?: string | null;
  quantity?: number | null;
  unit?: string | null;
  keyTerms?: string;
};

/** The role sets of a kind: 'any' for an intent agreement. */
function combosOf(kind: AgreementKind): readonly (readonly AgreementPartyRole[])[] | 'any' {
  return AGREEMENT_ROLES[kind];
}

/** Kinds a participant can draft with these roles (the organiser's target letter is not one of them). */
export function draftableKinds(roles: readonly ParticipantRole[]): AgreementKind[] {
  return AGREEMENT_KINDS.filter((kind) => {
    const combos = combosOf(kind);
    if (combos === 'any') return true;
    return combos.some((combo) => !combo.includes('organiser') && roles.some((role) => combo.includes(role)));
  });
}

function termsOf(values: FormValues, goods: boolean): AgreementTermsInput {
  return {
    title: (values.title ?? '').trim(),
    amount: wanToYuan(values.amountWan ?? 0),
    termMonths: values.termMonths ?? null,
    product: goods ? (values.product ?? null) : null,
    quantity: goods ? (values.quantity ?? null) : null,
    unit: goods ? (values.unit ?? null) : null,
    keyTerms: values.keyTerms ?? '',
  };
}

export function AgreementFormModal({ open, choices, agreement, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={agreement ? t('agreement.editTitle') : t('agreement.createTitle')} footer={null} onCancel={onClose} destroyOnHidden width={820}>
      <AgreementForm choices={choices} agreement={agreement} onDone={onClose} />
    </Modal>
  );
}

type FormProps = { choices: AgreementSessionChoice[]; agreement?: Agreement; onDone: () => void };

function AgreementForm({ choices, agreement, onDone }: FormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const invalidate = useInvalidateAgreement();
  const onFailure = useFailureHandler();

  const sessionId = Form.useWatch('sessionId', form);
  const watchedKind = Form.useWatch('kind', form);
  const myRole = Form.useWatch('myRole', form);
  const comboIndex = Form.useWatch('combo', form);
  const kind = agreement?.kind ?? watchedKind;
  const choice = choices.find((c) => c.session.id === sessionId);
  const participants = useParticipants(agreement ? undefined : sessionId, 'approved');
  const others = (participants.data ?? []).filter((p) => p.organisationId !== me.organisation.id);

  const kinds = choice ? draftableKinds(choice.roles) : [];
  const combos = kind ? combosOf(kind) : 'any';
  const myRoles = choice && kind ? choice.roles.filter((r) => combos === 'any' || combos.some((c) => c.includes(r))) : [];
  const myCombos = combos === 'any' || !myRole ? [] : combos.filter((c) => c.includes(myRole));
  const combo = myCombos.length === 1 ? myCombos[0] : comboIndex !== undefined ? myCombos[comboIndex] : undefined;
  const counterRoles = (combo ?? []).filter((r): r is ParticipantRole => r !== 'organiser' && r !== myRole);
  const goods = kind !== undefined && GOODS_AGREEMENT_KINDS.includes(kind);

  const initialValues: FormValues = agreement
    ? {
        title: agreement.title,
        amountWan: yuanToWan(agreement.amount),
        termMonths: agreement.termMonths,
        product: agreement.product,
        quantity: agreement.quantity,
        unit: agreement.unit,
        keyTerms: agreement.keyTerms,
      }
    : { sessionId: choices.length === 1 ? choices[0]?.session.id : undefined };

  const onValuesChange = (changed: Partial<FormValues>) => {
    if (changed.sessionId !== undefined) {
      form.setFieldsValue({ kind: undefined, myRole: undefined, combo: undefined, counterparty: {}, intentParties: [] });
    }
    if (changed.kind !== undefined || changed.sessionId !== undefined) {
      const nextKind = form.getFieldValue('kind') as AgreementKind | undefined;
      const nextChoice = choices.find((c) => c.session.id === form.getFieldValue('sessionId'));
      const nextCombos = nextKind ? combosOf(nextKind) : 'any';
      const fits = (nextChoice?.roles ?? []).filter((r) => nextCombos === 'any' || nextCombos.some((c) => c.includes(r)));
      form.setFieldsValue({ myRole: fits.length === 1 ? fits[0] : undefined, combo: undefined, counterparty: {} });
    }
    if (changed.myRole !== undefined) form.setFieldsValue({ combo: undefined, counterparty: {} });
    if (changed.product && !form.getFieldValue('unit')) {
      const unit = findCategory(changed.product)?.defaultUnit;
      if (unit) form.setFieldValue('unit', unit);
    }
  };

  const onFinish = (values: FormValues) => {
    if (agreement) {
      const next = termsOf(values, GOODS_AGREEMENT_KINDS.includes(agreement.kind));
      const input: AgreementUpdateInput = { version: agreement.version };
      if (next.title !== agreement.title) input.title = next.title;
      if (next.amount !== agreement.amount) input.amount = next.amount;
      if (next.termMonths !== agreement.termMonths) input.termMonths = next.termMonths;
      if (next.product !== agreement.product) input.product = next.product;
      if (next.quantity !== agreement.quantity) input.quantity = next.quantity;
      if (next.unit !== agreement.unit) input.unit = next.unit;
      if (next.keyTerms !== agreement.keyTerms) input.keyTerms = next.keyTerms;
      if (Object.keys(input).length === 1) {
        onDone();
        return;
      }
      update.mutate(
        { agreement, input },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onDone();
          },
          onError: (error) =>
            onFailure(error, {
              form,
              aliases: { amount: ['amountWan'] },
              onStale: () => {
                void invalidate(agreement);
                onDone();
              },
            }),
        },
      );
      return;
    }
    if (!values.sessionId || !values.kind || !values.myRole) return;
    const parties: AgreementPartyInput[] = [{ organisationId: me.organisation.id, role: values.myRole }];
    const aliases: FieldAliases = {
      amount: ['amountWan'],
      parties: values.kind === 'intent' ? ['intentParties'] : ['myRole'],
      'parties.0.organisationId': ['myRole'],
      'parties.0.role': ['myRole'],
    };
    if (values.kind === 'intent') {
      for (const id of values.intentParties ?? []) {
        const p = others.find((o) => o.id === id);
        if (!p) continue;
        aliases[`parties.${parties.length}.organisationId`] = ['intentParties'];
        aliases[`parties.${parties.length}.role`] = ['intentParties'];
        parties.push({ organisationId: p.organisationId, role: p.role });
      }
    } else {
      for (const role of counterRoles) {
        const organisationId = values.counterparty?.[role];
        if (!organisationId) continue;
        aliases[`parties.${parties.length}.organisationId`] = ['counterparty', role];
        aliases[`parties.${parties.length}.role`] = ['counterparty', role];
        parties.push({ organisationId, role });
      }
    }
    const input: AgreementInput = { ...termsOf(values, GOODS_AGREEMENT_KINDS.includes(values.kind)), kind: values.kind, parties };
    create.mutate(
      { sessionId: values.sessionId, input },
      {
        onSuccess: () => {
          void message.success(t('agreement.created'));
          onDone();
        },
        onError: (error) => onFailure(error, { form, aliases }),
      },
    );
  };

  const required = { required: true, message: t('validation.required') };
  const signaturesSoFar = agreement ? agreement.parties.filter((p) => p.signature).length : 0;

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onValuesChange={onValuesChange} onFinish={onFinish} scrollToFirstError>
      {agreement ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={signaturesSoFar > 0 ? t('agreement.editVoids', { count: signaturesSoFar }) : t('agreement.editVoidsNone')}
          data-testid="agreement-edit-warning"
        />
      ) : (
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
                loading={participants.isPending}
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
                      loading={participants.isPending}
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
      )}
      {kind ? (
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
              <Col xs={12} md={8}>
                <Form.Item name="quantity" label={t('fields.quantity')} rules={[required]}>
                  <InputNumber<number> min={0} style={{ width: '100%' }} data-testid="agreement-quantity" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
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
      ) : null}
      <FormFooter
        submitText={agreement ? t('common.save') : t('agreement.submit')}
        loading={create.isPending || update.isPending}
        onCancel={onDone}
        submitTestId="agreement-submit"
      />
    </Form>
  );
}
