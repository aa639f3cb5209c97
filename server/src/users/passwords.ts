import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with 19 MiB and 2 iterations (the OWASP minimum), one lane. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password: verifying against it when the email is unknown makes a
 * failed login take as long as a wrong password, so timing does not reveal accounts.
 */
export const DUMMY_HASH = hash('not-a-real-password-' + Math.random(), OPTIONS);
