// The words an import cell may use for each of the API's codes: the Chinese label the console
// shows, a few common synonyms, and the code itself. Compared after normaliseLabel.
import {
  FINANCING_PURPOSES,
  GUARANTEE_REQUIREMENTS,
  LISTING_TYPES,
  ORGANISATION_KINDS,
  ORGANISATION_SIZES,
  PARTICIPANT_ROLES,
  type FinancingPurpose,
  type GuaranteeRequirement,
  type ListingType,
  type OrganisationKind,
  type OrganisationSize,
  type ParticipantRole,
} from '@duijie/shared';
import { normaliseLabel } from './columns';

type Words<T extends string> = Record<T, readonly string[]>;

const KIND_WORDS: Words<OrganisationKind> = {
  enterprise: ['企业'],
  bank: ['银行'],
  guarantor: ['担保机构'],
  microlender: ['小额贷款公司', '小贷公司'],
  insurer: ['保险公司', '保险机构'],
  distributor: ['商贸流通企业', '流通企业'],
  construction_unit: ['施工/建设单位', '施工单位', '建设单位', '援建单位'],
  organiser: ['主办单位'],
};

const SIZE_WORDS: Words<OrganisationSize> = {
  large: ['大型', '大型企业'],
  medium: ['中型', '中型企业'],
  small: ['小型', '小型企业'],
  micro: ['微型', '微型企业'],
};

const ROLE_WORDS: Words<ParticipantRole> = {
  borrower: ['融资企业', '融资方', '借款方'],
  lender: ['银行/贷款机构', '贷款机构', '贷款方', '银行'],
  guarantor: ['担保机构', '担保方'],
  supplier: ['供应方（上游）', '供应方', '上游'],
  buyer: ['采购方（下游）', '采购方', '下游'],
  producer: ['生产企业', '生产方'],
  distributor: ['流通企业', '流通方', '经销商'],
  builder: ['施工单位', '施工方', '建设单位'],
};

const TYPE_WORDS: Words<ListingType> = {
  supply: ['供应'],
  demand: ['需求', '采购需求'],
  financing_need: ['融资需求', '融资'],
  credit_offer: ['信贷产品', '授信产品', '授信'],
  guarantee_offer: ['担保产品', '担保服务', '担保'],
};

const PURPOSE_WORDS: Words<FinancingPurpose> = {
  working_capital: ['流动资金'],
  technical_upgrade: ['技术改造', '技改'],
  project: ['项目建设', '项目贷款', '项目'],
};

const GUARANTEE_WORDS: Words<GuaranteeRequirement> = {
  none: ['信用（无需担保）', '信用', '无需担保', '无'],
  collateral: ['抵押'],
  guarantee: ['保证担保', '保证', '担保'],
  collateral_or_guarantee: ['抵押或保证', '抵押或担保'],
};

export type Vocabulary<T extends string = string> = {
  /** The code a cell means, or undefined. */
  lookup(text: string): T | undefined;
  /** The Chinese label of each code, for messages: "企业, 银行, …". */
  labels: string;
  label(code: T): string;
};

function vocabulary<T extends string>(codes: readonly T[], words: Words<T>): Vocabulary<T> {
  const byWord = new Map<string, T>();
  for (const code of codes) {
    byWord.set(normaliseLabel(code), code);
    for (const word of words[code]) byWord.set(normaliseLabel(word), code);
  }
  return {
    lookup: (text) => byWord.get(normaliseLabel(text)),
    labels: codes.map((c) => words[c][0]).join(', '),
    label: (code) => words[code][0],
  };
}

export const VOCABULARIES = {
  kind: vocabulary(ORGANISATION_KINDS, KIND_WORDS),
  size: vocabulary(ORGANISATION_SIZES, SIZE_WORDS),
  role: vocabulary(PARTICIPANT_ROLES, ROLE_WORDS),
  type: vocabulary(LISTING_TYPES, TYPE_WORDS),
  purpose: vocabulary(FINANCING_PURPOSES, PURPOSE_WORDS),
  guaranteeRequirement: vocabulary(GUARANTEE_REQUIREMENTS, GUARANTEE_WORDS),
  targetSizes: vocabulary(ORGANISATION_SIZES, SIZE_WORDS),
} as const;

const TRUE_WORDS = new Set(['是', '需要', 'y', 'yes', 'true', '1'].map(normaliseLabel));
const FALSE_WORDS = new Set(['否', '不需要', 'n', 'no', 'false', '0'].map(normaliseLabel));

export function readBoolean(text: string): boolean | undefined {
  const word = normaliseLabel(text);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
