import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { DiskFileStore } from './file-store';
import { S3FileStore } from './s3-file-store';
import { fileStoreFor } from './storage.module';

describe('the disk file store', () => {
  let root: string;
  let store: DiskFileStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'duijie-files-'));
    store = new DiskFileStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps bytes under a key, replaces them, and forgets them', async () => {
    await store.put('evidence/abc-1', Buffer.from('first'));
    expect((await store.get('evidence/abc-1'))?.toString()).toBe('first');
    await store.put('evidence/abc-1', Buffer.from('second'));
    expect((await store.get('evidence/abc-1'))?.toString()).toBe('second');
    await store.delete('evidence/abc-1');
    expect(await store.get('evidence/abc-1')).toBeNull();
    expect(await store.get('evidence/never')).toBeNull();
  });

  it('leaves no partial files behind', async () => {
    await store.put('evidence/abc-2', Buffer.alloc(1024, 1));
    expect(await readdir(join(root, 'evidence'))).toEqual(['abc-2']);
  });

  it('refuses keys that could leave the root or name anything but our own ids', async () => {
    for (const key of ['../etc/passwd', 'evidence/../../x', '/abs', 'Evidence/X', 'a//b', '', 'a/b c']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('not a storage key');
      await expect(store.get(key)).rejects.toThrow('not a storage key');
    }
  });
});

describe('the file store a deployment gets', () => {
  const base = { dataDir: '/var/lib/duijie' } as AppConfig;

  it('is the disk under DATA_DIR/files unless S3_BUCKET is set', () => {
    expect(fileStoreFor({ ...base, s3: null })).toBeInstanceOf(DiskFileStore);
  });

  it('is the S3-compatible bucket when it is configured', () => {
    const s3 = { endpoint: 'https://minio.example.cn', region: 'us-east-1', bucket: 'evidence', accessKeyId: 'k', secretAccessKey: 's' };
    expect(fileStoreFor({ ...base, s3 })).toBeInstanceOf(S3FileStore);
  });
});
