// Batches on a real engine with the small demo world: choosing flagged sellers,
// storing a batch and submitting its cases through intake (idempotent, resumable),
// rows intake refuses listed with their reason, progress and results once cases
// are decided, and cancelling (queued cases never run; running ones finish).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseRunner, createCaseRunner } from "../../../controller/run-case.js";
import { readAuditChain } from "../../../db/repositories/audit.js";
import { createCase, getCase } from "../../../db/repositories/cases.js";
import { claimCase, latestVerdictRow } from "../../../db/repositories/runs.js";
import { FlaggedSelection } from "../../../domain/batch.js";
import { AppError, isAppError } from "../../../domain/errors.js";
import { type BatchDeps, createBatch } from "../../../server/batch/create.js";
import { flagAllegation } from "../../../server/batch/flags.js";
import { allBatchResults, summarize } from "../../../server/batch/results.js";
import { cancelBatch, getBatchView } from "../../../server/batch/view.js";
import type { IntakeDeps } from "../../../server/intake.js";
import { prepareWorld } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";

const select = (fields: Record<string, unknown>) => FlaggedSelection.parse(fields);

export function batchesSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`batches on ${engine}`, () => {
    let t: TestDatabase;
    let runner: CaseRunner;
    let deps: BatchDeps;
    let asOf: string;
    const now = () => new Date();

    beforeAll(async () => {
      t = await open();
      asOf = (await prepareWorld(t.db)).as_of;
      runner = createCaseRunner(t.db, { warehouse: t.db });
      const intake: IntakeDeps = { db: t.db, admit: (r) => runner.admit(r), now };
      deps = { intake, warehouse: t.db };
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const flagged = async (where = "", params: unknown[] = []) =>
      (
        await t.db.query<{ entity_id: string; score: number }>(
          `SELECT entity_id, max(score)::float8 AS score FROM risk.flags
            WHERE entity_type = 'seller' ${where} GROUP BY entity_id ORDER BY max(score) DESC, entity_id`,
          params,
        )
      ).rows;

    it("chooses flagged sellers strongest flag first, each alleged from its flags", async () => {
      const all = await flagged();
      expect(all.length).toBeGreaterThan(5);
      const { batch } = await createBatch(
        deps,
        { kind: "flagged", selection: select({ limit: 4 }) },
        { actor: "test" },
      );
      expect(batch.total).toBe(4);
      expect(batch.origin).toMatchObject({ kind: "flagged", limit: 4 });
      const rows = [];
      for await (const row of allBatchResults(t.db, batch.id)) rows.push(row);
      expect(rows.map((r) => r.subject)).toEqual(
        all.slice(0, 4).map((f) => `seller:${f.entity_id}`),
      );
      const first = await getCase(t.db, rows[0]?.caseId as string);
      expect(first).toMatchObject({ source: "batch", status: "queued" });
      expect(first?.allegation).toMatch(/^re-review: flagged by \S+ \(score 0\.\d\d\): \S/);
      // Its own audit chain, started like any case's, keyed to the batch row.
      const chain = await readAuditChain(t.db, first?.id as string);
      expect(chain[0]).toMatchObject({ kind: "case_created", actor: "test" });
      expect(chain[0]?.payload.idempotency_key).toBe(`batch:${batch.id}:1`);
      const view = await getBatchView(t.db, batch.id, now());
      expect(view.progress).toMatchObject({ total: 4, done: 0, finished: false });
      expect(view.progress.counts.queued).toBe(4);
    });

    it("filters by flag source, minimum score, window and category", async () => {
      const [{ source } = { source: "" }] = (
        await t.db.query<{ source: string }>(
          "SELECT source FROM risk.flags WHERE entity_type = 'seller' GROUP BY source ORDER BY count(*) DESC, source LIMIT 1",
        )
      ).rows;
      const bySource = await flagged("AND source = $1", [source]);
      const { batch } = await createBatch(
        deps,
        { kind: "flagged", selection: select({ flagSource: source, limit: 500 }) },
        { actor: "test" },
      );
      expect(batch.total).toBe(bySource.length);
      const strong = await flagged("AND score >= 0.9");
      const high = await createBatch(
        deps,
        { kind: "flagged", selection: select({ minScore: 0.9, limit: 500 }) },
        { actor: "test" },
      );
      expect(high.batch.total).toBe(strong.length);
      const until = new Date(Date.parse(asOf) - 7 * 86_400_000).toISOString();
      const old = await flagged("AND created_at < $1", [until]);
      const window = await createBatch(
        deps,
        { kind: "flagged", selection: select({ until, limit: 500 }) },
        { actor: "test" },
      );
      expect(window.batch.total).toBe(old.length);
      await expect(
        createBatch(
          deps,
          { kind: "flagged", selection: select({ category: "no-such-category" }) },
          { actor: "test" },
        ),
      ).rejects.toThrow(/no flagged seller matches the selection/);
    });

    it("leaves out sellers reviewed since the given instant", async () => {
      const [top] = await flagged();
      const seller = top?.entity_id as string;
      const { case: reviewed } = await createCase(
        t.db,
        { subject: { type: "seller", id: seller }, allegation: "earlier look" },
        { actor: "test" },
      );
      await t.db.query(
        `INSERT INTO casehound.reviews (review_id, case_id, verdict_hash, reviewer, outcome, reason, created_at)
         VALUES ('rv-batch', $1, 'h', 'ana', 'approved', 'looked', now())`,
        [reviewed.id],
      );
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const { batch } = await createBatch(
        deps,
        { kind: "flagged", selection: select({ limit: 3, notReviewedSince: since }) },
        { actor: "test" },
      );
      const subjects = [];
      for await (const row of allBatchResults(t.db, batch.id)) subjects.push(row.subject);
      expect(subjects).not.toContain(`seller:${seller}`);
      expect(subjects).toHaveLength(3);
    });

    it("is idempotent on its key: the same batch and cases; another request with it is a conflict", async () => {
      const request = { kind: "flagged" as const, selection: select({ limit: 2 }) };
      const first = await createBatch(deps, request, { actor: "test", idempotencyKey: "k:1" });
      const again = await createBatch(deps, request, { actor: "test", idempotencyKey: "k:1" });
      expect(again).toMatchObject({ replayed: true, submitted: 0 });
      expect(again.batch.id).toBe(first.batch.id);
      const cases = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM casehound.batch_cases WHERE batch_id = $1",
        [first.batch.id],
      );
      expect(cases.rows[0]?.n).toBe(2);
      await expect(
        createBatch(
          deps,
          { kind: "flagged", selection: select({ limit: 3 }) },
          { actor: "test", idempotencyKey: "k:1" },
        ),
      ).rejects.toSatisfy((e) => isAppError(e, "conflict"));
    });

    it("a create interrupted mid-way is finished by its retry without doubling a case", async () => {
      const rows = (await flagged()).slice(0, 4).map((f) => ({
        subject: { type: "seller" as const, id: f.entity_id },
      }));
      let admitted = 0;
      const failing: BatchDeps = {
        ...deps,
        intake: {
          ...deps.intake,
          admit: async () => {
            if (++admitted === 3) throw new AppError("unavailable", "the store went away");
          },
        },
      };
      const request = { kind: "subjects" as const, rows };
      await expect(
        createBatch(failing, request, { actor: "test", idempotencyKey: "k:resume" }),
      ).rejects.toThrow(/the store went away/);
      const retry = await createBatch(deps, request, { actor: "test", idempotencyKey: "k:resume" });
      expect(retry).toMatchObject({ replayed: true, submitted: 2, rejected: 0 });
      const ids = await t.db.query<{ case_id: string }>(
        "SELECT case_id FROM casehound.batch_cases WHERE batch_id = $1 ORDER BY position",
        [retry.batch.id],
      );
      expect(new Set(ids.rows.map((r) => r.case_id)).size).toBe(4);
      const keyed = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM casehound.cases WHERE idempotency_key LIKE $1",
        [`batch:${retry.batch.id}:%`],
      );
      expect(keyed.rows[0]?.n).toBe(4);
    });

    it("a cancel that lands while rows are submitted leaves no case of the batch queued", async () => {
      const rows = (await flagged()).slice(0, 4).map((f) => ({
        subject: { type: "seller" as const, id: f.entity_id },
      }));
      let admitted = 0;
      let batchId = "";
      const racing: BatchDeps = {
        ...deps,
        intake: {
          ...deps.intake,
          admit: async (request) => {
            // The second row's admission finds the batch just cancelled by someone else.
            if (++admitted === 2) {
              const [row] = (
                await t.db.query<{ batch_id: string }>(
                  "SELECT batch_id FROM casehound.batches WHERE idempotency_key = 'k:race'",
                )
              ).rows;
              batchId = row?.batch_id as string;
              await cancelBatch(t.db, batchId, "analyst:bo", now());
            }
            await runner.admit(request);
          },
        },
      };
      const created = await createBatch(
        racing,
        { kind: "subjects", rows },
        { actor: "test", idempotencyKey: "k:race" },
      );
      expect(created.batch.id).toBe(batchId);
      const states = await t.db.query<{ status: string | null; error: string | null }>(
        `SELECT c.status, bc.error FROM casehound.batch_cases bc
           LEFT JOIN casehound.cases c ON c.case_id = bc.case_id
          WHERE bc.batch_id = $1 ORDER BY bc.position`,
        [batchId],
      );
      expect(states.rows.map((r) => r.status)).not.toContain("queued");
      expect(states.rows[0]?.status).toBe("cancelled");
      expect(states.rows[1]?.status).toBe("cancelled"); // submitted after the cancel, cancelled at once
      const chain = await readAuditChain(
        t.db,
        (
          await t.db.query<{ case_id: string }>(
            "SELECT case_id FROM casehound.batch_cases WHERE batch_id = $1 AND position = 2",
            [batchId],
          )
        ).rows[0]?.case_id as string,
      );
      expect(chain.at(-1)).toMatchObject({ kind: "case_cancelled", actor: "analyst:bo" });
    });

    it("lists a row intake refuses with its reason, decides the rest, and summarises", async () => {
      const [a, b] = await flagged();
      const { batch, rejected } = await createBatch(
        deps,
        {
          kind: "subjects",
          rows: [
            { subject: { type: "seller", id: a?.entity_id as string } },
            {
              subject: { type: "seller", id: b?.entity_id as string },
              asOf: "1999-01-01T00:00:00Z",
            },
            { subject: { type: "seller", id: "slr_nobody" }, allegation: "a seller nobody knows" },
          ],
        },
        { actor: "test" },
      );
      expect(rejected).toBe(1);
      const results = [];
      for await (const row of allBatchResults(t.db, batch.id)) results.push(row);
      for (const row of results) if (row.caseId) await runner.drive(row.caseId);
      const done = [];
      for await (const row of allBatchResults(t.db, batch.id)) done.push(row);
      expect(done.map((r) => r.state)).toEqual(["decided", "rejected", "decided"]);
      expect(done[1]?.reason).toMatch(/as-of|warehouse/i);
      expect(done[1]?.caseId).toBeNull();
      const first = done[0];
      expect(first?.decision).toMatch(/fraud|suspicious|not_fraud|insufficient_evidence/);
      expect(first?.verdictHash).toBe(
        (await latestVerdictRow(t.db, first?.caseId as string))?.verdict_hash,
      );
      expect(typeof first?.riskScore).toBe("number");
      expect(typeof first?.needsReview).toBe("boolean");
      expect(first?.cluster).toBeNull();
      const allegation = (await getCase(t.db, first?.caseId as string))?.allegation;
      expect(allegation).toMatch(/^re-review: flagged by /);
      expect(done[2]?.decision).toBe("insufficient_evidence");
      const view = await getBatchView(t.db, batch.id, now());
      expect(view.progress).toMatchObject({ finished: true, done: 3, etaSeconds: 0 });
      expect(view.progress.casesPerSecond).toBeGreaterThan(0);
      const summary = summarize(done);
      expect(Object.values(summary.byDecision).reduce((x, y) => x + y, 0)).toBe(2);
      expect(summary.failed).toEqual([
        expect.objectContaining({ subject: `seller:${b?.entity_id}`, state: "rejected" }),
      ]);
      expect(summary.topByRisk[0]?.riskScore).toBeGreaterThanOrEqual(
        summary.topByRisk[1]?.riskScore ?? 0,
      );
    });

    it("cancelling leaves queued cases cancelled and never run; a running case finishes", async () => {
      const { batch } = await createBatch(
        deps,
        { kind: "flagged", selection: select({ limit: 3, minScore: 0.5 }) },
        { actor: "test" },
      );
      const rows = [];
      for await (const row of allBatchResults(t.db, batch.id)) rows.push(row);
      const running = rows[0]?.caseId as string;
      await claimCase(t.db, running, { owner: "someone", ms: 60_000 }, new Date());
      const { view, cancelledCases } = await cancelBatch(t.db, batch.id, "analyst:ana", now());
      expect(cancelledCases).toBe(2);
      expect(view.cancelledAt).not.toBeNull();
      expect(view.progress.counts).toMatchObject({ cancelled: 2, running: 1 });
      const queuedOne = rows[1]?.caseId as string;
      expect((await getCase(t.db, queuedOne))?.status).toBe("cancelled");
      const chain = await readAuditChain(t.db, queuedOne);
      expect(chain.at(-1)).toMatchObject({ kind: "case_cancelled", actor: "analyst:ana" });
      await expect(runner.drive(queuedOne)).rejects.toThrow(/cancelled with its batch/);
      const runs = await t.db.query("SELECT 1 FROM casehound.runs WHERE case_id = $1", [queuedOne]);
      expect(runs.rows).toHaveLength(0);
      expect((await getCase(t.db, running))?.status).toBe("running");
      // Cancelling again changes nothing; a retried create submits nothing more.
      expect((await cancelBatch(t.db, batch.id, "analyst:ana", now())).cancelledCases).toBe(0);
    });

    it("builds an allegation from at most three flags, strongest first", () => {
      const flags = [0.91, 0.5, 0.42, 0.3].map((score, i) => ({
        sellerId: "s",
        source: `src${i}`,
        score,
        reason: `reason ${i}`,
      }));
      expect(flagAllegation(flags)).toBe(
        "re-review: flagged by src0 (score 0.91): reason 0; flagged by src1 (score 0.50): reason 1; flagged by src2 (score 0.42): reason 2 (+1 more flags)",
      );
    });
  });
}
