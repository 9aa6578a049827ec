// Cursors of the batch API, opaque base64url JSON like the cases' (server/http/cursor.ts):
// a page of batches ends at a batch (created_at, id); a page of results at a position.
import { AppError } from "../../../domain/errors.js";
import { decodeCursor, encodeCursor } from "../cursor.js";

export function encodeBatchCursor(cursor: { createdAt: string; batchId: string }): string {
  return encodeCursor({ createdAt: cursor.createdAt, caseId: cursor.batchId });
}

export function decodeBatchCursor(text: string): { createdAt: string; batchId: string } {
  const { createdAt, caseId } = decodeCursor(text);
  return { createdAt, batchId: caseId };
}

export function encodePositionCursor(position: number): string {
  return Buffer.from(JSON.stringify(["position", position])).toString("base64url");
}

export function decodePositionCursor(text: string): number {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    value[0] !== "position" ||
    !Number.isInteger(value[1]) ||
    value[1] < 1 ||
    value[1] > 2_147_483_647
  )
    throw new AppError("bad_argument", "cursor is not one this API issued", {
      details: { errors: [{ in: "query", field: "cursor", detail: "not a valid cursor" }] },
    });
  return value[1];
}
