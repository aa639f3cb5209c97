import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

const record = {
  at: new Date('2026-12-10T01:02:03.456Z'),
  actorUserId: null,
  action: 'listing.created',
  entityType: 'listing',
  entityId: 'x',
  data: { b: 1, a: { d: [2, { f: 1, e: 2 }], c: 'é' } },
};

describe('audit chain', () => {
  it('hashes the same content the same way whatever the key order', () => {
    const reordered = { ...record, data: { a: { c: 'é', d: [2, { e: 2, f: 1 }] }, b: 1 } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, record));
    expect(canonicalJson({ z: undefined, y: new Date(0) })).toBe('{"y":"1970-01-01T00:00:00.000Z"}');
  });

  it('changes when a field or the previous hash changes', () => {
    const h = chainHash(GENESIS_HASH, record);
    expect(chainHash(GENESIS_HASH, { ...record, action: 'listing.updated' })).not.toBe(h);
    expect(chainHash('1'.repeat(64), record)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...record, data: { ...record.data, b: 2 } })).not.toBe(h);
  });
});
