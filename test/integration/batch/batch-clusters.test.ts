// A finished batch on the small demo world (embedded PGlite): its sellers are
// grouped into ring clusters once — the planted collusion ring in one cluster, the
// ordinary sellers in none — and a cluster whose decisions contradict each other
// has the members it names investigated again, exactly once, as re-review rows of
// the same batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseRunner, createCaseRunner } from "../../../controller/run-case.js";
import { getCase } from "../../../db/repositories/cases.js";
import { isAppError } from "../../../domain/errors.js";
import { type BatchDeps, createBatch } from "../../../server/batch/create.js";
import { finishBatch } from "../../../server/batch/finish.js";
import { allBatchResults, batchSummary } from "../../../server/batch/results.js";
import { getBatchView } from "../../../server/batch/view.js";
import type { IntakeDeps } from "../../../server/intake.js";
import type { WorldLabels } from "../../../world/labels.js";
import { prepareWorld } from "../../support/api.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("ring clusters of a finished batch on PGlite", () => {
  let t: TestDatabase;
  let runner: CaseRunner;
  let deps: BatchDeps;
  let labels: WorldLabels;
  const now = () => new Date();

  beforeAll(async () => {
    t = await pgliteInMemory();
    labels = await prepareWorld(t.db);
    runner = createCaseRunner(t.db, { warehouse: t.db });
    const intake: IntakeDeps = { db: t.db, admit: (r) => runner.admit(r), now };
    deps = { intake, warehouse: t.db };
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const rows = async (batchId: string) => {
    const all = [];
    for await (const row of allBatchResults(t.db, batchId)) all.push(row);
    return all;
  };
  const driveAll = async (batchId: string) => {
    for (const row of await rows(batchId))
      if (row.caseId && row.state === "queued") await runner.drive(row.caseId);
  };

  it("clusters the ring alone, re-investigates a contradicted member once, and stores once", async () => {
    const primary = labels.subjects.find(
      (s) => s.kind === "collusion" && s.role === "primary" && s.intensity === "blatant",
    );
    expect(primary).toBeDefined();
    // Its partners are listed right after it (world/labels.ts).
    const at = labels.subjects.indexOf(primary as (typeof labels.subjects)[number]);
    const ring = [primary?.subject.id as string];
    for (const s of labels.subjects.slice(at + 1)) {
      if (s.role !== "ring_member") break;
      ring.push(s.subject.id);
    }
    ring.sort();
    expect(ring).toHaveLength(3);
    const ordinary = labels.subjects
      .filter((s) => s.kind === "ordinary")
      .slice(0, 2)
      .map((s) => s.subject.id);
    expect(ordinary).toHaveLength(2);
    const subjects = [...ring, ...ordinary].map((id) => ({
      subject: { type: "seller" as const, id },
    }));
    const { batch } = await createBatch(
      deps,
      { kind: "subjects", rows: subjects },
      { actor: "test" },
    );

    // Unfinished: nothing is stored.
    const early = await finishBatch(deps, batch.id);
    expect(early).toMatchObject({ finished: false, stored: false, submitted: 0 });
    expect((await getBatchView(t.db, batch.id, now())).clusters).toBeNull();

    await driveAll(batch.id);
    const decided = await rows(batch.id);
    expect(decided.every((r) => r.state === "decided")).toBe(true);
    // Force the contradiction the re-review is for: the ring's first partner cleared.
    const cleared = ring.find((id) => id !== primary?.subject.id) as string;
    const fraud = ring.filter((id) => id !== cleared);
    for (const row of decided) {
      const id = row.subject.replace("seller:", "");
      if (!ring.includes(id)) continue;
      await t.db.query(
        `UPDATE casehound.verdicts SET verdict = jsonb_set(verdict, '{decision}', to_jsonb($2::text))
          WHERE case_id = $1`,
        [row.caseId, id === cleared ? "not_fraud" : "fraud"],
      );
    }

    // Two finishes at once: one stores, the other finds it stored.
    const [a, b] = await Promise.all([finishBatch(deps, batch.id), finishBatch(deps, batch.id)]);
    expect([a.stored, b.stored].sort()).toEqual([false, true]);
    const stored = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM casehound.batch_clusters WHERE batch_id = $1",
      [batch.id],
    );
    expect(stored.rows[0]?.n).toBe(1);
    const [cluster] = a.clusters;
    expect(a.clusters).toHaveLength(1);
    expect(cluster?.members).toEqual(ring);
    expect(cluster?.inconsistent).toBe(true);
    expect(cluster?.reinvestigate).toEqual([cleared]);
    expect(cluster?.bindings.length).toBeGreaterThan(0);

    // One re-review row, submitted once, marked with the case it re-reviews.
    const after = await rows(batch.id);
    const reviews = after.filter((r) => r.reviewOf !== null);
    expect(reviews).toHaveLength(1);
    const review = reviews[0];
    const original = after.find((r) => r.subject === `seller:${cleared}` && r.reviewOf === null);
    expect(review).toMatchObject({
      position: 6,
      subject: `seller:${cleared}`,
      reviewOf: original?.caseId,
      cluster: cluster?.id,
      state: "queued",
    });
    const reviewCase = await getCase(t.db, review?.caseId as string);
    expect(reviewCase?.source).toBe("batch");
    expect(
      reviewCase?.allegation.startsWith(
        `${original?.caseId ? (await getCase(t.db, original.caseId))?.allegation : ""}\n\nRing context:`,
      ),
    ).toBe(true);
    expect(reviewCase?.allegation).toContain(`cluster ${cluster?.id}`);
    for (const partner of fraud) expect(reviewCase?.allegation).toContain(`${partner}: fraud`);
    expect(reviewCase?.allegation.length).toBeLessThanOrEqual(4000);
    // Ring members name their cluster; ordinary sellers none.
    for (const row of after)
      expect(row.cluster, row.subject).toBe(
        ring.includes(row.subject.replace("seller:", "")) ? cluster?.id : null,
      );
    const view = await getBatchView(t.db, batch.id, now());
    expect(view.total).toBe(6);
    expect(view.progress.finished).toBe(false);

    // The re-review decides; finishing again stores nothing and sends nobody back.
    await driveAll(batch.id);
    const again = await finishBatch(deps, batch.id);
    expect(again).toMatchObject({ finished: true, stored: false, submitted: 0 });
    const final = await rows(batch.id);
    expect(final).toHaveLength(6);
    const keyed = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM casehound.cases WHERE idempotency_key LIKE $1",
      [`batch:${batch.id}:%`],
    );
    expect(keyed.rows[0]?.n).toBe(6);

    const summary = await batchSummary(t.db, batch.id);
    expect(summary.clusters).toHaveLength(1);
    const s = summary.clusters?.[0];
    expect(s?.reinvestigations).toEqual([
      expect.objectContaining({
        subject: `seller:${cleared}`,
        reviewOf: original?.caseId,
        originalDecision: "not_fraud",
        state: "decided",
        decision: final[5]?.decision,
      }),
    ]);
    // The latest decision of the cleared member is its re-review's.
    expect(s?.decisions[cleared]).toBe(final[5]?.decision);
    expect(s?.inconsistentNow).toBe(final[5]?.decision === "not_fraud");
  }, 240_000);

  it("stores nothing when the warehouse it is given holds none of the decided sellers", async () => {
    const sellers = labels.subjects.filter((s) => s.kind === "ordinary").slice(2, 4);
    const { batch } = await createBatch(
      deps,
      { kind: "subjects", rows: sellers.map((s) => ({ subject: s.subject })) },
      { actor: "test" },
    );
    await driveAll(batch.id);
    const empty = { query: async () => ({ rows: [] }), exec: async () => {} } as never;
    await expect(finishBatch({ ...deps, warehouse: empty }, batch.id)).rejects.toSatisfy((e) =>
      isAppError(e, "unavailable"),
    );
    expect((await getBatchView(t.db, batch.id, now())).clusters).toBeNull();
    const real = await finishBatch(deps, batch.id);
    expect(real).toMatchObject({ finished: true, stored: true, clusters: [], submitted: 0 });
    expect((await getBatchView(t.db, batch.id, now())).clusters).toEqual([]);
  }, 120_000);
});
