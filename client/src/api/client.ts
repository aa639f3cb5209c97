import type { ApiError } from '@duijie/shared';

const TOKEN_KEY = 'duijie.token';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type ApiOptions = {
  /** Query parameters; undefined, null and '' values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** A failed call: the HTTP status and the server's ApiError body. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly body: ApiError;

  constructor(body: ApiError) {
    super(body.message);
    this.name = 'ApiFailure';
    this.status = body.statusCode;
    this.body = body;
  }
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  window.location.assign('/login');
};

/** The auth provider installs its own handler so a 401 logs out without a full reload. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** What a 401 does: forget the token and let the auth provider send the user to the login page. */
export function handleUnauthorized(): void {
  setToken(null);
  onUnauthorized();
}

function buildUrl(path: string, query: ApiOptions['query']): string {
  const url = `/api${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? url : `${url}?${qs}`;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { statusCode?: unknown }).statusCode === 'number' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Calls the Duijie HTTP API. Paths are relative to /api. Sends the stored bearer token,
 * parses JSON and throws ApiFailure for any non-2xx answer (or a network failure, as status 0).
 */
export async function api<T>(method: HttpMethod, path: string, body?: unknown, opts: ApiOptions = {}): Promise<T> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== null) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'network' });
  }

  const parsed = await readBody(response);
  if (response.ok) return parsed as T;

  // A wrong password on a re-confirmation (step-up) is a 401 too, but the session is still good.
  const wrongPassword = isApiError(parsed) && parsed.code === 'wrong_password';
  if (response.status === 401 && token !== null && !wrongPassword) handleUnauthorized();
  const error: ApiError = isApiError(parsed)
    ? parsed
    : {
        statusCode: response.status,
        code: 'HTTP_' + String(response.status),
        message: typeof parsed === 'string' && parsed !== '' ? parsed : response.statusText,
      };
  throw new ApiFailure(error);
}

export function isApiFailure(error: unknown): error is ApiFailure {
  return error instanceof ApiFailure;
}

/** A fresh idempotency key; create one per form submission, reuse it on retries. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends files as multipart/form-data (each under `field`), with the stored token, and answers
 * like api(): the parsed body, or an ApiFailure carrying the server's ApiError body.
 */
export async function upload<T>(path: string, field: string, files: readonly File[], opts: ApiOptions = {}): Promise<T> {
  const token = getToken();
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  let response: Response;
  try {
    // No Content-Type: the browser sets it with the multipart boundary.
    response = await fetch(buildUrl(path, opts.query), {
      method: 'POST',
      headers: { Accept: 'application/json', ...opts.headers, ...(token !== null ? { Authorization: `Bearer ${token}` } : {}) },
      body: form,
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'network' });
  }
  const parsed = await readBody(response);
  if (response.ok) return parsed as T;
  if (response.status === 401 && token !== null) handleUnauthorized();
  throw new ApiFailure(
    isApiError(parsed) ? parsed : { statusCode: response.status, code: `HTTP_${response.status}`, message: response.statusText },
  );
}

/** Downloads a file the API serves to signed-in users (e.g. a PDF certificate) under `filename`. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, undefined), { headers: token !== null ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'network' });
  }
  if (!response.ok) {
    const parsed = await readBody(response);
    if (response.status === 401 && token !== null) handleUnauthorized();
    throw new ApiFailure(isApiError(parsed) ? parsed : { statusCode: response.status, code: `HTTP_${response.status}`, message: response.statusText });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
