// Exact replay on the small demo world: every typology at both intensities, every
// hard negative, an ordinary seller and an unknown one are investigated as stored
// cases, then replayed from their recordings alone — and must come out identical.
// A recording changed or removed must make the replay say so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priorWeights, shippedWeights, weightsVersion } from "../../../agents/reasoning/weights.js";
import { replayCase } from "../../../controller/replay.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { latestVerdict } from "../../../db/repositories/runs.js";
import { hashOf, sha256Hex } from "../../../domain/canonical-json.js";
import { isAppError } from "../../../domain/errors.js";
import { TYPOLOGIES } from "../../../domain/typology.js";
import { decidingPart } from "../../../domain/verdict.js";
import type { TermWeights } from "../../../domain/weights.js";
import { submitAndDrive } from "../../../server/intake.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import type { TestDatabase } from "../../support/engines.js";

export function replaySuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`exact replay on ${engine}`, () => {
    let t: TestDatabase;
    let labels: WorldLabels;
    const decided: { label: string; caseId: string }[] = [];

    beforeAll(async () => {
      t = await open();
      await migrate(t.db);
      labels = (await seedWorld(t.db, { size: "small", seed: 42 })).labels;
      const runner = createCaseRunner(t.db, { warehouse: t.db });
      const picks = new Map<string, { type: "seller"; id: string }>();
      for (const s of labels.subjects)
        if (s.role === "primary") {
          const label = `${s.kind}${s.intensity ? `/${s.intensity}` : ""}`;
          if (!picks.has(label)) picks.set(label, { type: "seller", id: s.subject.id });
        }
      picks.set("unknown seller", { type: "seller", id: "slr_nobody" });
      for (const [label, subject] of picks) {
        const outcome = await submitAndDrive(
          runner,
          t.db,
          { subject, allegation: "Flagged for review" },
          { actor: "cli" },
        );
        decided.push({ label, caseId: outcome.case.id });
      }
    }, 240_000);
    afterAll(async () => {
      await t?.dispose();
    });

    it("covers every typology at both intensities and every hard negative", () => {
      const labelsSeen = decided.map((d) => d.label);
      for (const typology of TYPOLOGIES)
        for (const intensity of ["blatant", "subtle"])
          expect(labelsSeen).toContain(`${typology}/${intensity}`);
      for (const negative of ["viral_seller", "shared_office_ip", "review_bombed", "ordinary"])
        expect(labelsSeen).toContain(negative);
    });

    it("reproduces every verdict, its evidence and every step exactly from the recordings", async () => {
      for (const { label, caseId } of decided) {
        const report = await replayCase(t.db, caseId);
        expect(report.differences, label).toEqual([]);
        expect(report.identical, label).toBe(true);
        expect(report.storedDecisionHash).toBe(report.replayedDecisionHash);
        // The verdict hash is the API's (the whole stored verdict); the decision hash leaves out timings.
        const stored = await latestVerdict(t.db, caseId);
        expect(report.verdictHash).toBe(stored?.verdictHash);
        expect(report.verdictHash).toBe(hashOf(stored?.verdict));
        expect(report.storedDecisionHash).toBe(hashOf(decidingPart(stored!.verdict)));
        expect(report.storedDecisionHash).not.toBe(report.verdictHash);
        expect(report.chain.ok).toBe(true);
        expect(report.stepsCompared, label).toBeGreaterThan(label === "unknown seller" ? 2 : 30);
        expect(report.recordedAnswers, label).toBeGreaterThan(0);
      }
    });

    it("decides again with the weights the run was decided with, not the ones shipped now", async () => {
      const custom = priorWeights();
      custom.typologies.brushing.bias -= 1;
      custom.typologies.collusion.terms[0] = {
        ...(custom.typologies.collusion.terms[0] as TermWeights),
        tail: 1.5,
      };
      custom.version = weightsVersion(custom.typologies);
      expect(custom.version).not.toBe(shippedWeights().version);
      const runner = createCaseRunner(t.db, { warehouse: t.db, weights: custom });
      const planted = labels.subjects.find((s) => s.kind === "brushing" && s.role === "primary");
      const outcome = await submitAndDrive(
        runner,
        t.db,
        { subject: planted!.subject, allegation: "Flagged for review" },
        { actor: "cli" },
      );
      expect(outcome.verdict.weights_version).toBe(custom.version);
      const report = await replayCase(t.db, outcome.case.id);
      expect(report.differences).toEqual([]);
      expect(report.identical).toBe(true);
    });

    it("names the step that differs when a recorded answer was changed (hash recomputed to match)", async () => {
      const { caseId } = decided.find((d) => d.label === "brushing/blatant")!;
      const report = await replayCase(t.db, caseId);
      // Change one answer: the seller's profile row now says another category.
      const { rows } = await t.db.query<{ request_key: string; result: string }>(
        `SELECT request_key, result FROM casehound.recordings
          WHERE run_id = $1 AND tool = 'warehouse' AND request LIKE '%FROM risk.sellers s%' LIMIT 1`,
        [report.runId],
      );
      const original = rows[0]!;
      const forged = original.result.replace(/"kyc_status":"[a-z_]+"/, '"kyc_status":"forged"');
      expect(forged).not.toBe(original.result);
      await t.db.query(
        "UPDATE casehound.recordings SET result = $3, result_hash = $4 WHERE run_id = $1 AND request_key = $2",
        [report.runId, original.request_key, forged, sha256Hex(forged)],
      );
      const after = await replayCase(t.db, caseId);
      expect(after.identical).toBe(false);
      expect(after.differences.join("\n")).toMatch(
        /step intake:0:0:\d+: event \d+ \(sql_executed\) differs/,
      );

      // Changed without fixing the hash: refused as altered.
      await t.db.query(
        "UPDATE casehound.recordings SET result = $3 WHERE run_id = $1 AND request_key = $2",
        [report.runId, original.request_key, original.result.replace("slr_", "slX_")],
      );
      await expect(replayCase(t.db, caseId)).rejects.toThrow(/does not match its hash/);

      // Removed: the replay would have to ask the warehouse, which it never does.
      await t.db.query("DELETE FROM casehound.recordings WHERE run_id = $1 AND request_key = $2", [
        report.runId,
        original.request_key,
      ]);
      const diverged = await replayCase(t.db, caseId).catch((e: unknown) => e);
      expect(isAppError(diverged, "replay_diverged")).toBe(true);
    });
  });
}
