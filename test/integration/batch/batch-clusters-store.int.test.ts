// The clusters of a batch are stored once even when several processes finish it at
// the same instant: on server PostgreSQL, separate connections race the
// conditional store, and exactly one of them stores the clusters and appends the
// re-review rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { openPostgres } from "../../../db/postgres.js";
import { readBatchClusters, storeBatchClusters } from "../../../db/repositories/batch-clusters.js";
import { insertBatch } from "../../../db/repositories/batches.js";
import { createCase } from "../../../db/repositories/cases.js";
import type { Database } from "../../../db/types.js";
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from "../../support/engines.js";

const suite = TEST_DATABASE_URL ? describe : describe.skip;

suite("storing a batch's clusters on server PostgreSQL", () => {
  let t: TestDatabase;
  const others: Database[] = [];
  beforeAll(async () => {
    t = await freshPostgres();
    await migrate(t.db);
    for (let i = 0; i < 4; i++) others.push(await openPostgres(t.url as string));
  });
  afterAll(async () => {
    for (const db of others) await db.close();
    await t?.dispose();
  });

  it("four connections finishing one batch at once store its clusters and re-reviews once", async () => {
    const rows = ["slr_a", "slr_b", "slr_c"].map((id) => ({
      subject: { type: "seller" as const, id },
      allegation: "spot check",
    }));
    const { batch } = await insertBatch(
      t.db,
      { fingerprint: "f", origin: { kind: "subjects" }, createdBy: "test", rows },
      new Date(),
    );
    const { case: original } = await createCase(t.db, rows[1] as (typeof rows)[number], {
      actor: "test",
    });
    const cluster = {
      id: "ring_0123456789abcdef",
      members: ["slr_a", "slr_b"],
      bindings: [
        {
          kind: "device",
          value: "dev_1",
          degree: 2,
          weight: 0.63,
          holders: [
            { sellerId: "slr_a", roles: ["login"] },
            { sellerId: "slr_b", roles: ["login"] },
          ],
        },
      ],
      strength: 0.63,
      inconsistent: true,
      reason: "contradicting",
      reinvestigate: ["slr_b"],
    };
    const result = {
      asOf: "2026-01-01T00:00:00.000Z",
      clusters: [cluster],
      reviews: [
        {
          sellerId: "slr_b",
          allegation: "spot check\n\nRing context: …",
          reviewOf: original.id,
          clusterId: cluster.id,
        },
      ],
    };
    const stored = await Promise.all(
      others.map((db) => storeBatchClusters(db, batch.id, result, new Date())),
    );
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(await readBatchClusters(t.db, batch.id)).toEqual([cluster]);
    const reviewRows = await t.db.query<{ position: number; review_of: string }>(
      "SELECT position, review_of FROM casehound.batch_cases WHERE batch_id = $1 AND review_of IS NOT NULL",
      [batch.id],
    );
    expect(reviewRows.rows).toEqual([{ position: 4, review_of: original.id }]);
    const total = await t.db.query<{ total: number }>(
      "SELECT total FROM casehound.batches WHERE batch_id = $1",
      [batch.id],
    );
    expect(total.rows[0]?.total).toBe(4);
  });
});
