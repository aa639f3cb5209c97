// Merkle tree hashing and proofs of RFC 9162 (Certificate Transparency v2), section 2.1, with SHA-256.
// Used by the audit log's sequencer (server) and by the certificate check in the browser, so hashing
// is synchronous and pure JavaScript (@noble/hashes): no node:crypto, no async WebCrypto.
//
// Every hash here is a lowercase hex string of 64 characters (type MerkleHash): it compares with ===,
// goes into JSON and text columns as it is, and is what a certificate prints.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 as 64 lowercase hex characters. */
export type MerkleHash = string;

/** Hash of leaves [start, end) of the tree: a complete subtree (end - start a power of two, start a multiple of it) or a right edge (end = tree size). */
export type SubtreeHash = (start: number, end: number) => MerkleHash;

/** Hash of a complete subtree by level and index: the leaves [index·2^level, (index+1)·2^level). Level 0 is the leaf hashes. */
export type PerfectNode = (level: number, index: number) => MerkleHash;

/** The roots of the complete subtrees that make up a tree of `size` leaves, largest (leftmost) first: one per bit set in size. */
export type MerkleFrontier = { size: number; hashes: MerkleHash[] };

const HEX = /^[0-9a-f]{64}$/;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: MerkleHash = bytesToHex(sha256(new Uint8Array(0)));

/** Leaf hash = SHA-256(0x00 || data); a string is hashed as its UTF-8 bytes (not as hex). */
export function leafHash(data: Uint8Array | string): MerkleHash {
  const bytes = typeof data === 'string' ? utf8ToBytes(data) : data;
  const input = new Uint8Array(bytes.length + 1);
  input.set(bytes, 1);
  return bytesToHex(sha256(input));
}

/** Interior node hash = SHA-256(0x01 || left || right). */
export function nodeHash(left: MerkleHash, right: MerkleHash): MerkleHash {
  const input = new Uint8Array(65);
  input[0] = 1;
  input.set(hexToBytes(left), 1);
  input.set(hexToBytes(right), 33);
  return bytesToHex(sha256(input));
}

/** The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves. Arithmetic, not bit operators, so sizes past 2^31 work. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && n === 2 ** Math.round(Math.log2(n));
}

/** MTH of a list of leaf hashes by the recursive definition: O(n) time and memory, for small trees and tests. */
export function rootOf(leaves: readonly MerkleHash[]): MerkleHash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** A SubtreeHash backed by stored complete nodes: a complete range is one lookup, a right edge folds O(log n) of them. */
export function subtreeHashFrom(node: PerfectNode): SubtreeHash {
  const hash = (start: number, end: number): MerkleHash => {
    const n = end - start;
    if (n < 1) throw new RangeError(`empty subtree [${start}, ${end})`);
    if (isPowerOfTwo(n) && start % n === 0) return node(Math.log2(n), start / n);
    const k = split(n);
    return nodeHash(hash(start, start + k), hash(start + k, end));
  };
  return hash;
}

/** All complete nodes of the given leaves kept in memory (O(n)): the reference SubtreeHash for tests and small trees. */
export function inMemorySubtreeHash(leaves: readonly MerkleHash[]): SubtreeHash {
  const levels: MerkleHash[][] = [leaves.slice()];
  for (let below = levels[0]; below.length > 1; below = levels[levels.length - 1]) {
    const level: MerkleHash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i], below[i + 1]));
    levels.push(level);
  }
  return subtreeHashFrom((level, index) => {
    const hash = levels[level]?.[index];
    if (hash === undefined) throw new RangeError(`no node at level ${level}, index ${index}`);
    return hash;
  });
}

export const emptyFrontier = (): MerkleFrontier => ({ size: 0, hashes: [] });

/**
 * Appends leaf hashes to a frontier and returns the new one (the argument is not changed). Each complete node that
 * appears, leaves included, goes to `onNode` so that the sequencer can store it for later proofs. O(1) amortised
 * hashes per leaf and O(log n) memory.
 */
