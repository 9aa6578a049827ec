import { describe, expect, it } from "vitest";
import { planOffline } from "../../../agents/planner/offline.js";
import {
  EVERY_CASE_INDICATOR_IDS,
  suspectedTypologies,
} from "../../../agents/planner/playbooks.js";
import { DEFAULT_BUDGET, NO_USAGE } from "../../../domain/budget.js";
import { Case } from "../../../domain/case.js";
import type { SellerProfile } from "../../../domain/profile.js";
import { indicatorById } from "../../../tools/indicators/catalog/index.js";

const profile: SellerProfile = {
  sellerId: "slr_1",
  shopName: "Luna Craft",
  category: "beauty",
  country: "DE",
  registeredAt: "2025-01-01T00:00:00.000Z",
  kycStatus: "verified",
  status: "active",
  flagSources: [],
  flagReasons: [],
  priorEnforcement: 0,
};
const theCase = Case.parse({
  id: "c1",
  createdAt: "2026-11-01T00:00:00.000Z",
  subject: { type: "seller", id: "slr_1" },
  allegation: "buyers report empty parcels and fake 5-star reviews",
});

describe("the offline planner", () => {
  it("suspects typologies from the allegation, the hints and the flags", () => {
    expect(suspectedTypologies("fake 5-star reviews from new buyers", [], [])).toEqual([
      "brushing",
    ]);
    expect(
      suspectedTypologies("nothing specific", ["click_farm"], ["rule:payout_change_new_device"]),
    ).toEqual(["account_takeover", "click_farm"]);
    expect(suspectedTypologies("routine re-review", [], [])).toEqual([]);
  });

  it("reads the suspected typology first, then every other typology in full, looks the shop up, and only plans catalogued indicators", () => {
    const { tasks, suspected } = planOffline({
      case: theCase,
      profile,
      iteration: 0,
      read: new Set(),
      requested: [],
      budget: DEFAULT_BUDGET,
      usage: NO_USAGE,
    });
    expect(suspected).toEqual(["brushing"]);
    const sql = tasks.filter((t) => t.agent === "sql_retrieval");
    const all = sql.flatMap((t) => t.indicators);
    expect(all).toContain("brushing.templated_reviews");
    expect(all).toContain("context.account_age_days");
    expect(all).toContain("click_farm.clicks_per_ip");
    expect(all).toContain("collusion.repeat_concentration"); // an unsuspected typology is read in full
    expect(new Set(all)).toEqual(new Set(EVERY_CASE_INDICATOR_IDS));
    expect(sql[1]?.goal).toBe("test the suspected brushing");
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(indicatorById(id), id).toBeDefined();
    expect(tasks.find((t) => t.agent === "web_search")).toMatchObject({
      queries: ["Luna Craft", "slr_1"],
    });
  });

  it.each([
    ["names another typology", "sudden GMV spike, possibly an account takeover?"],
    ["describes a symptom in lay words", "the reviews on this shop look fake"],
    ["says nothing specific", "routine re-review"],
  ])("reads every typology's indicators when the allegation %s", (_, allegation) => {
    const { tasks } = planOffline({
      case: { ...theCase, allegation },
      profile,
      iteration: 0,
      read: new Set(),
      requested: [],
      budget: DEFAULT_BUDGET,
      usage: NO_USAGE,
    });
    const all = tasks.flatMap((t) => (t.agent === "sql_retrieval" ? t.indicators : []));
    expect(new Set(all)).toEqual(new Set(EVERY_CASE_INDICATOR_IDS));
    expect(all).toContain("brushing.templated_reviews");
    expect(all).toContain("brushing.fast_reviews");
    const quota = tasks.reduce((s, t) => s + (t.agent === "sql_retrieval" ? t.maxQueries : 0), 0);
    expect(quota).toBeGreaterThanOrEqual(all.length); // the default budget covers every value query
  });

  it("plans only what the reflection asked for in later rounds, skipping what was read", () => {
    const { tasks } = planOffline({
      case: theCase,
      profile,
      iteration: 1,
      read: new Set(["collusion.undo_rate_120d"]),
      requested: ["collusion.undo_rate_120d", "collusion.repeat_concentration"],
      budget: DEFAULT_BUDGET,
      usage: NO_USAGE,
    });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      agent: "sql_retrieval",
      indicators: ["collusion.repeat_concentration"],
    });
  });

  it("never hands out more queries than the budget has left", () => {
    const { tasks } = planOffline({
      case: theCase,
      profile,
      iteration: 0,
      read: new Set(),
      requested: [],
      budget: { ...DEFAULT_BUDGET, maxSqlQueries: 20, maxWebCalls: 1 },
      usage: { ...NO_USAGE, sqlQueries: 8 },
    });
    const quota = tasks.reduce((s, t) => s + (t.agent === "sql_retrieval" ? t.maxQueries : 0), 0);
    expect(quota).toBeLessThanOrEqual(12);
    expect(tasks.find((t) => t.agent === "web_search")).toMatchObject({ maxCalls: 1 });
  });
});
