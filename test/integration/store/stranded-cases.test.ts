// A case the queue gave up on ends failed with the queue's reason — a queued one
// (no run) and one whose run's process died (lease expired) — while a decided case
// and one a live process holds are left as they are; the audit chain records it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { verifyAuditChain } from "../../../db/repositories/audit.js";
import { createCase, getCase } from "../../../db/repositories/cases.js";
import { claimCase } from "../../../db/repositories/runs.js";
import { failStrandedCase } from "../../../db/repositories/stranded-cases.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("failing a stranded case", () => {
  let t: TestDatabase;
  let serial = 0;
  const now = new Date("2026-12-01T00:00:00Z");
  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const stored = async () =>
    (
      await createCase(
        t.db,
        { subject: { type: "seller", id: `slr_stranded_${++serial}` }, allegation: "stranded" },
        { actor: "test" },
      )
    ).case.id;

  it("fails a case that never started, with the reason and a run_failed event", async () => {
    const id = await stored();
    expect(await failStrandedCase(t.db, id, "the queue gave up", "queue", now)).toBe("failed");
    const { rows } = await t.db.query<{ status: string; error: string }>(
      "SELECT status, error FROM casehound.cases WHERE case_id = $1",
      [id],
    );
    expect(rows[0]).toEqual({ status: "failed", error: "the queue gave up" });
    const events = await t.db.query<{ kind: string; actor: string }>(
      "SELECT kind, actor FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq",
      [id],
    );
    expect(events.rows.map((e) => e.kind)).toEqual(["case_created", "run_failed"]);
    expect(events.rows[1]?.actor).toBe("queue");
    expect((await verifyAuditChain(t.db, id)).ok).toBe(true);
    // Once settled, a second dead letter changes nothing.
    expect(await failStrandedCase(t.db, id, "again", "queue", now)).toBe("settled");
  });

  it("fails a case whose run's process died, and ends that run", async () => {
    const id = await stored();
    const claim = await claimCase(t.db, id, { owner: "dead-process", ms: 100 }, now);
    await t.db.query(
      "UPDATE casehound.runs SET lease_expires_at = now() - interval '1 minute' WHERE case_id = $1",
      [id],
    );
    expect(await failStrandedCase(t.db, id, "gave up", "queue", now)).toBe("failed");
    const run = await t.db.query<{ status: string }>(
      "SELECT status FROM casehound.runs WHERE run_id = $1",
      [claim.runId],
    );
    expect(run.rows[0]?.status).toBe("failed");
    expect((await getCase(t.db, id))?.status).toBe("failed");
  });

  it("leaves a run a live process holds", async () => {
    const id = await stored();
    await claimCase(t.db, id, { owner: "live-process", ms: 600_000 }, now);
    expect(await failStrandedCase(t.db, id, "gave up", "queue", now)).toBe("busy");
    expect((await getCase(t.db, id))?.status).toBe("running");
  });
});
