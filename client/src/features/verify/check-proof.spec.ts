import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inclusionProof, inMemorySubtreeHash, leafHash, rootOf, type AgreementVerification, type AuditHeadInfo } from '@duijie/shared';
import { checkProofs, ed25519Valid } from './check-proof';

const AGREEMENT = '0b6f3c1e-0000-4000-8000-000000000001';
const CONTENT = 'c'.repeat(64);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const fingerprint = 'f'.repeat(64);

/** A log of 11 records, two of them this agreement's signing, with a head signed over them. */
function fixture(): { verification: Pick<AgreementVerification, 'agreementId' | 'treeHead' | 'proofs'>; published: AuditHeadInfo } {
  const data = Array.from({ length: 11 }, (_, i) =>
    JSON.stringify({
      action: i === 7 ? 'agreement.fully_signed' : 'agreement.signed',
      data: i === 7 ? { contentHash: CONTENT } : null,
      entityId: i >= 6 ? AGREEMENT : `other-${i}`,
      entityType: 'agreement',
    }),
  );
  const leaves = data.map((d) => leafHash(d));
  const subtree = inMemorySubtreeHash(leaves);
  const size = leaves.length;
  const rootHash = rootOf(leaves);
  const signedAt = '2026-12-07T10:00:00.000Z';
  const message = `duijie-audit-tree-head/v1\n${size}\n${rootHash}\n${signedAt}`;
  const signature = sign(null, Buffer.from(message), privateKey).toString('base64');
  const treeHead = { size, rootHash, signedAt, keyFingerprint: fingerprint, message, signature };
  const proofs = [6, 7].map((position) => ({
    recordId: String(position + 100),
    action: position === 7 ? 'agreement.fully_signed' : 'agreement.signed',
    position,
    leafData: data[position],
    leafHash: leaves[position],
    path: inclusionProof(position, size, subtree),
  }));
  return {
    verification: { agreementId: AGREEMENT, treeHead, proofs },
    published: { algorithm: 'Ed25519', publicKeyPem, keyFingerprint: fingerprint, head: treeHead },
  };
}

describe('checking a certificate’s inclusion proofs in the browser', () => {
  it('accepts proofs that lead to the signed root, with the published key', async () => {
    const { verification, published } = fixture();
    expect(await checkProofs(verification, published, CONTENT)).toEqual({ state: 'valid', positions: [6, 7], treeSize: 11 });
  });

  it('names a changed record, a wrong path, another record and a bad signature or key', async () => {
    const changed = fixture();
    changed.verification.proofs[1] = { ...changed.verification.proofs[1], leafData: changed.verification.proofs[1].leafData.replace('"cccc', '"dddd') };
    expect(await checkProofs(changed.verification, changed.published, CONTENT)).toEqual({ state: 'invalid', reason: 'leaf', position: 7 });
    // Rehashed to match its content: then the path no longer leads to the signed root.
    changed.verification.proofs[1].leafHash = leafHash(changed.verification.proofs[1].leafData);
    expect(await checkProofs(changed.verification, changed.published, CONTENT)).toEqual({ state: 'invalid', reason: 'path', position: 7 });

    const other = fixture();
    other.verification.agreementId = '0b6f3c1e-0000-4000-8000-000000000002';
    expect(await checkProofs(other.verification, other.published, CONTENT)).toMatchObject({ state: 'invalid', reason: 'other_record', position: 6 });

    const forged = fixture();
    forged.verification.treeHead = { ...forged.verification.treeHead!, signature: Buffer.alloc(64, 1).toString('base64') };
    expect(await checkProofs(forged.verification, forged.published, CONTENT)).toEqual({ state: 'invalid', reason: 'signature' });

    const otherKey = fixture();
    otherKey.published = { ...otherKey.published, keyFingerprint: 'e'.repeat(64) };
    expect(await checkProofs(otherKey.verification, otherKey.published, CONTENT)).toEqual({ state: 'invalid', reason: 'key' });
  });

  it('refuses proofs of a completed signing whose terms are not the certificate’s', async () => {
    const { verification, published } = fixture();
    expect(await checkProofs(verification, published, 'd'.repeat(64))).toEqual({ state: 'invalid', reason: 'content', position: 7 });
  });

  it('says pending before a head covers the signing, and does not claim a check it could not make', async () => {
    const { verification, published } = fixture();
    expect(await checkProofs({ ...verification, proofs: [] }, published, CONTENT)).toEqual({ state: 'pending' });
    expect(await checkProofs({ ...verification, treeHead: null }, published, CONTENT)).toEqual({ state: 'pending' });
    expect(await checkProofs(verification, published, CONTENT, async () => null)).toEqual({ state: 'unsupported' });
  });

  it('checks Ed25519 with WebCrypto', async () => {
    const message = 'duijie';
    const signature = sign(null, Buffer.from(message), privateKey).toString('base64');
    expect(await ed25519Valid(publicKeyPem, message, signature)).toBe(true);
    expect(await ed25519Valid(publicKeyPem, 'duijie!', signature)).toBe(false);
  });
});
