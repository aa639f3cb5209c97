import { AGREEMENT_KINDS, AGREEMENT_ROLES, GOODS_AGREEMENT_KINDS, wanToYuan, yuanToWan } from '@duijie/shared';
import type {
  Agreement,
  AgreementKind,
  AgreementPartyInput,
  AgreementPartyRole,
  AgreementTermsInput,
  AgreementUpdateInput,
  MatchSession,
  ParticipantRole,
  Participation,
} from '@duijie/shared';
import type { FieldAliases } from '../../api/form-errors';

// The agreement form holds amounts in 万元 and the parties as a role pick plus one counterparty
// per role; these functions turn what it holds into the API's terms and parties.

/** A session where agreements can be drafted, and my organisation's approved roles in it. */
export type AgreementSessionChoice = { session: MatchSession; roles: ParticipantRole[] };

export type AgreementFormValues = {
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
export function combosOf(kind: AgreementKind): readonly (readonly AgreementPartyRole[])[] | 'any' {
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

/** My roles in the session that can take part in an agreement of this kind. */
export function rolesFitting(roles: readonly ParticipantRole[], kind: AgreementKind | undefined): ParticipantRole[] {
  const combos = kind ? combosOf(kind) : 'any';
  return roles.filter((r) => combos === 'any' || combos.some((c) => c.includes(r)));
}

export function termsOf(values: AgreementFormValues, goods: boolean): AgreementTermsInput {
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

/** The form's starting values: an agreement's terms to edit, or the only session to draft in. */
export function initialAgreementValues(agreement: Agreement | undefined, choices: AgreementSessionChoice[]): AgreementFormValues {
  return agreement
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
}

/** An edit sends only the terms that changed; with none, the input holds just the version. */
export function agreementUpdate(agreement: Agreement, values: AgreementFormValues): AgreementUpdateInput {
  const next = termsOf(values, GOODS_AGREEMENT_KINDS.includes(agreement.kind));
  const input: AgreementUpdateInput = { version: agreement.version };
  if (next.title !== agreement.title) input.title = next.title;
  if (next.amount !== agreement.amount) input.amount = next.amount;
  if (next.termMonths !== agreement.termMonths) input.termMonths = next.termMonths;
  if (next.product !== agreement.product) input.product = next.product;
  if (next.quantity !== agreement.quantity) input.quantity = next.quantity;
  if (next.unit !== agreement.unit) input.unit = next.unit;
  if (next.keyTerms !== agreement.keyTerms) input.keyTerms = next.keyTerms;
  return input;
}

type PartiesSource = {
  kind: AgreementKind;
  /** My organisation's party. */
  mine: AgreementPartyInput;
  values: AgreementFormValues;
  /** The session's other approved participants. */
  others: Participation[];
  counterRoles: ParticipantRole[];
};

/**
 * A new agreement's parties, mine first, and where the server's errors about each party go on
 * the form (the server names them by their place in the list).
 */
export function partiesOf({ kind, mine, values, others, counterRoles }: PartiesSource): { parties: AgreementPartyInput[]; aliases: FieldAliases } {
  const parties: AgreementPartyInput[] = [mine];
  const aliases: FieldAliases = {
    amount: ['amountWan'],
    parties: kind === 'intent' ? ['intentParties'] : ['myRole'],
    'parties.0.organisationId': ['myRole'],
    'parties.0.role': ['myRole'],
  };
  if (kind === 'intent') {
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
  return { parties, aliases };
}
