// The certificate is printed in Chinese (the organisers' language); these are the same
// words the client's zh-CN locale uses for the kinds, roles and steps.
import type { AgreementKind, AgreementPartyRole, SessionKind } from '@duijie/shared';

export const KIND_ZH: Record<AgreementKind, string> = {
  loan: '贷款合同',
  credit_line: '授信协议',
  guarantee: '担保合同',
  supply_contract: '供货合同',
  distribution: '经销协议',
  intent: '意向协议',
  target_responsibility: '项目建设目标责任书',
};

export const ROLE_ZH: Record<AgreementPartyRole, string> = {
  borrower: '融资企业',
  lender: '银行/贷款机构',
  guarantor: '担保机构',
  supplier: '供应方',
  buyer: '采购方',
  producer: '生产企业',
  distributor: '流通企业',
  builder: '施工单位',
  organiser: '主办方',
};

export const SESSION_KIND_ZH: Record<SessionKind, string> = {
  bank_enterprise: '银企对接',
  upstream_downstream: '上下游产业对接',
  producer_distributor: '产销对接',
  building_materials: '大宗建材供需对接',
};

/** Audit actions of an agreement as the certificate's timeline names them. */
export const STEP_ZH: Record<string, string> = {
  'agreement.drafted': '起草',
  'agreement.edited': '修改条款',
  'agreement.signed': '签署',
  'agreement.fully_signed': '各方签署完成',
  'agreement.confirmed': '主办方确认',
  'agreement.approved': '审批通过',
  'agreement.disbursed': '放款',
  'agreement.delivered': '交付',
  'agreement.performed': '履行完毕',
  'agreement.terminated': '终止',
  'agreement.ledger_reopened': '主办方重新开启台账',
};
