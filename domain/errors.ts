// One error type for the whole program. `code` is what callers branch on; the
// HTTP layer (server/http/problem.ts) maps codes to problem+json, the CLI maps them to exit codes.

export type ErrorCode =
  | "config_invalid"
  | "bad_argument"
  | "data_dir_locked"
  | "db_unavailable"
  | "pgvector_missing"
  | "migration_failed"
  | "warehouse_not_empty"
  | "not_found"
  | "conflict"
  | "replay_diverged"
  // the service doors (REST API)
  | "unauthenticated"
  | "forbidden"
  | "rate_limited"
  | "too_large"
  | "unsupported_media_type"
  | "not_acceptable"
  | "method_not_allowed"
  | "unavailable"
  | "internal";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options?.details;
  }
}

export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
