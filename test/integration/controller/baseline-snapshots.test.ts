// A case on the small demo world compares its seller against a baseline snapshot:
// the newest complete one at or before its as-of, never one from its future; its
// evidence and its verdict name that snapshot, and a stored case replays exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvestigator } from "../../../controller/investigate.js";
import { replayCase } from "../../../controller/replay.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { latestVerdict } from "../../../db/repositories/runs.js";
import type { Baseline } from "../../../domain/indicator.js";
import { submitAndDrive } from "../../../server/intake.js";
import {
  type BaselineSnapshotInfo,
  refreshBaselineSnapshot,
} from "../../../tools/indicators/snapshots.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

const hoursFrom = (iso: string, hours: number) =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe("a case's baseline snapshot on the small demo world", () => {
  let t: TestDatabase;
  let labels: WorldLabels;
  let past: BaselineSnapshotInfo;
  let future: BaselineSnapshotInfo;
  let seller: { type: "seller"; id: string };
  const computed: string[] = [];
  const baselines = { onCompute: (asOf: string) => computed.push(asOf) };

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    labels = (await seedWorld(t.db, { size: "small", seed: 42 })).labels;
    past = await refreshBaselineSnapshot(t.db, t.db, hoursFrom(labels.as_of, -2));
    future = await refreshBaselineSnapshot(t.db, t.db, hoursFrom(labels.as_of, 1));
    const planted = labels.subjects.find(
      (s) => s.kind === "brushing" && s.intensity === "blatant" && s.role === "primary",
    );
    seller = { type: "seller", id: planted!.subject.id };
  }, 240_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("compares against the newest snapshot before its as-of, and the evidence and verdict name it", async () => {
    const investigate = createInvestigator({ warehouse: t.db, baselines });
    const { verdict, evidence } = await investigate({
      subject: seller,
      allegation: "Flagged for review",
      asOf: labels.as_of,
    });
    expect(verdict.decision).toBe("fraud");
    expect(verdict.baseline_snapshot).toEqual({ id: past.id, as_of: past.asOf });
    const compared = evidence
      .filter((e) => e.kind === "indicator")
      .map((e) => (e.data as { baseline: Baseline | null }).baseline)
      .filter((b): b is Baseline => b !== null);
    expect(compared.length).toBeGreaterThan(10);
    for (const baseline of compared)
      expect(baseline.snapshot).toEqual({ id: past.id, as_of: past.asOf });
    expect(computed).toEqual([]);
    expect(future.asOf > labels.as_of).toBe(true);
  });

  it("with no snapshot fresh enough, computes one for the case's as-of once and names it", async () => {
    const investigate = createInvestigator({
      warehouse: t.db,
      baselines: { ...baselines, freshnessHours: 1 },
    });
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        investigate({ subject: seller, allegation: "Flagged for review", asOf: labels.as_of }),
      ),
    );
    expect(computed).toEqual([labels.as_of]);
    expect(a?.verdict.baseline_snapshot?.as_of).toBe(labels.as_of);
    expect(b?.verdict.baseline_snapshot).toEqual(a?.verdict.baseline_snapshot);
    expect(a?.verdict.baseline_snapshot?.id).not.toBe(past.id);
  });

  it("a stored case names its snapshot and replays exactly from its recordings", async () => {
    const current = await refreshBaselineSnapshot(t.db, t.db, labels.as_of);
    const runner = createCaseRunner(t.db, { warehouse: t.db });
    const outcome = await submitAndDrive(
      runner,
      t.db,
      { subject: seller, allegation: "Flagged for review" },
      { actor: "cli" },
    );
    const stored = await latestVerdict(t.db, outcome.case.id);
    // The default as-of is the world's, and the world's own snapshot is the newest before it.
    expect(stored?.verdict.baseline_snapshot).toEqual({ id: current.id, as_of: labels.as_of });
    const report = await replayCase(t.db, outcome.case.id);
    expect(report.differences).toEqual([]);
    expect(report.identical).toBe(true);
  });
});
