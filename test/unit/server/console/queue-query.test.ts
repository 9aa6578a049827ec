import { describe, expect, it } from "vitest";
import { filterOf, parseQueueQuery, withPage } from "../../../../server/console/queue-query.js";
import { safeNext } from "../../../../server/console/sign-in.js";

describe("the queue's query string", () => {
  it("applies known filters and drops values it does not know instead of failing", () => {
    const q = parseQueueQuery({
      status: "decided",
      decision: "pwned",
      typology: "brushing",
      needs_review: "1",
      batch: "b'; drop table",
      from: "2026-11-01",
      to: "yesterday",
      sort: "sideways",
      page: "-3",
    });
    expect(filterOf(q)).toEqual({
      status: "decided",
      typology: "brushing",
      needsReview: true,
      from: "2026-11-01",
    });
    expect(q.sort).toBe("risk");
    expect(q.page).toBe(1);
  });

  it("drops a day the calendar or the database does not have", () => {
    for (const bad of ["2026-02-31", "2026-13-01", "0000-01-01"])
      expect(filterOf(parseQueueQuery({ from: bad, to: bad }))).toEqual({});
    expect(filterOf(parseQueueQuery({ to: "2024-02-29" }))).toEqual({ to: "2024-02-29" });
  });

  it("links to another page of the same view", () => {
    const q = parseQueueQuery({ decision: "fraud", sort: "oldest", page: "2" });
    expect(withPage(q, 3)).toBe("?decision=fraud&sort=oldest&page=3");
  });
});

describe("where sign-in returns to", () => {
  it("stays inside the console", () => {
    expect(safeNext("/console/cases/abc?x=1")).toBe("/console/cases/abc?x=1");
    expect(safeNext("/console")).toBe("/console");
    for (const bad of ["https://evil.example/", "//evil.example", "/console//evil", "/v1/keys", 42])
      expect(safeNext(bad)).toBe("/console");
  });
});