export function appendLeaves(
  frontier: MerkleFrontier,
  leaves: readonly MerkleHash[],
  onNode?: (level: number, index: number, hash: MerkleHash) => void,
): MerkleFrontier {
  const hashes = frontier.hashes.slice();
  let size = frontier.size;
  for (const leaf of leaves) {
    // A new leaf closes one complete subtree per trailing 1 bit of the old size: merge them right to left.
    let hash = leaf;
    let level = 0;
    let index = size;
    onNode?.(0, index, hash);
    for (let rest = size; rest % 2 === 1; rest = Math.floor(rest / 2)) {
      hash = nodeHash(hashes.pop() as MerkleHash, hash);
      level += 1;
      index = Math.floor(index / 2);
      onNode?.(level, index, hash);
    }
    hashes.push(hash);
    size += 1;
  }
  return { size, hashes };
}

/** The tree's root from its frontier: fold the complete subtrees right to left, as MTH's split puts the largest on the left. */
export function frontierRoot(frontier: MerkleFrontier): MerkleHash {
  const { hashes } = frontier;
  if (hashes.length === 0) return EMPTY_ROOT;
  let root = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i], root);
  return root;
}

/** The frontier of a tree of `size` leaves read back from stored complete nodes (e.g. when a new sequencer takes over). */
export function frontierAt(size: number, node: PerfectNode): MerkleFrontier {
  const hashes: MerkleHash[] = [];
  let start = 0;
  for (let width = size > 0 ? 2 ** Math.floor(Math.log2(size)) : 0; width >= 1; width /= 2) {
    if (size - start >= width) {
      hashes.push(node(Math.log2(width), start / width));
      start += width;
    }
  }
  return { size, hashes };
}

function checkSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 2.1.3.1), lowest sibling first. */
export function inclusionProof(index: number, size: number, subtree: SubtreeHash): MerkleHash[] {
  checkSize('index', index);
  checkSize('size', size);
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: MerkleHash[] = [];
  // Walk down from the root; each step's sibling subtree goes in front, as the RFC's path lists them bottom up.
  for (let start = 0, end = size; end - start > 1;) {
    const k = split(end - start);
    if (index < start + k) {
      path.unshift(subtree(start + k, end));
      end = start + k;
    } else {
      path.unshift(subtree(start, start + k));
      start += k;
    }
  }
  return path;
}

/** The consistency proof between the trees of m and n leaves (RFC 9162 2.1.4.1); empty when m is 0 or m = n. */
export function consistencyProof(m: number, n: number, subtree: SubtreeHash): MerkleHash[] {
  checkSize('m', m);
  checkSize('n', n);
  if (m > n) throw new RangeError(`the old size ${m} is larger than the new ${n}`);
  if (m === 0 || m === n) return [];
  const proof: MerkleHash[] = [];
  // SUBPROOF(m, D[start:end], b) walked down iteratively; `complete` is the RFC's b.
  let start = 0;
  let end = n;
  let complete = true;
  while (m !== end - start) {
    const k = split(end - start);
    if (m <= k) {
      proof.unshift(subtree(start + k, end));
      end = start + k;
    } else {
      proof.unshift(subtree(start, start + k));
      m -= k;
      start += k;
      complete = false;
    }
  }
  if (!complete) proof.unshift(subtree(start, end));
  return proof;
}

function validHashes(...hashes: unknown[]): boolean {
  return hashes.every((hash) => typeof hash === 'string' && HEX.test(hash));
}

/**
 * RFC 9162 2.1.3.2: whether `proof` shows the leaf hash at `index` in the tree of `size` leaves whose root is `root`.
 * Trust (size, root) only as the pair a signed tree head binds: a path fixes the tree's height, not its exact size.
 * Never throws.
 */
export function verifyInclusion(leaf: MerkleHash, index: number, size: number, proof: readonly MerkleHash[], root: MerkleHash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!Array.isArray(proof) || !validHashes(leaf, root, ...proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node has no right sibling (the tree's right edge).
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && r === root;
}

/**
 * RFC 9162 2.1.4.2: whether `proof` shows the tree of n leaves with root `rootN` extends the tree of m leaves with root
 * `rootM`. As in transparency-dev/merkle, m = n needs an empty proof and equal roots, and m = 0 an empty proof (and
 * here the empty tree's root too). Never throws.
 */
export function verifyConsistency(m: number, n: number, rootM: MerkleHash, rootN: MerkleHash, proof: readonly MerkleHash[]): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return false;
  if (!Array.isArray(proof) || !validHashes(rootM, rootN, ...proof)) return false;
  if (m === n) return proof.length === 0 && rootM === rootN;
  if (m === 0) return proof.length === 0 && rootM === EMPTY_ROOT;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(m) ? [rootM, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && fr === rootM && sr === rootN;
}
