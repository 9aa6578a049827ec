// Parses a request part with its zod schema; a failure is a bad_argument AppError
// naming every offending field (and, in a body, its JSON Pointer).
import type { z } from "zod";
import { AppError } from "../../domain/errors.js";
import type { FieldError } from "./problem.js";

const pointer = (path: readonly PropertyKey[]) =>
  `#/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: FieldError["in"],
  /** The name of a scalar part (a header); fields of an object are named by their path. */
  name?: string,
): z.output<T> {
  if (where === "query" && value && typeof value === "object") {
    // A repeated query parameter arrives as an array; say so instead of a type error.
    for (const [name, v] of Object.entries(value))
      if (typeof v !== "string")
        throw new AppError("bad_argument", `query parameter ${name} must be given once`, {
          details: { errors: [{ in: "query", field: name, detail: "given more than once" }] },
        });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.flatMap((issue) => {
    // An unknown key is reported at the key itself, not at its parent.
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const field = [name, ...path.map(String)].filter((p) => p !== undefined).join(".");
      return {
        in: where,
        field,
        ...(where === "body" ? { pointer: pointer(path) } : {}),
        detail: issue.code === "unrecognized_keys" ? "is not a known field" : issue.message,
      };
    });
  });
  throw new AppError(
    "bad_argument",
    `invalid ${where}: ${errors
      .slice(0, 5)
      .map((e) => `${e.field || "(root)"} ${e.detail}`)
      .join("; ")}`,
    { details: { errors } },
  );
}
