import type { ErrorCode } from '@duijie/shared';
/**
 * Domain errors: small classes with a stable code. The ErrorFilter maps them to an HTTP
 * status and an ApiError body the user can act on.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: { field: string; messages: string[] }[],
    /** More of the body, for errors that carry a report (an import's problems). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found`);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

/** The caller's organisation is not approved (yet), so only its own registration is open to it. */
export class NotApproved extends DomainError {
  constructor() {
    super(403, 'organisation_not_approved', 'Your organisation is not approved; an organiser must approve it first');
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Please log in') {
    super(401, 'unauthorized', message);
  }
}

/** A write based on an old version, or one that conflicts with existing data. */
export class Conflict extends DomainError {
  constructor(code: ErrorCode, message: string, fields?: { field: string; messages: string[] }[]) {
    super(409, code, message, fields);
  }
}

/** Input that is well-formed but breaks a rule, e.g. a role that does not fit the session kind. */
export class InvalidInput extends DomainError {
  constructor(field: string, message: string) {
    super(400, 'invalid_input', `${field}: ${message}`, [{ field, messages: [message] }]);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code: ErrorCode = 'too_many_requests',
  ) {
    super(429, code, message);
  }
}

/** A version check: refuses a write based on a stale copy. */
export function assertVersion(current: number, given: number, what: string): void {
  if (current !== given) {
    throw new Conflict('stale_version', `${what} was changed by someone else (now version ${current}, your copy is version ${given}); reload and try again`, [
      { field: 'version', messages: [`current version is ${current}`] },
    ]);
  }
}

/** PostgreSQL cannot be reached (restarting, or the connection broke): retry shortly. */
export class DatabaseUnavailable extends DomainError {
  constructor() {
    super(503, 'database_unavailable', 'The database cannot be reached at the moment; try again in a few seconds');
  }
}
