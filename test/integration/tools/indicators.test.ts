import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import {
  createBaselineCache,
  percentileRank,
  percentiles,
} from "../../../tools/indicators/baselines.js";
import { INDICATORS } from "../../../tools/indicators/catalog/index.js";
import { readIndicator } from "../../../tools/indicators/read.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("the indicator catalogue", () => {
  it("has at least 20 uniquely named, read-only indicators covering every typology and the context", () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    const topics = new Set(INDICATORS.flatMap((i) => i.topics));
    for (const topic of [
      "context",
      "brushing",
      "collusion",
      "account_takeover",
      "incentive_abuse",
      "click_farm",
    ])
      expect(topics.has(topic as never), topic).toBe(true);
    for (const i of INDICATORS) {
      for (const sql of [i.valueSql, i.sampleSql ?? "SELECT 1"]) {
        expect(sql.trimStart(), i.id).toMatch(/^(WITH|SELECT)\b/);
        expect(sql, i.id).not.toMatch(/\b(INSERT|UPDATE|DELETE|DROP|ALTER|TRUNCATE|GRANT|COPY)\b/i);
      }
    }
  });

  it("summarises distributions as percentiles and ranks values within them", () => {
    const q = percentiles([0, 0, 0, 0, 1, 2, 3, 4, 5, 10]);
    expect(q).toHaveLength(101);
    expect(q[0]).toBe(0);
    expect(q[100]).toBe(10);
    expect(percentileRank(q, 100)).toBe(1);
    expect(percentileRank(q, -1)).toBe(0);
  });

  describe("on the small demo world", () => {
    let t: TestDatabase;
    let labels: WorldLabels;
    beforeAll(async () => {
      t = await pgliteInMemory();
      await migrate(t.db);
      labels = (await seedWorld(t.db, { size: "small", seed: 5 })).labels;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("reads every indicator for one seller with a baseline and evidence that records the query", async () => {
      const planted = labels.subjects.find(
        (s) => s.kind === "click_farm" && s.intensity === "blatant",
      )!;
      const { rows } = await t.db.query<{ category: string }>(
        "SELECT category FROM risk.sellers WHERE seller_id = $1",
        [planted.subject.id],
      );
      const ctx = {
        warehouse: t.db,
        baselines: createBaselineCache(t.db, t.db, labels.as_of),
        asOf: labels.as_of,
        now: () => "2026-11-24T00:00:00.000Z",
      };
      for (const definition of INDICATORS) {
        const result = await readIndicator(ctx, definition, {
          id: planted.subject.id,
          category: rows[0]!.category,
        });
        expect(result.reading.indicator).toBe(definition.id);
        expect(result.evidence.source).toEqual({
          locator: definition.valueSql,
          params: [[planted.subject.id], labels.as_of],
          via: definition.id,
        });
        expect((result.evidence.data as { value: unknown }).value).toBe(result.reading.value);
        if (result.reading.value !== null && definition.id.startsWith("context."))
          expect(result.reading.baseline, definition.id).not.toBeNull();
        const sample = (result.evidence.data as { sample: unknown[] }).sample;
        expect(sample.length).toBeLessThanOrEqual(10);
      }
      const { rows: stored } = await t.db.query<{ n: number; snapshots: number }>(
        "SELECT count(DISTINCT indicator) AS n, count(DISTINCT snapshot_id) AS snapshots FROM casehound.indicator_baselines WHERE as_of = $1",
        [labels.as_of],
      );
      expect(stored[0]?.n).toBe(INDICATORS.length);
      expect(stored[0]?.snapshots).toBe(1);
    });

    it("shows the rows behind a value that stands out", async () => {
      const planted = labels.subjects.find(
        (s) => s.kind === "click_farm" && s.intensity === "blatant",
      )!;
      const ctx = {
        warehouse: t.db,
        baselines: createBaselineCache(t.db, t.db, labels.as_of),
        asOf: labels.as_of,
        now: () => "2026-11-24T00:00:00.000Z",
      };
      const perIp = INDICATORS.find((i) => i.id === "click_farm.clicks_per_ip")!;
      const { rows } = await t.db.query<{ category: string }>(
        "SELECT category FROM risk.sellers WHERE seller_id = $1",
        [planted.subject.id],
      );
      const result = await readIndicator(ctx, perIp, {
        id: planted.subject.id,
        category: rows[0]!.category,
      });
      expect(result.reading.percentile).toBeGreaterThan(0.95);
      const sample = (result.evidence.data as { sample: { ip: string; clicks: number }[] }).sample;
      expect(sample.length).toBeGreaterThan(0);
      expect(sample[0]!.clicks).toBeGreaterThan(50);
      expect(result.queries).toBe(2);
    });
  });
});
