import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, creditCodeProblem, isValidCreditCode, makeCreditCode } from './credit-code';

// Codes published by their holders (business licences and public registries), each checked by
// hand against the GB 32100 weights.
const PUBLISHED = ['91350100M000100Y43', '91110000802100433B', '914403001922038216'];

describe('creditCodeCheckChar', () => {
  it('computes the check character of published codes', () => {
    for (const code of PUBLISHED) {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('matches a hand computation of the weighted sum', () => {
    // 9 1 6 3 0 1 0 0 M A 7 D J 0 0 0 1 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // values M=21, A=10, D=13, J=18 (index in the alphabet):
    // 9 + 3 + 54 + 81 + 0 + 26 + 0 + 0 + 420 + 290 + 175 + 169 + 144 + 0 + 0 + 0 + 28 = 1399;
    // 1399 mod 31 = 4; (31 - 4) mod 31 = 27 → alphabet[27] = 'U'.
    expect(creditCodeCheckChar('91630100MA7DJ0001')).toBe('U');
  });

  it('maps a remainder of 0 to the character 0', () => {
    // All zeros: the sum is 0, (31 - 0) mod 31 = 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('throws on input of the wrong length or with forbidden characters', () => {
    expect(() => creditCodeCheckChar('9135010')).toThrow(/17 characters/);
    expect(() => creditCodeCheckChar('91350100M000100Y43')).toThrow(/17 characters/);
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow(/position 9/);
    expect(() => creditCodeCheckChar('91350100m000100Y4')).toThrow(/position 9/);
  });
});

describe('makeCreditCode', () => {
  it('appends the check character so the result is valid', () => {
    expect(makeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
    for (const body of ['91630100MA7DJ0001', '91632800MA7DJ0002', '12630000MB1234567', '52630000MJ0000019']) {
      const code = makeCreditCode(body);
      expect(code).toHaveLength(18);
      expect(code.startsWith(body)).toBe(true);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('refuses a body whose positions 3–8 are not digits', () => {
    expect(() => makeCreditCode('91A30100MA7DJ0001')).toThrow(/positions 3–8/);
  });
});

describe('isValidCreditCode and creditCodeProblem', () => {
  it('accepts published codes', () => {
    for (const code of PUBLISHED) {
      expect(creditCodeProblem(code)).toBeNull();
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('rejects the wrong length', () => {
    expect(creditCodeProblem('')).toBe('must be 18 characters');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('must be 18 characters');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('must be 18 characters');
    expect(isValidCreditCode(' 91350100M000100Y43')).toBe(false);
  });

  it('rejects characters outside the alphabet, naming the position', () => {
    for (const ch of ['I', 'O', 'Z', 'S', 'V', 'a', '-', ' ']) {
      expect(CREDIT_CODE_ALPHABET.includes(ch)).toBe(false);
      const code = `91350100M${ch}00100Y43`;
      expect(creditCodeProblem(code)).toMatch(/^contains a character not allowed at position 10/);
      expect(isValidCreditCode(code)).toBe(false);
    }
    // Lower case is not accepted even when the upper-case form is valid.
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('rejects letters in the administrative division part', () => {
    const code = makeCreditCode('91350100M000100Y4').replace(/^91350100/, '9135A100');
    expect(creditCodeProblem(code)).toBe('positions 3–8 must be digits (administrative division code)');
  });

  it('reports the expected check character when it is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check character should be 3');
    expect(creditCodeProblem('91110000802100433C')).toBe('check character should be B');
  });

  it('detects every single-character substitution in a valid code', () => {
    const code = PUBLISHED[0];
    for (let i = 0; i < 17; i++) {
      for (const ch of CREDIT_CODE_ALPHABET) {
        if (ch === code[i]) continue;
        if (i >= 2 && i < 8 && !/[0-9]/.test(ch)) continue;
        const corrupted = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidCreditCode(corrupted)).toBe(false);
      }
    }
  });

  it('detects a swap of two adjacent differing characters', () => {
    const code = PUBLISHED[1];
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (!/^[0-9]{6}$/.test(swapped.slice(2, 8))) continue;
      expect(isValidCreditCode(swapped)).toBe(false);
    }
  });
});
