import {
  EMPTY_ROOT,
  appendLeaves,
  consistencyProof,
  emptyFrontier,
  frontierAt,
  frontierRoot,
  inMemorySubtreeHash,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  subtreeHashFrom,
  verifyConsistency,
  verifyInclusion,
  type MerkleHash,
} from './merkle';

// The RFC 6962 reference tree of certificate-transparency and transparency-dev/merkle (testonly/constants.go,
// proof/verify_test.go): eight leaves, the roots of sizes 1..8, every complete node, and known proofs.
const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (byte) => parseInt(byte, 16));
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const LEAVES = INPUTS.map((input) => leafHash(input));
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
const NODES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  ['d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
/** [leaf index (0-based), tree size, audit path]; verify_test.go numbers leaves from 1. */
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, [NODES[0][1], NODES[1][1], NODES[2][1]]],
  [5, 8, [NODES[0][4], NODES[1][3], NODES[2][0]]],
  [2, 3, [NODES[1][0]]],
  [1, 5, [NODES[0][0], NODES[1][1], NODES[0][4]]],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, [NODES[0][1], NODES[1][1], NODES[2][1]]],
  [6, 8, [NODES[1][2], NODES[1][3], NODES[2][0]]],
  [2, 5, [NODES[1][1], NODES[0][4]]],
  [6, 7, [NODES[1][2], NODES[0][6], NODES[2][0]]],
];

/** n distinct leaf hashes. */
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`audit record ${i}`));
/** The same hash with its first hex digit changed. */
const flip = (hash: MerkleHash) => (hash[0] === '0' ? '1' : '0') + hash.slice(1);

describe('RFC 6962 reference vectors', () => {
  it('hashes the leaves and interior nodes of the reference tree', () => {
    expect(LEAVES).toEqual(NODES[0]);
    expect(nodeHash(LEAVES[0], LEAVES[1])).toBe(NODES[1][0]);
    expect(EMPTY_ROOT).toBe(ROOTS[0]);
    expect(leafHash('')).toBe(NODES[0][0]);
  });

  it('gives the known root for every size from 0 to 8', () => {
    for (let n = 0; n <= 8; n++) expect(rootOf(LEAVES.slice(0, n))).toBe(ROOTS[n]);
  });

  it('gives the known audit paths, and they verify', () => {
    for (const [index, size, path] of INCLUSION) {
      expect(inclusionProof(index, size, inMemorySubtreeHash(LEAVES.slice(0, size)))).toEqual(path);
      expect(verifyInclusion(LEAVES[index], index, size, path, ROOTS[size])).toBe(true);
    }
  });

  it('gives the known consistency proofs, and they verify', () => {
    for (const [m, n, path] of CONSISTENCY) {
      expect(consistencyProof(m, n, inMemorySubtreeHash(LEAVES.slice(0, n)))).toEqual(path);
      expect(verifyConsistency(m, n, ROOTS[m], ROOTS[n], path)).toBe(true);
    }
  });

  it('keeps the known compact range (complete subtrees, largest first) for every size', () => {
    const [l0, l1, l2, l3] = NODES;
    const expected = [[], [l0[0]], [l1[0]], [l1[0], l0[2]], [l2[0]], [l2[0], l0[4]], [l2[0], l1[2]], [l2[0], l1[2], l0[6]], [l3[0]]];
    let frontier = emptyFrontier();
    for (let n = 0; n <= 8; n++) {
      expect(frontier).toEqual({ size: n, hashes: expected[n] });
      expect(frontierRoot(frontier)).toBe(ROOTS[n]);
      frontier = appendLeaves(frontier, LEAVES.slice(n, n + 1));
    }
  });
});

