import { sign } from 'aws4';
import type { S3Config } from '../config/config';
import { assertKey, type FileStore } from './file-store';

/** How long one request to the bucket may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Alibaba OSS, Tencent COS …), for deployments
 * on more than one machine where a local disk is not shared. Requests are signed with AWS
 * Signature V4 (aws4) and sent with fetch, path-style (`endpoint/bucket/key`), which every
 * S3-compatible service answers.
 */
export class S3FileStore implements FileStore {
  private readonly host: string;
  private readonly protocol: string;

  constructor(private readonly config: S3Config) {
    const url = new URL(config.endpoint);
    this.host = url.host;
    this.protocol = url.protocol;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const answer = await this.request('PUT', key, data);
    if (!answer.ok) throw await failure('PUT', key, answer);
  }

  async get(key: string): Promise<Buffer | null> {
    const answer = await this.request('GET', key);
    if (answer.status === 404) return null;
    if (!answer.ok) throw await failure('GET', key, answer);
    return Buffer.from(await answer.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const answer = await this.request('DELETE', key);
    // S3 answers 204 whether or not the key existed; some compatible services answer 404.
    if (!answer.ok && answer.status !== 404) throw await failure('DELETE', key, answer);
  }

  private request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    assertKey(key);
    const path = `/${encodeURIComponent(this.config.bucket)}/${key}`;
    const headers: Record<string, string> = body ? { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) } : {};
    const signed = sign(
      { host: this.host, path, method, service: 's3', region: this.config.region, headers, body },
      { accessKeyId: this.config.accessKeyId, secretAccessKey: this.config.secretAccessKey },
    );
    return fetch(`${this.protocol}//${this.host}${path}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }
}

/** The bucket's refusal as an error naming the operation and S3's own code (never the keys). */
async function failure(method: string, key: string, answer: Response): Promise<Error> {
  const text = await answer.text().catch(() => '');
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'no error code';
  return new Error(`S3 ${method} ${key} failed: ${answer.status} ${code}`);
}
