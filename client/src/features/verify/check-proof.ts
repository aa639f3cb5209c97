// The certificate's inclusion proofs checked here in the browser (issue 19): the published tree
// head's Ed25519 signature with the published key, and each signing record's audit path to that
// head's root (RFC 9162, shared/src/merkle.ts). The page's own word ('valid') is not relied on.
import { leafHash, verifyInclusion, type AgreementVerification, type AuditHeadInfo } from '@duijie/shared';

export type ProofCheck =
  | { state: 'valid'; positions: number[]; treeSize: number }
  | { state: 'pending' }
  | { state: 'invalid'; reason: 'signature' | 'key' | 'leaf' | 'path' | 'other_record' | 'content'; position?: number }
  | { state: 'unsupported' };

function derOf(pem: string): Uint8Array<ArrayBuffer> {
  const base64 = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Ed25519 through WebCrypto; null where the browser has no Ed25519 (then the proof is not claimed checked). */
export async function ed25519Valid(publicKeyPem: string, message: string, signatureBase64: string): Promise<boolean | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  let key: CryptoKey;
  try {
    key = await subtle.importKey('spki', derOf(publicKeyPem), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  const signature = Uint8Array.from(atob(signatureBase64), (c) => c.charCodeAt(0));
  return subtle.verify({ name: 'Ed25519' }, key, signature, new TextEncoder().encode(message));
}

/**
 * The proofs of this agreement's signing records against the head, whose signature the published
 * key must verify; the completed signing must have recorded the content hash printed on the
 * certificate (`certificateHash`), so proofs of other terms are not taken for these.
 */
export async function checkProofs(
  verification: Pick<AgreementVerification, 'agreementId' | 'treeHead' | 'proofs'>,
  published: AuditHeadInfo,
  certificateHash: string,
  signatureValid: typeof ed25519Valid = ed25519Valid,
): Promise<ProofCheck> {
  const head = verification.treeHead;
  if (!head || verification.proofs.length === 0) return { state: 'pending' };
  if (head.keyFingerprint !== published.keyFingerprint) return { state: 'invalid', reason: 'key' };
  const message = `duijie-audit-tree-head/v1\n${head.size}\n${head.rootHash}\n${head.signedAt}`;
  const signed = message === head.message ? await signatureValid(published.publicKeyPem, message, head.signature) : false;
  if (signed === null) return { state: 'unsupported' };
  if (!signed) return { state: 'invalid', reason: 'signature' };
  for (const proof of verification.proofs) {
    // The leaf is this agreement's record, and its hash is recomputed here from what it says.
    let record: { action?: unknown; entityType?: unknown; entityId?: unknown; data?: { contentHash?: unknown } | null };
    try {
      record = JSON.parse(proof.leafData) as typeof record;
    } catch {
      return { state: 'invalid', reason: 'other_record', position: proof.position };
    }
    if (record.entityType !== 'agreement' || record.entityId !== verification.agreementId)
      return { state: 'invalid', reason: 'other_record', position: proof.position };
    const leaf = leafHash(proof.leafData);
    if (leaf !== proof.leafHash) return { state: 'invalid', reason: 'leaf', position: proof.position };
    if (!verifyInclusion(leaf, proof.position, head.size, proof.path, head.rootHash)) return { state: 'invalid', reason: 'path', position: proof.position };
    if (record.action === 'agreement.fully_signed' && record.data?.contentHash !== certificateHash)
      return { state: 'invalid', reason: 'content', position: proof.position };
  }
  return { state: 'valid', positions: verification.proofs.map((p) => p.position), treeSize: head.size };
}
