// Typed domain errors. Routes and domain code throw these; `server/http/errors.ts` maps them once
// to an HTTP status and the JSON body `{ error: { code, message } }`.

export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
  /** Sent as Retry-After: when to ask again, for an answer that will change by itself (503). */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: string,
    message: string,
    /** Extra fields merged into the error body, e.g. the current version on a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is malformed (bad JSON, missing header). */
export class BadRequestError extends DomainError {
  readonly status = 400;
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = 'Du behöver logga in.', code = 'unauthenticated') {
    super(code, message);
  }
}

/** The object is visible to the user, but the action is not theirs to take. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message = 'Du har inte behörighet att göra detta.') {
    super('forbidden', message);
  }
}

/** Not found, or outside the user's reach: the two are deliberately indistinguishable. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(message = 'Hittades inte.') {
    super('not_found', message);
  }
}

/** The client's version is stale; `details.current` carries what is stored now. */
export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(message: string, current?: unknown) {
    super('conflict', message, current === undefined ? undefined : { current });
  }
}

/** The study is closed: read-only until it is erased (exports still work). */
export class StudyClosedError extends DomainError {
  readonly status = 409;
  constructor(message = 'Studien är avslutad och kan inte längre ändras.') {
    super('study_closed', message);
  }
}

export class TooLargeError extends DomainError {
  readonly status = 413;
  constructor(message = 'Innehållet är för stort.') {
    super('too_large', message);
  }
}

export class UnsupportedTypeError extends DomainError {
  readonly status = 415;
  constructor(message: string) {
    super('unsupported_type', message);
  }
}

/** Well-formed but invalid input. */
export class ValidationError extends DomainError {
  readonly status = 422;
  constructor(message: string, code = 'validation') {
    super(code, message);
  }
}

export class TooManyAttemptsError extends DomainError {
  readonly status = 429;
  constructor(message = 'För många inloggningsförsök. Vänta en stund och försök igen.') {
    super('too_many_attempts', message);
  }
}
