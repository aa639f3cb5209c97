import { JwtService } from '@nestjs/jwt';
import { KeyObject } from 'node:crypto';
import { jwtModuleOptions } from './jwt-options';

const secret = 'a-secret-of-at-least-thirty-two-characters-0123';

describe('JWT key material', () => {
  it('is prepared once from the configured secret, not handed to every verify as a string', () => {
    const options = jwtModuleOptions({ jwtSecret: secret });
    expect(options.secret).toBeInstanceOf(KeyObject);
    const key = options.secret as KeyObject;
    expect(key.type).toBe('secret');
    expect(key.export().equals(Buffer.from(secret))).toBe(true);
  });

  it('accepts tokens signed with the secret string and signs tokens the string verifies', async () => {
    const prepared = new JwtService(jwtModuleOptions({ jwtSecret: secret }));
    const plain = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
    const fromPlain = await plain.signAsync({ sub: 'u', sid: 's' }, { expiresIn: 60 });
    await expect(prepared.verifyAsync(fromPlain)).resolves.toMatchObject({ sub: 'u', sid: 's' });
    const fromPrepared = await prepared.signAsync({ sub: 'u', sid: 's' }, { expiresIn: 60 });
    await expect(plain.verifyAsync(fromPrepared)).resolves.toMatchObject({ sub: 'u', sid: 's' });
    expect(fromPrepared.split('.')[0]).toBe(fromPlain.split('.')[0]);
  });

  it('refuses a token signed with another secret, and an unsigned one', async () => {
    const prepared = new JwtService(jwtModuleOptions({ jwtSecret: secret }));
    const other = new JwtService(jwtModuleOptions({ jwtSecret: `${secret}-other` }));
    await expect(prepared.verifyAsync(await other.signAsync({ sub: 'u', sid: 's' }))).rejects.toThrow('invalid signature');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u","sid":"s"}').toString('base64url')}.`;
    await expect(prepared.verifyAsync(unsigned)).rejects.toThrow();
  });
});
