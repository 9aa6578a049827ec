// The console's store on a real engine: sessions found only by the hash of their id
// and only while live; assignment of the next unassigned case, exclusive and audited;
// the queue's filters, sort, counts and pages.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { createApiKey, revokeApiKey } from "../../../db/repositories/api-keys.js";
import { readAuditChain } from "../../../db/repositories/audit.js";
import {
  assignCase,
  assigneeOf,
  assignNextCase,
} from "../../../db/repositories/case-assignments.js";
import { createCase } from "../../../db/repositories/cases.js";
import { readQueue } from "../../../db/repositories/console-queue.js";
import { endSession, findSession, openSession } from "../../../db/repositories/console-sessions.js";
import type { Database } from "../../../db/types.js";
import { verifyChain } from "../../../domain/audit.js";
import type { TestDatabase } from "../../support/engines.js";

const T0 = new Date("2026-11-02T10:00:00Z");
const HOUR = 3_600_000;

/** A case with a stored verdict headline (as a run leaves it): decision, risk, needs review. */
async function decided(
  db: Database,
  id: string,
  verdict: { decision: string; risk_score: number; needs_human_review: boolean; typology: string },
  createdAt: Date,
): Promise<string> {
  const { case: stored } = await createCase(
    db,
    { subject: { type: "seller", id }, allegation: `about ${id}` },
    { actor: "test", now: () => createdAt },
  );
  const runId = `run_${id}`;
  await db.query(
    `INSERT INTO casehound.runs (run_id, case_id, attempt, status, started_at, ended_at)
     VALUES ($1, $2, 1, 'decided', $3, $3)`,
    [runId, stored.id, createdAt.toISOString()],
  );
  await db.query(
    `INSERT INTO casehound.verdicts (run_id, case_id, verdict, verdict_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [
      runId,
      stored.id,
      {
        ...verdict,
        typologies: [{ typology: verdict.typology, confidence: verdict.risk_score }],
      },
      "0".repeat(64),
      createdAt.toISOString(),
    ],
  );
  await db.query("UPDATE casehound.cases SET status = 'decided' WHERE case_id = $1", [stored.id]);
  return stored.id;
}

export function consoleStoreSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the console's store on ${engine}`, () => {
    let t: TestDatabase;
    let ana: { keyId: string; name: string };
    let bo: { keyId: string; name: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await open();
      await migrate(t.db);
      const key = async (name: string) =>
        (await createApiKey(t.db, { name, role: "analyst", createdBy: "test" }, T0)).key;
      const a = await key("ana");
      const b = await key("bo");
      ana = { keyId: a.keyId, name: "ana" };
      bo = { keyId: b.keyId, name: "bo" };
      ids.risky = await decided(
        t.db,
        "slr_risky",
        { decision: "fraud", risk_score: 0.97, needs_human_review: false, typology: "brushing" },
        new Date(T0.getTime() - 3 * HOUR),
      );
      ids.unsure = await decided(
        t.db,
        "slr_unsure",
        {
          decision: "suspicious",
          risk_score: 0.6,
          needs_human_review: true,
          typology: "collusion",
        },
        new Date(T0.getTime() - 2 * HOUR),
      );
      ids.clean = await decided(
        t.db,
        "slr_clean",
        {
          decision: "not_fraud",
          risk_score: 0.02,
          needs_human_review: false,
          typology: "brushing",
        },
        new Date(T0.getTime() - HOUR),
      );
      ids.waiting = (
        await createCase(
          t.db,
          { subject: { type: "seller", id: "slr_waiting" }, allegation: "queued" },
          { actor: "test", now: () => T0 },
        )
      ).case.id;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("finds a session by its id only while it lives, and stores only the id's hash", async () => {
      const opened = await openSession(
        t.db,
        { keyId: ana.keyId, name: "ana", role: "analyst" },
        T0,
        HOUR,
      );
      const stored = await t.db.query<{ session_hash: string }>(
        "SELECT session_hash FROM casehound.console_sessions",
      );
      expect(stored.rows.map((r) => r.session_hash)).toEqual([
        createHash("sha256").update(opened.id).digest("hex"),
      ]);
      expect(stored.rows[0]?.session_hash).not.toContain(opened.id);
      expect(await findSession(t.db, opened.id, T0)).toMatchObject({
        keyId: ana.keyId,
        role: "analyst",
        csrfToken: opened.session.csrfToken,
      });
      expect(await findSession(t.db, `${opened.id}x`, T0)).toBeNull();
      expect(await findSession(t.db, opened.id, new Date(T0.getTime() + HOUR + 1))).toBeNull();
      await endSession(t.db, opened.id, T0);
      expect(await findSession(t.db, opened.id, T0)).toBeNull();
    });

    it("prunes sessions that ended or expired over a week before a new sign-in", async () => {
      const old = await openSession(
        t.db,
        { keyId: ana.keyId, name: "ana", role: "analyst" },
        T0,
        HOUR,
      );
      const count = async () =>
        Number(
          (
            await t.db.query<{ n: number | string }>(
              "SELECT count(*) AS n FROM casehound.console_sessions",
            )
          ).rows[0]?.n,
        );
      const before = await count();
      await openSession(
        t.db,
        { keyId: ana.keyId, name: "ana", role: "analyst" },
        new Date(T0.getTime() + 3 * HOUR),
        HOUR,
      );
      expect(await count()).toBe(before + 1);
      const later = new Date(T0.getTime() + 8 * 24 * HOUR);
      await openSession(t.db, { keyId: ana.keyId, name: "ana", role: "analyst" }, later, HOUR);
      expect(await findSession(t.db, old.id, T0)).toBeNull();
      expect(await count()).toBe(1);
    });

    it("ends every session of a revoked key", async () => {
      const key = (await createApiKey(t.db, { name: "temp", role: "admin", createdBy: "test" }, T0))
        .key;
      await createApiKey(t.db, { name: "keeper", role: "admin", createdBy: "test" }, T0);
      const opened = await openSession(t.db, key, T0, HOUR);
      expect(await findSession(t.db, opened.id, T0)).not.toBeNull();
      await revokeApiKey(t.db, key.keyId, T0);
      expect(await findSession(t.db, opened.id, T0)).toBeNull();
    });

    it("filters, sorts, counts and pages the queue", async () => {
      const all = await readQueue(t.db, {}, { sort: "risk", limit: 10, offset: 0 });
      expect(all.total).toBe(4);
      expect(all.rows.map((r) => r.subjectId)).toEqual([
        "slr_risky",
        "slr_unsure",
        "slr_clean",
        "slr_waiting",
      ]);
      expect(all.counts.byStatus).toMatchObject({ decided: 3, queued: 1 });
      expect(all.counts.needsReview).toBe(1);
      const oldest = await readQueue(t.db, {}, { sort: "oldest", limit: 2, offset: 0 });
      expect(oldest.rows.map((r) => r.subjectId)).toEqual(["slr_risky", "slr_unsure"]);
      const second = await readQueue(t.db, {}, { sort: "oldest", limit: 2, offset: 2 });
      expect(second.rows.map((r) => r.subjectId)).toEqual(["slr_clean", "slr_waiting"]);
      const fraud = await readQueue(
        t.db,
        { decision: "fraud" },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(fraud.rows.map((r) => r.subjectId)).toEqual(["slr_risky"]);
      expect(fraud.total).toBe(1);
      const review = await readQueue(
        t.db,
        { needsReview: true },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(review.rows.map((r) => r.subjectId)).toEqual(["slr_unsure"]);
      const typed = await readQueue(
        t.db,
        { typology: "brushing" },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(typed.rows.map((r) => r.subjectId)).toEqual(["slr_risky"]);
      const queued = await readQueue(
        t.db,
        { status: "queued", source: "analyst" },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(queued.rows.map((r) => r.subjectId)).toEqual(["slr_waiting"]);
      const day = await readQueue(
        t.db,
        { from: "2026-11-03" },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(day.total).toBe(0);
      const onDay = await readQueue(
        t.db,
        { from: "2026-11-02", to: "2026-11-02" },
        { sort: "risk", limit: 10, offset: 0 },
      );
      expect(onDay.total).toBe(4);
    });

    it("hands out the next unassigned case once: review needed first, then the riskiest; audited", async () => {
      expect(await assignNextCase(t.db, ana, T0)).toBe(ids.unsure);
      // Two analysts at once never share a case.
      const [first, second] = await Promise.all([
        assignNextCase(t.db, ana, T0),
        assignNextCase(t.db, bo, T0),
      ]);
      expect(new Set([first, second])).toEqual(new Set([ids.risky, ids.clean]));
      expect(await assignNextCase(t.db, bo, T0)).toBeNull();
      const chain = await readAuditChain(t.db, ids.unsure as string);
      expect(chain.at(-1)).toMatchObject({ kind: "case_assigned", actor: "analyst:ana" });
      expect(verifyChain(ids.unsure as string, chain).ok).toBe(true);
      const queue = await readQueue(t.db, {}, { sort: "risk", limit: 10, offset: 0 });
      expect(queue.counts.unassignedNeedsReview).toBe(0);
    });

    it("lets an analyst take a case over, once per change of hands", async () => {
      await assignCase(t.db, ids.waiting as string, ana, T0);
      await assignCase(t.db, ids.waiting as string, ana, T0);
      await assignCase(t.db, ids.waiting as string, bo, T0);
      expect(await assigneeOf(t.db, ids.waiting as string)).toBe("bo");
      const kinds = (await readAuditChain(t.db, ids.waiting as string)).map((e) => e.kind);
      expect(kinds.filter((k) => k === "case_assigned")).toHaveLength(2);
      await expect(assignCase(t.db, "no-such-case", ana, T0)).rejects.toThrow(/no case/);
    });
  });
}
