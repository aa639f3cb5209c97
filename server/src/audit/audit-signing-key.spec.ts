import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_KEY_FILE, treeHeadMessage, treeHeadSignatureValid, loadAuditSigningKey, signTreeHead } from './audit-signing-key';

describe('audit signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'duijie-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once in the data folder, readable by its owner only, and kept across starts', () => {
    const first = loadAuditSigningKey({ dataDir: dir, fromEnv: null });
    expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, AUDIT_KEY_FILE), 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(loadAuditSigningKey({ dataDir: dir, fromEnv: null }).fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toBe(
      createHash('sha256')
        .update(first.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex'),
    );
  });

  it('comes from AUDIT_SIGNING_KEY as PEM or base64 DER, and refuses a key of another kind', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const a = loadAuditSigningKey({ dataDir: dir, fromEnv: pem });
    expect(loadAuditSigningKey({ dataDir: dir, fromEnv: der }).fingerprint).toBe(a.fingerprint);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadAuditSigningKey({ dataDir: dir, fromEnv: rsa })).toThrow(/Ed25519/);
  });

  it('signs a head that plain node:crypto verifies with the public key, and no altered head', () => {
    const key = loadAuditSigningKey({ dataDir: dir, fromEnv: null });
    const head = { size: 42, rootHash: 'a'.repeat(64), signedAt: '2026-12-10T08:00:00.000Z' };
    const signature = signTreeHead(key, head);
    expect(
      verify(
        null,
        Buffer.from(`duijie-audit-tree-head/v1\n42\n${'a'.repeat(64)}\n2026-12-10T08:00:00.000Z`),
        key.publicKeyPem,
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
    expect(treeHeadMessage(head)).toBe(`duijie-audit-tree-head/v1\n42\n${'a'.repeat(64)}\n2026-12-10T08:00:00.000Z`);
    expect(treeHeadSignatureValid(key.publicKeyPem, { ...head, size: 43, signature })).toBe(false);
    expect(treeHeadSignatureValid(key.publicKeyPem, { ...head, signature: 'not base64 at all' })).toBe(false);
  });
});
