import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Ed25519 key that signs the audit log's tree heads. It lives outside the database (the
 * data folder, or AUDIT_SIGNING_KEY), so whoever can rewrite the database cannot re-sign
 * a rewritten log. Every server process of one deployment must use the same key.
 */
export type AuditSigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the public key (SPKI DER), hex: what certificates and the big screen print. */
  fingerprint: string;
};

export const AUDIT_KEY_FILE = 'audit-signing-key.pem';

/** AUDIT_SIGNING_KEY: a PKCS#8 PEM, or its DER in base64. */
function parseKey(value: string): KeyObject {
  const text = value.trim();
  const key = text.startsWith('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`Configuration: AUDIT_SIGNING_KEY must be an Ed25519 private key, got ${key.asymmetricKeyType ?? 'another kind'}`);
  return key;
}

/**
 * The first start writes a new key (mode 0600). Processes starting together on one data
 * folder race to create it: the file appears atomically (link), and the losers read it.
 */
function localKey(dataDir: string): KeyObject {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, pem, { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8'));
}

export function loadAuditSigningKey(opts: { dataDir: string; fromEnv: string | null }): AuditSigningKey {
  const privateKey = opts.fromEnv ? parseKey(opts.fromEnv) : localKey(opts.dataDir);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

type TreeHead = { size: number | string; rootHash: string; signedAt: string };

/** What is signed: the log's size, its Merkle tree's root and when. Plain text, so anyone can rebuild it. */
export function treeHeadMessage(head: TreeHead): string {
  return `duijie-audit-tree-head/v1\n${head.size}\n${head.rootHash}\n${head.signedAt}`;
}

export function signTreeHead(key: AuditSigningKey, head: TreeHead): string {
  return sign(null, Buffer.from(treeHeadMessage(head)), key.privateKey).toString('base64');
}

export function treeHeadSignatureValid(publicKey: KeyObject | string, head: TreeHead & { signature: string }): boolean {
  try {
    return verify(null, Buffer.from(treeHeadMessage(head)), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}
