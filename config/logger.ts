// The one logger. Logs go to stderr as JSON so stdout stays for command output. Personal
// data is masked ([email], [phone], ...) on the way in: message strings, format arguments,
// string fields of the merge object two levels deep and error messages; then once more on
// the finished line, which also covers child bindings and anything nested deeper.
import { type DestinationStream, pino } from "pino";
import { maskPii } from "../domain/pii.js";

export type Logger = pino.Logger;

const MERGE_DEPTH = 2;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// A masked copy with the same prototype, so pino still reports the error's own type.
function maskError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor && "value" in descriptor)
      Object.defineProperty(copy, key, { ...descriptor, value: mask(descriptor.value, depth) });
  }
  return copy;
}

function mask(value: unknown, depth: number): unknown {
  if (typeof value === "string") return maskPii(value);
  if (value instanceof Error) return maskError(value, depth);
  if (depth <= 0) return value;
  if (Array.isArray(value)) return value.map((item) => mask(item, depth - 1));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, depth - 1)]));
  return value;
}

// The line is JSON and the replacements hold no quote or backslash, so masking keeps it
// valid; should it ever not, the line is withheld rather than written unmasked.
function maskLine(line: string): string {
  const masked = maskPii(line);
  if (masked === line) return line;
  try {
    JSON.parse(masked);
    return masked;
  } catch {
    return `${JSON.stringify({ level: 50, msg: "log line withheld: masking personal data broke its JSON" })}\n`;
  }
}

export function createLogger(
  level: string = "info",
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { app: "casehound" },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => mask(arg, MERGE_DEPTH)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
        streamWrite: maskLine,
      },
    },
    destination,
  );
}
