// The shared Merkle code (shared/src/merkle.ts) checked against the independent RFC 9162 verifier beside this file,
// and that verifier checked against the published RFC 6962 test vectors (transparency-dev/merkle, proof/verify_test.go).
import {
  appendLeaves,
  consistencyProof,
  emptyFrontier,
  frontierRoot,
  inclusionProof,
  leafHash,
  subtreeHashFrom,
  verifyConsistency as sharedVerifyConsistency,
  verifyInclusion as sharedVerifyInclusion,
  type SubtreeHash,
} from '@duijie/shared';
import { hashLeaf, merkleTreeHash, verifyConsistency, verifyInclusion } from '../../server/src/testing/rfc9162-verifier';

const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** [leaf index (0-based), tree size, audit path], as published (verify_test.go counts leaves from 1). */
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

const flip = (hash: string) => (hash[0] === '0' ? '1' : '0') + hash.slice(1);
const flipEach = (proof: string[]) => proof.map((_, i) => proof.map((p, j) => (i === j ? flip(p) : p)));

/** A tree grown by the shared frontier in batches, keeping every complete node as the sequencer will: the server's way to proofs. */
function grow(n: number): { leaves: string[]; roots: string[]; subtree: SubtreeHash } {
  const leaves = Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`record ${i}`)));
  const nodes = new Map<string, string>();
  const roots = [frontierRoot(emptyFrontier())];
  let frontier = emptyFrontier();
  for (const leaf of leaves) {
    frontier = appendLeaves(frontier, [leaf], (level, index, hash) => nodes.set(`${level}/${index}`, hash));
    roots.push(frontierRoot(frontier));
  }
  return { leaves, roots, subtree: subtreeHashFrom((level, index) => nodes.get(`${level}/${index}`) ?? '') };
}

describe('the independent RFC 9162 verifier', () => {
  const leaves = INPUTS.map((input) => hashLeaf(Buffer.from(input, 'hex')));

  it('computes the published roots of the reference tree', () => {
    for (let n = 0; n <= 8; n++) expect(merkleTreeHash(leaves.slice(0, n))).toBe(ROOTS[n]);
  });

  it('accepts the published inclusion proofs and rejects each with one hash changed', () => {
    for (const [index, size, path] of INCLUSION) {
      expect(verifyInclusion(leaves[index], index, size, path, ROOTS[size])).toBe(true);
      expect(verifyInclusion(flip(leaves[index]), index, size, path, ROOTS[size])).toBe(false);
      for (const wrong of flipEach(path)) expect(verifyInclusion(leaves[index], index, size, wrong, ROOTS[size])).toBe(false);
    }
  });

  it('accepts the published consistency proofs and rejects each with one hash changed', () => {
    for (const [m, n, path] of CONSISTENCY) {
      expect(verifyConsistency(m, n, ROOTS[m], ROOTS[n], path)).toBe(true);
      expect(verifyConsistency(m, n, flip(ROOTS[m]), ROOTS[n], path)).toBe(false);
      for (const wrong of flipEach(path)) expect(verifyConsistency(m, n, ROOTS[m], ROOTS[n], wrong)).toBe(false);
    }
  });
});

describe('the shared Merkle code, checked by the independent verifier', () => {
  it('hashes leaves and roots as RFC 9162 defines them', () => {
    for (const input of [...INPUTS, 'ff'.repeat(1000)]) expect(leafHash(Buffer.from(input, 'hex'))).toBe(hashLeaf(Buffer.from(input, 'hex')));
    expect(leafHash('签约 record')).toBe(hashLeaf(Buffer.from('签约 record', 'utf8')));
    const { leaves, roots } = grow(300);
    roots.forEach((root, n) => expect(root).toBe(merkleTreeHash(leaves.slice(0, n))));
  });

  it('gives inclusion proofs that verify for every leaf of every tree up to 130 leaves', () => {
    const { leaves, roots, subtree } = grow(130);
    for (let size = 1; size <= 130; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, subtree);
        expect(verifyInclusion(leaves[index], index, size, proof, roots[size])).toBe(true);
        for (const wrong of flipEach(proof)) expect(verifyInclusion(leaves[index], index, size, wrong, roots[size])).toBe(false);
      }
    }
  });

  it('gives consistency proofs that verify for every pair of sizes up to 100', () => {
    const { roots, subtree } = grow(100);
    for (let n = 0; n <= 100; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, n, subtree);
        expect(verifyConsistency(m, n, roots[m], roots[n], proof)).toBe(true);
        if (m > 0 && m < n) expect(verifyConsistency(m, n, roots[m], flip(roots[n]), proof)).toBe(false);
      }
    }
  });

  it('gives proofs in larger trees that verify, around powers of two', () => {
    const { leaves, roots, subtree } = grow(4100);
    for (const size of [1023, 1024, 1025, 2047, 4096, 4097, 4100]) {
      for (const index of [0, 1, 511, 512, 1000, size - 2, size - 1]) {
        expect(verifyInclusion(leaves[index], index, size, inclusionProof(index, size, subtree), roots[size])).toBe(true);
      }
      for (const m of [1, 2, 3, 512, 513, 1000, size - 1]) {
        expect(verifyConsistency(m, size, roots[m], roots[size], consistencyProof(m, size, subtree))).toBe(true);
      }
    }
  });

  it('agrees with the independent verifier on tampered proofs', () => {
    const { leaves, roots, subtree } = grow(40);
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const inclusion = inclusionProof(m - 1, n, subtree);
        const consistency = consistencyProof(m, n, subtree);
        // Shuffled, truncated, extended and swapped variants, each checked by both verifiers.
        const inclusions = [inclusion.slice().reverse(), inclusion.slice(1), [...inclusion, roots[n]], ...flipEach(inclusion)];
        for (const p of inclusions)
          expect(sharedVerifyInclusion(leaves[m - 1], m - 1, n, p, roots[n])).toBe(verifyInclusion(leaves[m - 1], m - 1, n, p, roots[n]));
        const consistencies = [consistency.slice().reverse(), consistency.slice(1), [...consistency, roots[m]], ...flipEach(consistency)];
        for (const p of consistencies) expect(sharedVerifyConsistency(m, n, roots[m], roots[n], p)).toBe(verifyConsistency(m, n, roots[m], roots[n], p));
        expect(sharedVerifyConsistency(m, n, roots[n], roots[m], consistency)).toBe(verifyConsistency(m, n, roots[n], roots[m], consistency));
      }
    }
  });
});
