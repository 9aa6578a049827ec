// A stored LLM-mode run replays exactly from its recordings: the model replies (and the
// failures) were recorded with the warehouse answers, so `casehound replay` needs no
// client, asks no model, and reproduces the verdict, the evidence and every step. A
// recorded reply changed afterwards makes the replay stop and say where it diverged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayCase } from "../../../controller/replay.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { sha256Hex } from "../../../domain/canonical-json.js";
import { isAppError } from "../../../domain/errors.js";
import { submitAndDrive } from "../../../server/intake.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";
import { scriptedModel } from "../../support/fake-models.js";
import { plantedSubject } from "../../support/planted.js";

describe("replay of stored LLM-mode runs", () => {
  let t: TestDatabase;
  let labels: WorldLabels;
  const stored: { label: string; caseId: string; modelCalls: number }[] = [];
  const planted = (kind: string, intensity: string | null) =>
    plantedSubject(labels, kind, intensity);

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    labels = (await seedWorld(t.db, { size: "small", seed: 42 })).labels;
    const runs = [
      { label: "every role scripted", subject: planted("brushing", "blatant"), failing: false },
      { label: "with planted steering", subject: planted("collusion", "blatant"), failing: false },
      { label: "hard negative", subject: planted("review_bombed", null), failing: false },
      { label: "reasoning model down", subject: planted("click_farm", "subtle"), failing: true },
    ];
    for (const run of runs) {
      const model = scriptedModel();
      const down = scriptedModel(20, () =>
        Object.assign(new Error("upstream exploded"), { status: 503 }),
      );
      const runner = createCaseRunner(t.db, {
        warehouse: t.db,
        models: {
          planner: model,
          sql: model,
          reasoning: run.failing ? down : model,
          reflection: model,
        },
        modelLabels: {
          planner: "openai:scripted",
          sql: "openai:scripted",
          reasoning: "openai:scripted",
          reflection: "openai:scripted",
        },
        modelSettings: { retries: 1 },
      });
      const outcome = await submitAndDrive(
        runner,
        t.db,
        {
          subject: run.subject,
          allegation: "Flagged for review: buyers look fake",
        },
        { actor: "cli" },
      );
      expect(outcome.verdict.mode).toBe("llm");
      stored.push({
        label: run.label,
        caseId: outcome.case.id,
        modelCalls: model.calls.length + down.calls.length,
      });
    }
  }, 240_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("reproduces every verdict, its evidence and every step from the recordings, asking no model", async () => {
    for (const { label, caseId, modelCalls } of stored) {
      expect(modelCalls, label).toBeGreaterThan(0);
      const report = await replayCase(t.db, caseId);
      expect(report.differences, label).toEqual([]);
      expect(report.identical, label).toBe(true);
      expect(report.chain.ok, label).toBe(true);
      const recorded = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM casehound.recordings WHERE run_id = $1 AND tool = 'model'",
        [report.runId],
      );
      const events = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM casehound.audit_events WHERE case_id = $1 AND kind = 'llm_call'",
        [caseId],
      );
      expect(recorded.rows[0]?.n, label).toBeGreaterThan(0);
      expect(recorded.rows[0]?.n, label).toBe(events.rows[0]?.n);
    }
  });

  it("the replayed run carries the stored degradation when the model had failed", async () => {
    const { caseId } = stored.find((s) => s.label === "reasoning model down")!;
    const verdict = await t.db.query<{ verdict: { degradations: { role: string }[] } }>(
      "SELECT verdict FROM casehound.verdicts WHERE case_id = $1",
      [caseId],
    );
    expect(verdict.rows[0]?.verdict.degradations.map((d) => d.role)).toContain("reasoning");
    const report = await replayCase(t.db, caseId);
    expect(report.identical).toBe(true);
  });

  it("names the difference when a recorded model reply was changed", async () => {
    const { caseId } = stored.find((s) => s.label === "every role scripted")!;
    const before = await replayCase(t.db, caseId);
    const { rows } = await t.db.query<{ request_key: string; result: string }>(
      `SELECT request_key, result FROM casehound.recordings
        WHERE run_id = $1 AND tool = 'model' AND result LIKE '%submit_judgement%' LIMIT 1`,
      [before.runId],
    );
    const original = rows[0];
    expect(original).toBeDefined();
    const forged = original!.result.replace(/"decision\\?":\\?"fraud\\?"/, (m) =>
      m.replace("fraud", "not_fraud"),
    );
    expect(forged).not.toBe(original!.result);
    await t.db.query(
      "UPDATE casehound.recordings SET result = $3, result_hash = $4 WHERE run_id = $1 AND request_key = $2",
      [before.runId, original!.request_key, forged, sha256Hex(forged)],
    );
    try {
      // The changed judgement changes what reflection is asked next, which the original
      // run never asked: the replay stops there and says so.
      const diverged = await replayCase(t.db, caseId).catch((e: unknown) => e);
      expect(isAppError(diverged, "replay_diverged")).toBe(true);
      expect((diverged as Error).message).toMatch(
        /asked model something the original run never asked/,
      );
      // Changed without fixing the hash: refused as altered.
      await t.db.query(
        "UPDATE casehound.recordings SET result = $3 WHERE run_id = $1 AND request_key = $2",
        [before.runId, original!.request_key, original!.result],
      );
      await expect(replayCase(t.db, caseId)).rejects.toThrow(/does not match its hash/);
    } finally {
      await t.db.query(
        "UPDATE casehound.recordings SET result = $3, result_hash = $4 WHERE run_id = $1 AND request_key = $2",
        [before.runId, original!.request_key, original!.result, sha256Hex(original!.result)],
      );
    }
  });
});
