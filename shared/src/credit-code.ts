// Unified social credit code (统一社会信用代码), GB 32100-2015.
//
// Layout of the 18 characters:
//   1      registration authority (登记管理部门), e.g. 1 机构编制, 5 民政, 9 工商 (market regulation), Y 其他
//   2      organisation type within that authority, e.g. 91 enterprise, 92 individual business, 93 co-operative
//   3–8    administrative division code of the registering authority (GB/T 2260), six digits
//   9–17   organisation code (组织机构代码, GB 11714), including its own check character
//   18     check character over positions 1–17 (computed here)
//
// The alphabet has 31 characters: the ten digits and the upper-case letters without I, O, S, V, Z.
// Each character's value is its index in the alphabet. The check character is
//   alphabet[(31 - (Σ value(i) × weight(i)) mod 31) mod 31]  for i = 1..17.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const DIVISION_PART = /^[0-9]{6}$/;

function charValue(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch);
}

/** The first position (0-based) holding a character outside the alphabet, or -1. */
function firstBadCharIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (charValue(s[i]) < 0) return i;
  }
  return -1;
}

/**
 * The check character (position 18) for the first 17 characters of a code.
 * Throws if the input is not exactly 17 characters of the alphabet (upper case).
 */
export function creditCodeCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    throw new Error('credit code body must be exactly 17 characters');
  }
  const bad = firstBadCharIndex(first17);
  if (bad >= 0) {
    throw new Error(`credit code body has a character not allowed at position ${bad + 1}: '${first17[bad]}'`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Appends the check character. Besides what creditCodeCheckChar checks, positions 3–8 must be
 * digits, so that the result always passes isValidCreditCode.
 */
export function makeCreditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (!DIVISION_PART.test(first17.slice(2, 8))) {
    throw new Error('credit code positions 3–8 must be digits (administrative division code)');
  }
  return first17 + check;
}

/**
 * Why a code is not a valid unified social credit code, or null when it is valid.
 * The check is strict: no spaces, no lower case (callers may upper-case user input first).
 */
export function creditCodeProblem(code: string): string | null {
  if (typeof code !== 'string' || code.length !== 18) return 'must be 18 characters';
  const bad = firstBadCharIndex(code);
  if (bad >= 0) {
    return `contains a character not allowed at position ${bad + 1} ('${code[bad]}'); ` + 'use digits and upper-case letters except I, O, S, V, Z';
  }
  if (!DIVISION_PART.test(code.slice(2, 8))) {
    return 'positions 3–8 must be digits (administrative division code)';
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `check character should be ${expected}`;
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
