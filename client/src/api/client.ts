import { fillPath, type ApiError, type FileAnswer, type PathParamNames, type PathParams, type Route, type RouteOutput } from '@duijie/shared';
import { forgetOfflineData } from './offline';

/**
 * The session token lives in an httpOnly cookie the page cannot read. Beside it the server sets
 * a readable CSRF cookie: its presence says a session exists, and writes echo it in a header.
 */
const CSRF_COOKIE = 'duijie_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type ApiOptions = {
  /** Query parameters; undefined, null and '' values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/**
 * A failure's body: the server's ApiError, or one the client makes when no ApiError came back
 * (`network`: no answer at all; `unexpected_answer`: an answer that is not an ApiError, e.g. a
 * proxy's error page).
 */
export type FailureBody = Omit<ApiError, 'code'> & { code: ApiError['code'] | 'network' | 'unexpected_answer' };

/** A failed call: the HTTP status and the server's ApiError body. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly body: FailureBody;

  constructor(body: FailureBody) {
    super(body.message);
    this.name = 'ApiFailure';
    this.status = body.statusCode;
    this.body = body;
  }
}

/** The CSRF cookie's value, or null when there is no session. */
export function getSessionToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

/** Forgets the session locally (the server cleared or will refuse the httpOnly cookie). */
export function forgetSession(): void {
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
}

function sessionHeaders(method: string): Record<string, string> {
  const csrf = getSessionToken();
  return csrf !== null && method !== 'GET' ? { [CSRF_HEADER]: csrf } : {};
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  window.location.assign('/login');
};

/** The auth provider installs its own handler so a 401 logs out without a full reload. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/**
 * What a 401 does: forget the token and the data kept for reading offline, and let the auth
 * provider send the user to the login page.
 */
export function handleUnauthorized(): void {
  forgetSession();
  forgetOfflineData();
  onUnauthorized();
}

/**
 * A 401 from any route: the data kept offline goes whoever it was kept for (the service worker
 * sees only the routes it keeps); with a session on this page, the session is forgotten too.
 */
export function answeredUnauthorized(hadSession: boolean): void {
  if (hadSession) handleUnauthorized();
  else forgetOfflineData();
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
 * Sends a request to the Duijie HTTP API; paths are relative to /api. Not exported: every call goes through
 * `call` and names a route of the contract. Sends the session cookie (and the CSRF header on writes), parses
 * JSON and throws ApiFailure for any non-2xx answer (or a network failure, as status 0).
 */
async function request<T>(method: HttpMethod, path: string, body?: unknown, opts: ApiOptions = {}): Promise<T> {
  const token = getSessionToken();
  const headers: Record<string, string> = { Accept: 'application/json', ...sessionHeaders(method), ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });
  }

  const parsed = await readBody(response);
  if (response.ok) return parsed as T;

  // A wrong password on a re-confirmation (step-up) is a 401 too, but the session is still good.
  const wrongPassword = isApiError(parsed) && parsed.code === 'wrong_password';
  if (response.status === 401 && !wrongPassword) answeredUnauthorized(token !== null);
  const error: FailureBody = isApiError(parsed)
    ? parsed
    : {
        statusCode: response.status,
        code: 'unexpected_answer',
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
 * Sends files as multipart/form-data (each under `field`), with the session cookie, and answers
 * like api(): the parsed body, or an ApiFailure carrying the server's ApiError body.
 */
async function upload<T>(path: string, field: string, files: readonly File[], opts: ApiOptions = {}): Promise<T> {
  const token = getSessionToken();
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  let response: Response;
  try {
    // No Content-Type: the browser sets it with the multipart boundary.
    response = await fetch(buildUrl(path, opts.query), {
      method: 'POST',
      headers: { Accept: 'application/json', ...sessionHeaders('POST'), ...opts.headers },
      credentials: 'same-origin',
      body: form,
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });
  }
  const parsed = await readBody(response);
  if (response.ok) return parsed as T;
  if (response.status === 401) answeredUnauthorized(token !== null);
  throw new ApiFailure(isApiError(parsed) ? parsed : { statusCode: response.status, code: 'unexpected_answer', message: response.statusText });
}

/** Downloads a file the API serves to signed-in users (e.g. a PDF certificate) under `filename`. */
async function downloadFile(path: string, filename: string): Promise<void> {
  const token = getSessionToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, undefined), { credentials: 'same-origin' });
  } catch {
    throw new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });
  }
  if (!response.ok) {
    const parsed = await readBody(response);
    if (response.status === 401) answeredUnauthorized(token !== null);
    throw new ApiFailure(isApiError(parsed) ? parsed : { statusCode: response.status, code: 'unexpected_answer', message: response.statusText });
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

// ---- typed calls: every request goes through a route of the contract (shared/src/contract) ----

type RouteTypesOf<R> = R extends Route<HttpMethod, string, infer T> ? T : never;
type ParamsArg<P extends string> = [PathParamNames<P>] extends [never] ? { params?: undefined } : { params: PathParams<P> };
type BodyArg<T> = T extends { body: infer B } ? { body: B } : { body?: undefined };
type QueryArg<T> = T extends { query: infer Q } ? { query?: Q } : { query?: undefined };

/** What a call of the route takes: its path parameters, its body and its query, each only where the route has one. */
export type CallArgs<R> = R extends Route<HttpMethod, infer P, infer T> ? ParamsArg<P> & BodyArg<T> & QueryArg<T> : never;

/** Per call: abort signal and extra headers (e.g. Idempotency-Key). */
export type CallOptions = Pick<ApiOptions, 'signal' | 'headers'>;

function target<R extends Route>(route: R, args: { params?: Record<string, string> }): string {
  return fillPath(route.path, args.params ?? {});
}

/** Calls a route: `call(routes.listings.get, { params: { id } })` answers the route's output type. */
export function call<R extends Route>(route: R, args: CallArgs<R>, opts: CallOptions = {}): Promise<RouteOutput<R>> {
  const { body, query } = args as { body?: unknown; query?: ApiOptions['query'] };
  return request<RouteOutput<R>>(route.method, target(route, args as { params?: Record<string, string> }), body, { ...opts, query });
}

/** Downloads the file a route answers (PDF, workbook, calendar) under `filename`. */
export function download<R extends Route>(route: R & { types?: RouteTypesOf<R> & { output: FileAnswer } }, args: CallArgs<R>, filename: string): Promise<void> {
  const { query } = args as { query?: ApiOptions['query'] };
  return downloadFile(buildUrl(target(route, args as { params?: Record<string, string> }), query).slice('/api'.length), filename);
}

/** Sends files to a multipart route, each under the field `file`. */
export function uploadTo<R extends Route>(route: R, args: CallArgs<R>, files: readonly File[], opts: CallOptions = {}): Promise<RouteOutput<R>> {
  const { query } = args as { query?: ApiOptions['query'] };
  return upload<RouteOutput<R>>(target(route, args as { params?: Record<string, string> }), 'file', files, { ...opts, query });
}
