// Cases that belong together reach the API: the verdict schema the REST routes
// answer with, and so /openapi.json, carries related_cases.
import { describe, expect, it } from "vitest";
import { Verdict } from "../../../domain/verdict.js";
import { buildOpenApi } from "../../../server/http/openapi.js";
import { reportCase } from "../../fixtures/report-case.js";

describe("related cases in the API", () => {
  it("are part of the verdict a case answers with, and of the published schema", () => {
    const { verdict } = reportCase();
    const related = {
      case_id: "case_lead",
      seller_id: "slr_r1",
      status: "decided",
      decision: "fraud",
      hop: 1,
      via: ["device"],
      evidence_id: "ev_00000000000000aa",
    };
    expect(Verdict.parse({ ...verdict, related_cases: [related] }).related_cases).toEqual([
      related,
    ]);
    expect(Verdict.parse(verdict).related_cases).toBeUndefined();
    expect(JSON.stringify(buildOpenApi())).toContain('"related_cases"');
  });
});
