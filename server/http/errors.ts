import "server-only";

type ErrorCode =
  "unauthorized" | "forbidden" | "not_found" | "validation" | "conflict" | "payload_too_large" | "upstream" | "internal";

/** The application's error family; `toHttp` maps each to a status once, for every route. */
class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super("unauthorized", 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(permission: string, message = `Your role does not have the ${permission} permission.`) {
    super("forbidden", 403, message, { permission });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", 404, `${what} was not found.`);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super("validation", 400, message, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super("conflict", 409, message, details);
  }
}

/** An upload over a size limit; refused before anything in it was used. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super("payload_too_large", 413, message);
  }
}

/** A service Strata depends on (e.g. CloudWatch Logs) failed or refused; the message says which and why. */
export class UpstreamError extends AppError {
  constructor(message: string, details?: unknown) {
    super("upstream", 502, message, details);
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function toHttp(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  // Unknown errors keep their detail in the server log only: messages can carry internals.
  console.error("[strata] unhandled error", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server." } } };
}
