// The offline SQL-retrieval agent reads a task's indicators concurrently when its
// quota cannot run out; what it returns must be what a reading one at a time gives.
import { describe, expect, it } from "vitest";
import { retrieveIndicators } from "../../../agents/sql-retrieval/offline.js";
import type { Queryable } from "../../../db/types.js";
import type { SqlTask } from "../../../domain/task.js";
import type { BaselineCache } from "../../../tools/indicators/baselines.js";
import { INDICATORS_BY_TYPOLOGY } from "../../../tools/indicators/catalog/index.js";
import type { ReadContext } from "../../../tools/indicators/read.js";

const ids = INDICATORS_BY_TYPOLOGY.brushing.map((d) => d.id);

/** A warehouse whose first queries answer last; it counts how many are in flight at once. */
function slowFirstWarehouse() {
  const seen: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const warehouse: Queryable = {
    async query<Row>(sql: string) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const n = seen.push(sql);
      await new Promise((r) => setTimeout(r, 5 * Math.max(0, 8 - n)));
      inFlight--;
      return { rows: [{ value: n }] as Row[], rowCount: 1 };
    },
    async exec() {},
  };
  return { warehouse, maxInFlight: () => maxInFlight, seen };
}

// p90 above every value: no indicator stands out, so each reading is one query.
const baselines: BaselineCache = {
  async compare(_definition, category) {
    const baseline = { scope: `category:${category}`, sellers: 40, p50: 1, p90: 100, p99: 200 };
    return { baseline, percentile: 0.5 };
  },
};

function context(warehouse: Queryable): ReadContext {
  return {
    warehouse,
    baselines,
    asOf: "2026-11-01T00:00:00.000Z",
    now: () => "2026-11-01T00:00:00.000Z",
  };
}

const task = (maxQueries: number): SqlTask => ({
  agent: "sql_retrieval",
  goal: "test brushing",
  indicators: [...ids, "no.such_indicator"],
  maxQueries,
});

describe("the offline SQL-retrieval agent", () => {
  it("when its quota cannot run out, reads the indicators at once and returns them in the task's order", async () => {
    const seller = { id: "slr_1", category: "beauty" };
    const together = slowFirstWarehouse();
    const oneByOne = slowFirstWarehouse();

    const concurrent = await retrieveIndicators(
      context(together.warehouse),
      task(ids.length * 2),
      seller,
    );
    // One query short of two an indicator: the one-at-a-time path, which reads them all here.
    const sequential = await retrieveIndicators(
      context(oneByOne.warehouse),
      task(ids.length * 2 - 1),
      seller,
    );

    expect(together.maxInFlight()).toBe(ids.length);
    expect(oneByOne.maxInFlight()).toBe(1);
    expect(concurrent.readings.map((r) => r.indicator)).toEqual(ids);
    expect(concurrent.skipped).toEqual(["no.such_indicator"]);
    // Values differ by arrival, so compare what does not depend on it.
    const shape = (r: typeof concurrent) => ({
      sources: r.evidence.map((e) => e.source),
      calls: r.calls.map((c) => c.sql),
      queries: r.queries,
      rows: r.rows,
      skipped: r.skipped,
    });
    expect(shape(concurrent)).toEqual(shape(sequential));
  });

  it("when its quota could run out, reads one at a time and skips what no longer fits", async () => {
    const { warehouse, maxInFlight } = slowFirstWarehouse();

    const result = await retrieveIndicators(context(warehouse), task(3), {
      id: "slr_1",
      category: "beauty",
    });

    expect(maxInFlight()).toBe(1);
    expect(result.readings.map((r) => r.indicator)).toEqual(ids.slice(0, 2));
    expect(result.skipped).toEqual([...ids.slice(2), "no.such_indicator"]);
  });
});
