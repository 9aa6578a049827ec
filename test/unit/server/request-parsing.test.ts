import { describe, expect, it } from "vitest";
import { AppError } from "../../../domain/errors.js";
import { decodeCursor, encodeCursor } from "../../../server/http/cursor.js";
import { problemFor } from "../../../server/http/problem.js";
import { CreateCaseBody, ListCasesQuery } from "../../../server/http/schemas.js";
import { parseOr400 } from "../../../server/http/validate.js";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error("did not throw");
}

describe("request parsing", () => {
  it("round-trips a page cursor and refuses anything it did not issue", () => {
    const cursor = { createdAt: "2026-11-24T10:00:00.123Z", caseId: "c-1" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of [
      "",
      "%%%",
      "bm9wZQ",
      Buffer.from('["x","y"]').toString("base64url"),
      Buffer.from('["2026-11-24T10:00:00Z",""]').toString("base64url"),
      Buffer.from("{}").toString("base64url"),
    ])
      expect(thrown(() => decodeCursor(bad)).code, bad).toBe("bad_argument");
  });

  it("names each bad body field with its JSON Pointer, unknown fields included", () => {
    const error = thrown(() =>
      parseOr400(
        CreateCaseBody,
        { subject: { type: "x", id: "ok" }, allegation: "a", "we/ird~": 1 },
        "body",
      ),
    );
    expect(error.details?.errors).toEqual([
      expect.objectContaining({ in: "body", field: "subject.type", pointer: "#/subject/type" }),
      expect.objectContaining({
        in: "body",
        field: "we/ird~",
        pointer: "#/we~1ird~0",
        detail: "is not a known field",
      }),
    ]);
  });

  it("splits comma lists in the query and refuses a parameter given twice", () => {
    expect(
      parseOr400(ListCasesQuery, { status: "decided, failed", limit: "5" }, "query"),
    ).toMatchObject({
      status: ["decided", "failed"],
      limit: 5,
    });
    const twice = thrown(() => parseOr400(ListCasesQuery, { limit: ["1", "2"] }, "query"));
    expect(twice.details?.errors).toEqual([
      expect.objectContaining({ in: "query", field: "limit" }),
    ]);
  });

  it("maps error codes to problem statuses and hides what an unexpected error says", () => {
    expect(problemFor(new AppError("conflict", "stale hash"))).toMatchObject({
      status: 409,
      detail: "stale hash",
    });
    expect(problemFor(new AppError("rate_limited", "slow down")).status).toBe(429);
    const internal = problemFor(new Error("password=hunter2 at db.ts:12"));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal)).not.toContain("hunter2");
    expect(internal.reference).toMatch(/^[0-9a-f-]{36}$/);
    // An AppError with no HTTP meaning (a broken invariant) is internal too.
    expect(problemFor(new AppError("replay_diverged", "secret detail")).detail).not.toContain(
      "secret",
    );
  });
});
