import type { ErrorCode } from '../error-codes';

// One route of the HTTP API: the server's controllers are mapped from it (server/src/common/endpoint.ts),
// the client calls it (client/src/api/client.ts `call`), and shared/openapi.json is generated from it.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What travels: the JSON body sent, the query string, and the JSON answer (`void` for none). */
export type RouteTypes = { body?: unknown; query?: unknown; output: unknown };

/** An answer that is a file (PDF, workbook, calendar), not JSON. */
export type FileAnswer = { readonly file: true };

export type RouteMeta = {
  /** One line for the API document. */
  summary: string;
  /** The success status, when not the method's default (200; 201 for POST). */
  status?: number;
  /** Other success statuses the route answers with the same output type, and when. */
  alsoAnswers?: Readonly<Record<number, string>>;
  /** The domain error codes this route answers with, beyond the generic ones every route may answer. */
  errors?: readonly ErrorCode[];
  /** The content type of a file answer. */
  file?: string;
  /** The body is multipart form data (file uploads), not JSON. */
  multipart?: boolean;
  /** Reached without a session. */
  public?: boolean;
  /** Accepts an Idempotency-Key header: a retry with the same key answers the first answer. */
  idempotent?: boolean;
};

export interface Route<M extends HttpMethod = HttpMethod, P extends string = string, T extends RouteTypes = RouteTypes> extends RouteMeta {
  readonly method: M;
  /** Relative to /api, with `:name` parameters. */
  readonly path: P;
  readonly status: number;
  /** Never set: carries the types. */
  readonly types?: T;
}

/** The names of a path's parameters: '/sessions/:id/meetings/:meetingId' → 'id' | 'meetingId'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

export type RouteOutput<R> = R extends Route<HttpMethod, string, infer T> ? T['output'] : never;
export type RouteBody<R> = R extends Route<HttpMethod, string, infer T> ? T['body'] : never;
export type RouteQuery<R> = R extends Route<HttpMethod, string, infer T> ? T['query'] : never;

/**
 * Declares a route: `route<{ output: Agreement; body: AgreementInput }>()('POST', '/sessions/:id/agreements', { summary })`.
 * Two calls so the types are written out and the method and path are inferred.
 */
export function route<T extends RouteTypes>() {
  return <M extends HttpMethod, P extends string>(method: M, path: P, meta: RouteMeta): Route<M, P, T> => ({
    ...meta,
    method,
    path,
    status: meta.status ?? (method === 'POST' ? 201 : 200),
  });
}

/** The parameter names in a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1]);
}

/** Fills a path's parameters, each URL-encoded: fillPath('/listings/:id', { id: 'a b' }) → '/listings/a%20b'. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`path ${path} needs :${name}`);
    return encodeURIComponent(value);
  });
}
