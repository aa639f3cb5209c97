import { App, Form } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { findCategory, GOODS_AGREEMENT_KINDS } from '@duijie/shared';
import type { Agreement, AgreementInput, AgreementKind, AgreementPartyRole, ParticipantRole, Participation } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { useFailureHandler } from '../../../ui/use-failure';
import { useParticipants } from '../../participation/hooks/use-participation';
import { agreementUpdate, combosOf, draftableKinds, initialAgreementValues, partiesOf, rolesFitting, termsOf } from '../agreement-values';
import type { AgreementFormValues, AgreementSessionChoice } from '../agreement-values';
import { useCreateAgreement, useInvalidateAgreement, useUpdateAgreement } from './use-agreements';

/** What the form's picks so far allow: the kinds, my roles and role sets, and whom to pick as the other parties. */
export type AgreementDraft = {
  choice: AgreementSessionChoice | undefined;
  kinds: AgreementKind[];
  kind: AgreementKind | undefined;
  myRole: ParticipantRole | undefined;
  myRoles: ParticipantRole[];
  myCombos: (readonly AgreementPartyRole[])[];
  counterRoles: ParticipantRole[];
  goods: boolean;
  /** The session's other approved participants. */
  others: Participation[];
  othersLoading: boolean;
};

type AgreementFormInstance = FormInstance<AgreementFormValues>;

function useAgreementDraft(form: AgreementFormInstance, choices: AgreementSessionChoice[], agreement: Agreement | undefined): AgreementDraft {
  const me = useMe();
  const sessionId = Form.useWatch('sessionId', form);
  const watchedKind = Form.useWatch('kind', form);
  const myRole = Form.useWatch('myRole', form);
  const comboIndex = Form.useWatch('combo', form);
  const kind = agreement?.kind ?? watchedKind;
  const choice = choices.find((c) => c.session.id === sessionId);
  const participants = useParticipants(agreement ? undefined : sessionId, 'approved');
  const others = (participants.data ?? []).filter((p) => p.organisationId !== me.organisation.id);

  const combos = kind ? combosOf(kind) : 'any';
  const myCombos = combos === 'any' || !myRole ? [] : combos.filter((c) => c.includes(myRole));
  const combo = myCombos.length === 1 ? myCombos[0] : comboIndex !== undefined ? myCombos[comboIndex] : undefined;
  return {
    choice,
    kinds: choice ? draftableKinds(choice.roles) : [],
    kind,
    myRole,
    myRoles: choice && kind ? rolesFitting(choice.roles, kind) : [],
    myCombos,
    counterRoles: (combo ?? []).filter((r): r is ParticipantRole => r !== 'organiser' && r !== myRole),
    goods: kind !== undefined && GOODS_AGREEMENT_KINDS.includes(kind),
    others,
    othersLoading: participants.isPending,
  };
}

/** A pick clears the picks that depend on it, and fills in the only possible next one. */
function followPicks(form: AgreementFormInstance, choices: AgreementSessionChoice[], changed: Partial<AgreementFormValues>) {
  if (changed.sessionId !== undefined) {
    form.setFieldsValue({ kind: undefined, myRole: undefined, combo: undefined, counterparty: {}, intentParties: [] });
  }
  if (changed.kind !== undefined || changed.sessionId !== undefined) {
    const nextKind = form.getFieldValue('kind') as AgreementKind | undefined;
    const nextChoice = choices.find((c) => c.session.id === form.getFieldValue('sessionId'));
    const fits = rolesFitting(nextChoice?.roles ?? [], nextKind);
    form.setFieldsValue({ myRole: fits.length === 1 ? fits[0] : undefined, combo: undefined, counterparty: {} });
  }
  if (changed.myRole !== undefined) form.setFieldsValue({ combo: undefined, counterparty: {} });
  if (changed.product && !form.getFieldValue('unit')) {
    const unit = findCategory(changed.product)?.defaultUnit;
    if (unit) form.setFieldValue('unit', unit);
  }
}

type Options = { choices: AgreementSessionChoice[]; agreement?: Agreement; onDone: () => void };

/** The agreement form's state and submit: edits an agreement's terms, or drafts a new one with its parties. */
export function useAgreementForm({ choices, agreement, onDone }: Options) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgreementFormValues>();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const invalidate = useInvalidateAgreement();
  const onFailure = useFailureHandler();
  const draft = useAgreementDraft(form, choices, agreement);

  const save = (edited: Agreement, values: AgreementFormValues) => {
    const input = agreementUpdate(edited, values);
    if (Object.keys(input).length === 1) {
      onDone();
      return;
    }
    update.mutate(
      { agreement: edited, input },
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
              void invalidate(edited);
              onDone();
            },
          }),
      },
    );
  };

  const createNew = (values: AgreementFormValues) => {
    if (!values.sessionId || !values.kind || !values.myRole) return;
    const mine = { organisationId: me.organisation.id, role: values.myRole };
    const { parties, aliases } = partiesOf({ kind: values.kind, mine, values, others: draft.others, counterRoles: draft.counterRoles });
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

  return {
    form,
    draft,
    initialValues: initialAgreementValues(agreement, choices),
    onValuesChange: (changed: Partial<AgreementFormValues>) => followPicks(form, choices, changed),
    onFinish: (values: AgreementFormValues) => (agreement ? save(agreement, values) : createNew(values)),
    saving: create.isPending || update.isPending,
  };
}
