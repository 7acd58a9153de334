/**
 * Domain errors carry a machine-readable code, an HTTP status and a translation key for the
 * message shown to people. Routes never build error responses by hand: they throw these.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    /** i18n key of the message people see; defaults to errors.<code>. */
    readonly messageKey: string = `errors.${code}`,
    readonly details?: Record<string, unknown>,
    /** Values the message names (the fields refused), for its {{placeholders}}. */
    readonly messageValues?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(code = "not_found") {
    super(code, 404, "errors.not_found");
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = "forbidden") {
    super(code, 403, "errors.forbidden");
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = "unauthenticated") {
    super(code, 401, "errors.unauthenticated");
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, messageKey?: string) {
    super(code, 409, messageKey);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(code = "too_many_requests", messageKey?: string) {
    super(code, 429, messageKey ?? "errors.too_many_requests");
  }
}
