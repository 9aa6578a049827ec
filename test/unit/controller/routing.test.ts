import type { Send } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { afterIntake, afterReflect, dispatch } from "../../../controller/routing.js";
import type { CaseStateType } from "../../../controller/state.js";
import { DEFAULT_BUDGET } from "../../../domain/budget.js";
import type { SellerProfile } from "../../../domain/profile.js";

const profile = { sellerId: "slr_1" } as SellerProfile;
const state = (over: Partial<CaseStateType>) =>
  ({
    profile,
    tasks: [],
    iteration: 1,
    exhaustion: null,
    reflection: null,
    asOf: "2026-11-01T00:00:00.000Z",
    case: { allegation: "buyers look fake" } as CaseStateType["case"],
    ...over,
  }) as CaseStateType;

describe("routing", () => {
  it("ends a case whose subject could not be resolved", () => {
    expect(afterIntake(state({ profile: null }))).toBe("finalize");
    expect(afterIntake(state({}))).toBe("plan");
  });

  it("fans tasks out to their agents in parallel, or goes straight to reasoning when there are none", () => {
    const sends = dispatch(
      state({
        tasks: [
          { agent: "sql_retrieval", goal: "g", indicators: ["a"], maxQueries: 2 },
          { agent: "web_search", goal: "w", queries: ["q"], maxCalls: 1 },
        ],
      }),
    );
    expect(Array.isArray(sends)).toBe(true);
    expect((sends as Send[]).map((s) => s.node)).toEqual(["sqlRetrieval", "webSearch"]);
    expect((sends as Send[])[1]?.args).toMatchObject({
      profile,
      asOf: "2026-11-01T00:00:00.000Z",
      allegation: "buyers look fake",
    });
    expect(dispatch(state({ tasks: [] }))).toBe("reason");
  });

  it("goes back to planning while the reflection asks for more and rounds remain", () => {
    const wants = { passed: false, issues: ["gap"], requested: ["x"] };
    expect(afterReflect(state({ reflection: wants, iteration: 1 }), DEFAULT_BUDGET)).toBe("plan");
    expect(
      afterReflect(
        state({ reflection: wants, iteration: DEFAULT_BUDGET.maxIterations }),
        DEFAULT_BUDGET,
      ),
    ).toBe("finalize");
    expect(
      afterReflect(
        state({ reflection: { passed: true, issues: [], requested: [] } }),
        DEFAULT_BUDGET,
      ),
    ).toBe("finalize");
  });

  it("finalizes as soon as a budget has run out", () => {
    const wants = { passed: false, issues: ["gap"], requested: ["x"] };
    expect(
      afterReflect(
        state({ reflection: wants, exhaustion: { budget: "sql_queries", detail: "d" } }),
        DEFAULT_BUDGET,
      ),
    ).toBe("finalize");
  });
});
