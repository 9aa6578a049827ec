// RFC 9457 problem details for every error the API returns. An AppError's code
// picks the status and a stable, machine-readable type; anything else is an
// internal error whose details go to the log under a reference, never to the client.
import { randomUUID } from "node:crypto";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { Logger } from "../../config/logger.js";
import { AppError, type ErrorCode, isAppError } from "../../domain/errors.js";

export const PROBLEM_TYPE_PREFIX = "urn:casehound:problem:";

const STATUS: Partial<Record<ErrorCode, [number, string]>> = {
  bad_argument: [400, "The request is invalid"],
  unauthenticated: [401, "A valid API key is required"],
  forbidden: [403, "This key's role may not do that"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  not_acceptable: [406, "No acceptable representation"],
  conflict: [409, "Conflict with the current state"],
  too_large: [413, "The request body is too large"],
  unsupported_media_type: [415, "Unsupported media type"],
  rate_limited: [429, "Too many requests"],
  unavailable: [503, "The service is unavailable"],
  db_unavailable: [503, "The service is unavailable"],
};

/** One field that failed validation, where it was (body, query, header) and why. */
export interface FieldError {
  in: "body" | "query" | "header" | "path";
  field: string;
  /** JSON Pointer into the body (body errors only). */
  pointer?: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  reference?: string;
}

export function problemFor(error: unknown, instance?: string): Problem {
  const mapped = isAppError(error) ? STATUS[error.code] : undefined;
  if (isAppError(error) && mapped) {
    const [status, title] = mapped;
    const errors = error.details?.errors as FieldError[] | undefined;
    return {
      type: `${PROBLEM_TYPE_PREFIX}${error.code}`,
      title,
      status,
      detail: error.message,
      ...(instance ? { instance } : {}),
      ...(errors ? { errors } : {}),
    };
  }
  return {
    type: `${PROBLEM_TYPE_PREFIX}internal`,
    title: "Internal error",
    status: 500,
    detail: "The server could not complete the request; the reference identifies it in the logs.",
    ...(instance ? { instance } : {}),
    reference: randomUUID(),
  };
}

export function sendProblem(res: Response, problem: Problem): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (problem.status === 401) res.set("WWW-Authenticate", 'Bearer realm="casehound"');
  res.locals.problemCode = problem.type.slice(PROBLEM_TYPE_PREFIX.length);
  res.status(problem.status).type("application/problem+json").send(JSON.stringify(problem));
}

/** Maps the body parser's errors (bad JSON, too large, bad charset) to AppErrors. */
function fromParserError(error: unknown): unknown {
  const e = error as { type?: string; status?: number; expose?: boolean; message?: string };
  switch (e?.type) {
    case "entity.parse.failed":
      return new AppError("bad_argument", "the body is not valid JSON", {
        details: { errors: [{ in: "body", field: "", detail: "not valid JSON" }] },
      });
    case "entity.too.large":
      return new AppError("too_large", "the body is larger than this API accepts");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError(
        "unsupported_media_type",
        "the body's encoding or charset is not supported",
      );
    case "request.aborted":
      return new AppError("bad_argument", "the request was aborted while its body was read");
    case "entity.verify.failed":
    case "request.size.invalid":
    case "stream.encoding.set":
      return new AppError("bad_argument", "the body could not be read");
    default:
      // A value the database refuses as data (class 22: a NUL byte in text, a date out of
      // its range, a number too large for its column) came from the request.
      if (
        typeof (e as { code?: unknown })?.code === "string" &&
        /^22[0-9A-Z]{3}$/.test((e as { code: string }).code)
      )
        return new AppError(
          "bad_argument",
          "a value in the request cannot be stored or compared (out of range or containing a NUL character)",
        );
      // Other client errors raised by express itself (a path parameter with broken
      // percent-encoding, say) carry a 4xx status; their own messages are not passed on.
      if (
        e instanceof URIError ||
        (typeof e?.status === "number" && e.status >= 400 && e.status < 500)
      )
        return new AppError(
          "bad_argument",
          "the request could not be read (check its URL encoding)",
        );
      return error;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = problemFor(fromParserError(error), req.originalUrl.split("?")[0]);
    if (problem.status >= 500) {
      // The message and code find the cause; the stack only at debug level (logs are shipped).
      const e = error as { name?: string; message?: string; code?: string; stack?: string };
      logger.error(
        {
          reference: problem.reference,
          method: req.method,
          path: req.path,
          error: { name: e?.name, message: e?.message, code: e?.code },
        },
        "request failed",
      );
      logger.debug({ reference: problem.reference, stack: e?.stack }, "request failure stack");
    }
    sendProblem(res, problem);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `no route for ${req.method} ${req.path}`));
};

/** For a known path with an unsupported method: 405 with Allow. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    res.set("Allow", allowed.join(", "));
    next(new AppError("method_not_allowed", `${req.method} is not supported here`));
  };
}
