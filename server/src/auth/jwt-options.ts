import type { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import type { AppConfig } from '../config/config';

/**
 * The JWT module's options, with the HS256 key prepared once per process from the
 * configured secret. Given the secret as a string, jsonwebtoken tries to parse it as a PEM
 * public (or private) key and only then makes a secret key of it, on every verify and sign:
 * about a millisecond of CPU per request. The key's bytes are the secret's, so tokens signed
 * by processes that still pass the string verify here, and the other way round.
 */
export function jwtModuleOptions(config: Pick<AppConfig, 'jwtSecret'>): JwtModuleOptions {
  const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  return { secret: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
}
