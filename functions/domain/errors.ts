/**
 * Domain errors carry the HTTP status they map to, so handlers never choose
 * status codes themselves; `functions/http/error-response.ts` turns any of
 * these into the SPEC's error body in one place.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `consumer.phone`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields of the error body (e.g. `currentVersion`). */
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[], message = 'The request has invalid fields.') {
    super(400, 'invalid_input', message, { issues });
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this.') {
    super(403, 'forbidden', message);
  }
}

/** Also used for a wrong access code, so a case's existence does not leak. */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(409, code, message, details);
  }
}

export class StaleVersionError extends ConflictError {
  constructor(readonly currentVersion: number) {
    super('stale_version', 'Someone else changed this case; reload it and try again.', { currentVersion });
  }
}

export class ActionNotAllowedError extends ConflictError {
  constructor(action: string, status: string, readonly allowedActions: string[]) {
    super('action_not_allowed', `'${action}' is not allowed while the case is '${status}'.`, { allowedActions });
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor() {
    super(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}
