// Expected errors (a user can act on them) versus bugs (logged with an id, shown generically).
// See CONVENTIONS 6: a response never carries a stack trace or a database message.

export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "MISCONFIGURED";

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  MISCONFIGURED: 503,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a form says above fields that carry their own errors. */
export const FIELDS_NEED_ATTENTION = "Some fields need your attention.";
