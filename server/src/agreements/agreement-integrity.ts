import type { TamperFinding } from '@duijie/shared';
import type { AgreementEntity, AgreementPartyEntity, AgreementSignatureEntity } from './agreement.entity';
import { contentHashOf } from './agreements.service';

/** Audit actions that record an agreement's terms hash, and the one that records the signing. */
export const TERMS_ACTIONS = ['agreement.drafted', 'agreement.edited'] as const;
export const FULLY_SIGNED_ACTION = 'agreement.fully_signed';

export type AuditedAgreement = {
  /** The content hash the chain recorded last for the terms (drafted or edited). */
  termsHash: string | null;
  /** The content hash the chain recorded when every party had signed. */
  signedHash: string | null;
};

/**
 * What no longer matches between an agreement's stored row and what the audit log
 * recorded: the terms are recomputed with the function used at signing, so an amount
 * changed in the database shows even if its stored hash was left alone.
 */
export function tamperFindings(
  a: AgreementEntity,
  parties: Pick<AgreementPartyEntity, 'organisationId' | 'role'>[],
  liveSignatures: Pick<AgreementSignatureEntity, 'contentHash'>[],
  audited: AuditedAgreement,
): TamperFinding[] {
  const findings = new Set<TamperFinding>();
  const recomputed = contentHashOf(a, parties);
  if (recomputed !== a.contentHash) findings.add('terms_changed');
  if (audited.termsHash !== a.contentHash) findings.add('hash_changed');
  if (liveSignatures.some((s) => s.contentHash !== a.contentHash)) findings.add('signatures_changed');
  const signedInRow = a.status === 'signed' || a.status === 'confirmed';
  if (signedInRow && !audited.signedHash) findings.add('not_signed_in_audit');
  if (audited.signedHash) {
    if (audited.signedHash !== recomputed) findings.add('terms_changed');
    if (audited.signedHash !== a.contentHash) findings.add('hash_changed');
    if (liveSignatures.length !== parties.length) findings.add('signatures_changed');
  }
  return [...findings];
}