describe('inclusion proofs', () => {
  it('verify for every leaf of every tree up to 70 leaves, and fail when anything is changed', () => {
    const leaves = leavesOf(71);
    for (let size = 1; size <= 70; size++) {
      const subtree = inMemorySubtreeHash(leaves.slice(0, size));
      const root = rootOf(leaves.slice(0, size));
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, subtree);
        const leaf = leaves[index];
        expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        expect(verifyInclusion(flip(leaf), index, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, proof, flip(root))).toBe(false);
        expect(verifyInclusion(leaf, index + 1, size, proof, root)).toBe(false);
        // A path fixes the tree's height, not its exact size (the signed head binds size to root), so change the height.
        expect(verifyInclusion(leaf, index, size * 2, proof, root)).toBe(false);
        if (index < Math.floor(size / 2)) expect(verifyInclusion(leaf, index, Math.floor(size / 2), proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, [...proof, root], root)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(leaf, index, size, proof.slice(1), root)).toBe(false);
        proof.forEach((_, i) =>
          expect(
            verifyInclusion(
              leaf,
              index,
              size,
              proof.map((p, j) => (j === i ? flip(p) : p)),
              root,
            ),
          ).toBe(false),
        );
      }
    }
  });

  it('rejects indexes outside the tree and malformed hashes without throwing', () => {
    expect(() => inclusionProof(3, 3, inMemorySubtreeHash(LEAVES.slice(0, 3)))).toThrow(RangeError);
    expect(verifyInclusion(LEAVES[0], 0, 0, [], EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(LEAVES[0], -1, 1, [], LEAVES[0])).toBe(false);
    expect(verifyInclusion(LEAVES[0].toUpperCase(), 0, 1, [], LEAVES[0])).toBe(false);
    expect(verifyInclusion(LEAVES[0], 0, 2, ['not hex'], ROOTS[2])).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('verify for every m <= n <= 70, and fail for a wrong root or a changed proof', () => {
    const leaves = leavesOf(70);
    const roots = Array.from({ length: 71 }, (_, n) => rootOf(leaves.slice(0, n)));
    for (let n = 0; n <= 70; n++) {
      const subtree = inMemorySubtreeHash(leaves.slice(0, n));
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, n, subtree);
        expect(verifyConsistency(m, n, roots[m], roots[n], proof)).toBe(true);
        expect(verifyConsistency(m, n, flip(roots[m]), roots[n], proof)).toBe(false);
        // Every tree extends the empty one, whatever its root: only m > 0 pins the new root.
        if (m > 0) expect(verifyConsistency(m, n, roots[m], flip(roots[n]), proof)).toBe(false);
        if (m > 0 && m < n) expect(verifyConsistency(m, n, roots[m], roots[n], [])).toBe(false);
        if (m > 0 && m < n) expect(verifyConsistency(m, n, roots[m], roots[n], [...proof, roots[n]])).toBe(false);
        proof.forEach((_, i) =>
          expect(
            verifyConsistency(
              m,
              n,
              roots[m],
              roots[n],
              proof.map((p, j) => (j === i ? flip(p) : p)),
            ),
          ).toBe(false),
        );
      }
    }
  });

  it('refuses a shrinking tree', () => {
    expect(() => consistencyProof(5, 4, inMemorySubtreeHash(LEAVES.slice(0, 5)))).toThrow(RangeError);
    expect(verifyConsistency(5, 4, ROOTS[5], ROOTS[4], [])).toBe(false);
  });
});

describe('proofs from stored nodes', () => {
  it('ask only for complete subtrees or the right edge of the tree', () => {
    const leaves = leavesOf(70);
    const asked: [number, number, number][] = [];
    for (let n = 1; n <= 70; n++) {
      const inner = inMemorySubtreeHash(leaves.slice(0, n));
      const subtree = (start: number, end: number) => {
        asked.push([start, end, n]);
        return inner(start, end);
      };
      for (let i = 0; i < n; i++) inclusionProof(i, n, subtree);
      for (let m = 1; m < n; m++) consistencyProof(m, n, subtree);
    }
    for (const [start, end, n] of asked) {
      const width = end - start;
      const complete = Number.isInteger(Math.log2(width)) && start % width === 0;
      expect(complete || end === n).toBe(true);
    }
  });

  it('build the same proofs from the nodes a sequencer stored as from all the leaves', () => {
    const leaves = leavesOf(100);
    const stored = new Map<string, MerkleHash>();
    let frontier = emptyFrontier();
    for (let i = 0; i < leaves.length; i += 7)
      frontier = appendLeaves(frontier, leaves.slice(i, i + 7), (level, index, hash) => stored.set(`${level}/${index}`, hash));
    const node = (level: number, index: number) => stored.get(`${level}/${index}`) ?? '';
    const fromStore = subtreeHashFrom(node);
    const fromLeaves = inMemorySubtreeHash(leaves);
    for (let i = 0; i < 100; i += 3) expect(inclusionProof(i, 100, fromStore)).toEqual(inclusionProof(i, 100, fromLeaves));
    for (let m = 1; m <= 100; m += 9) expect(consistencyProof(m, 100, fromStore)).toEqual(consistencyProof(m, 100, fromLeaves));
    expect(frontierAt(100, node)).toEqual(frontier);
  });
});

describe('compact frontier', () => {
  it('gives the same root as rootOf for every size up to 300, appended in uneven batches', () => {
    const leaves = leavesOf(300);
    let frontier = emptyFrontier();
    expect(frontierRoot(frontier)).toBe(EMPTY_ROOT);
    for (let n = 0, batch = 1; n < 300; n += batch, batch = (batch % 5) + 1) {
      const before = JSON.parse(JSON.stringify(frontier)) as typeof frontier;
      const next = appendLeaves(before, leaves.slice(n, n + batch));
      expect(before).toEqual(frontier); // the argument is left as it was
      for (let k = 1; k <= batch && n + k <= 300; k++) {
        expect(frontierRoot(appendLeaves(frontier, leaves.slice(n, n + k)))).toBe(rootOf(leaves.slice(0, n + k)));
      }
      frontier = next;
    }
    expect(frontier.size).toBe(300);
    expect(frontier.hashes).toHaveLength(4); // 300 = 256 + 32 + 8 + 4
  });
});
