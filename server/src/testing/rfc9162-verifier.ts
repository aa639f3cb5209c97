// An independent verifier of Merkle proofs, written from the text of RFC 9162 (Certificate Transparency v2)
// sections 2.1.1, 2.1.3.2 and 2.1.4.2 with node:crypto only. It deliberately shares no code with
// shared/src/merkle.ts: issue 19's tests check the server's proofs with it, so a bug in the server's
// hashing cannot hide by agreeing with itself. Hashes are lowercase hex strings at the boundary.
import { createHash } from 'node:crypto';

type Hex = string;

const HASH = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

function bytes(hex: unknown): Buffer | undefined {
  return typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}

// LSB and right shifts as arithmetic: JavaScript's bit operators truncate to 32 bits.
const lsb = (x: number) => x % 2 === 1;
const shr = (x: number) => Math.floor(x / 2);

/** RFC 9162 2.1.1: MTH({d(0)}) = HASH(0x00 || d(0)). */
export function hashLeaf(data: Buffer | Uint8Array): Hex {
  return HASH(LEAF, Buffer.from(data)).toString('hex');
}

/** RFC 9162 2.1.1: the Merkle Tree Hash of a list of leaf hashes, by the definition (k = largest power of 2 < n). */
export function merkleTreeHash(leafHashes: readonly Hex[]): Hex {
  const mth = (d: readonly Buffer[]): Buffer => {
    if (d.length === 0) return HASH();
    if (d.length === 1) return d[0];
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return HASH(NODE, mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return mth(leafHashes.map((h) => Buffer.from(h, 'hex'))).toString('hex');
}

/** RFC 9162 2.1.3.2, step by step: does `inclusionPath` prove `leafHash` at `leafIndex` in the tree of `treeSize` with root `rootHash`? */
export function verifyInclusion(leafHash: Hex, leafIndex: number, treeSize: number, inclusionPath: readonly Hex[], rootHash: Hex): boolean {
  const hash = bytes(leafHash);
  const root = bytes(rootHash);
  const path = inclusionPath.map(bytes);
  if (!hash || !root || path.some((p) => !p) || !Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return false;
  // 1. If leaf_index >= tree_size, fail.
  if (leafIndex >= treeSize) return false;
  // 2. fn = leaf_index, sn = tree_size - 1.
  let fn = leafIndex;
  let sn = treeSize - 1;
  // 3. r = hash.
  let r = hash;
  // 4. For each value p in the inclusion_path array:
  for (const p of path as Buffer[]) {
    // a. If sn is 0, stop and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or fn equals sn:
    if (lsb(fn) || fn === sn) {
      r = HASH(NODE, p, r);
      // If LSB(fn) is not set, right-shift fn and sn equally until LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) [fn, sn] = [shr(fn), shr(sn)];
      }
    } else {
      r = HASH(NODE, r, p);
    }
    // c. Right-shift both fn and sn one time.
    [fn, sn] = [shr(fn), shr(sn)];
  }
  // 5. sn must be 0 and r must equal root_hash.
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 2.1.4.2, step by step, for 0 < first < second. Outside that range the RFC defines no proof; as in
 * transparency-dev/merkle, first = second needs an empty path and equal roots, and first = 0 an empty path with
 * first_hash the empty tree's hash.
 */
export function verifyConsistency(first: number, second: number, firstHash: Hex, secondHash: Hex, consistencyPath: readonly Hex[]): boolean {
  const fh = bytes(firstHash);
  const sh = bytes(secondHash);
  const given = consistencyPath.map(bytes);
  if (!fh || !sh || given.some((c) => !c) || !Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 0 || first > second) return false;
  if (first === second) return given.length === 0 && fh.equals(sh);
  if (first === 0) return given.length === 0 && fh.equals(HASH());
  // 1. If consistency_path is empty, fail.
  if (given.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash.
  const path = (Number.isInteger(Math.log2(first)) ? [fh, ...given] : given) as Buffer[];
  // 3. fn = first - 1, sn = second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, right-shift fn and sn equally until it is not.
  while (lsb(fn)) [fn, sn] = [shr(fn), shr(sn)];
  // 5. fr = sr = the first value of the path.
  let fr = path[0];
  let sr = path[0];
  // 6. For each subsequent value c:
  for (const c of path.slice(1)) {
    // a. If sn is 0, stop and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or fn equals sn:
    if (lsb(fn) || fn === sn) {
      fr = HASH(NODE, c, fr);
      sr = HASH(NODE, c, sr);
      // If LSB(fn) is not set, right-shift fn and sn equally until LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) [fn, sn] = [shr(fn), shr(sn)];
      }
    } else {
      sr = HASH(NODE, sr, c);
    }
    // Finally right-shift fn and sn one time.
    [fn, sn] = [shr(fn), shr(sn)];
  }
  // 7. fr must equal first_hash, sr second_hash, and sn must be 0.
  return sn === 0 && fr.equals(fh) && sr.equals(sh);
}
