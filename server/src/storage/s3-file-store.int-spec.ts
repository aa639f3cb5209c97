// The S3-compatible file store against a real S3 API server on this machine (s3rver), the way a
// deployment on several machines keeps evidence files. s3rver checks the access key but not a
// Signature V4 signature itself: the signing is aws4's, which AWS's own test vectors cover.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3FileStore } from './s3-file-store';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the S3-compatible file store (integration)', () => {
  let dir: string;
  let s3: S3rver;
  let endpoint: string;
  const config = (accessKeyId = 'S3RVER') => ({ endpoint, region: 'us-east-1', bucket: 'duijie-evidence', accessKeyId, secretAccessKey: 'S3RVER' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duijie-s3-'));
    const port = await freePort();
    s3 = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'duijie-evidence', configs: [] }] });
    await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps bytes under a key, replaces them, and forgets them', async () => {
    const store = new S3FileStore(config());
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 7)]);
    await store.put('evidence/obligation-1/file-1', pdf);
    expect((await store.get('evidence/obligation-1/file-1'))?.equals(pdf)).toBe(true);
    await store.put('evidence/obligation-1/file-1', Buffer.from('second'));
    expect((await store.get('evidence/obligation-1/file-1'))?.toString()).toBe('second');
    await store.delete('evidence/obligation-1/file-1');
    expect(await store.get('evidence/obligation-1/file-1')).toBeNull();
    expect(await store.get('evidence/never')).toBeNull();
    await expect(store.delete('evidence/never')).resolves.toBeUndefined();
  });

  it('fails loudly, naming S3’s code, when the bucket refuses the credentials', async () => {
    const store = new S3FileStore(config('NOT-A-KEY'));
    await expect(store.put('evidence/x', Buffer.from('x'))).rejects.toThrow('S3 PUT evidence/x failed: 403 InvalidAccessKeyId');
    await expect(store.get('evidence/x')).rejects.toThrow('S3 GET evidence/x failed: 403 InvalidAccessKeyId');
  });

  it('fails loudly when the bucket does not exist', async () => {
    const store = new S3FileStore({ ...config(), bucket: 'no-such-bucket' });
    await expect(store.put('evidence/x', Buffer.from('x'))).rejects.toThrow('S3 PUT evidence/x failed: 404 NoSuchBucket');
  });

  it('refuses keys that could name anything but our own ids before any request', async () => {
    const store = new S3FileStore(config());
    for (const key of ['../etc/passwd', 'evidence/../../x', 'a//b', 'a/b c', '?acl']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('not a storage key');
    }
  });
});
