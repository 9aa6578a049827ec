// The opaque pagination cursor: the last case of a page, base64url JSON. A cursor
// that does not decode to that shape is a 400 naming the parameter.
import type { PageCursor } from "../../db/repositories/case-views.js";
import { EARLIEST_INSTANT_MS } from "../../domain/case.js";
import { AppError } from "../../domain/errors.js";

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.caseId])).toString("base64url");
}

export function decodeCursor(text: string): PageCursor {
  const bad = () =>
    new AppError("bad_argument", "cursor is not one this API issued", {
      details: { errors: [{ in: "query", field: "cursor", detail: "not a valid cursor" }] },
    });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "string" ||
    typeof value[1] !== "string" ||
    // Only instants this API writes: they survive a round trip through Date unchanged.
    !(Date.parse(value[0]) >= EARLIEST_INSTANT_MS) ||
    new Date(value[0]).toISOString() !== value[0] ||
    value[1].length === 0 ||
    value[1].length > 128
  )
    throw bad();
  return { createdAt: value[0], caseId: value[1] };
}
