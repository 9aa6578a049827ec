// The case store and the audit trail on a real engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import {
  appendAuditEvent,
  readAuditChain,
  verifyAuditChain,
} from "../../../db/repositories/audit.js";
import { createCase, getCase } from "../../../db/repositories/cases.js";
import { recordReview } from "../../../db/repositories/reviews.js";
import { claimCase, finishRun, MAX_TAKEOVERS } from "../../../db/repositories/runs.js";
import { createStoredAuditSink } from "../../../db/repositories/stored-audit-sink.js";
import type { Database } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";
import { submitAndDrive } from "../../../server/intake.js";
import type { TestDatabase } from "../../support/engines.js";

const request = {
  subject: { type: "seller" as const, id: "slr_1" },
  allegation: "fake reviews",
  typologyHints: ["brushing" as const],
};

export function storeSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the case store and audit trail on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await open();
      await migrate(t.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("creates a queued case and starts its audit chain with case_created", async () => {
      const { case: stored, created } = await createCase(t.db, request, { actor: "analyst:ana" });
      expect(created).toBe(true);
      expect(stored).toMatchObject({
        status: "queued",
        subject: request.subject,
        typologyHints: ["brushing"],
        source: "analyst",
      });
      expect(await getCase(t.db, stored.id)).toEqual(stored);
      const chain = await readAuditChain(t.db, stored.id);
      expect(chain.map((e) => e.kind)).toEqual(["case_created"]);
      expect(chain[0]?.payload).toMatchObject({
        allegation: "fake reviews",
        subject: request.subject,
      });
      expect(await verifyAuditChain(t.db, stored.id)).toMatchObject({ ok: true, events: 1 });
    });

    it("returns the same case for the same idempotency key and request, and refuses a different request under it", async () => {
      const first = await createCase(t.db, request, { actor: "svc", idempotencyKey: "key-1" });
      const again = await createCase(
        t.db,
        { ...request, allegation: "  fake reviews  " },
        { actor: "svc", idempotencyKey: "key-1" },
      );
      expect(again).toEqual({ case: first.case, created: false });
      const error = await createCase(
        t.db,
        { ...request, allegation: "something else" },
        { actor: "svc", idempotencyKey: "key-1" },
      ).catch((e: unknown) => e);
      expect(isAppError(error, "conflict")).toBe(true);
      expect((error as Error).message).toContain(first.case.id);
    });

    it("creates one case when two requests with one key race", async () => {
      const results = await Promise.all(
        [1, 2, 3].map(() => createCase(t.db, request, { actor: "svc", idempotencyKey: "race" })),
      );
      expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it("keeps one unforked chain when events are appended concurrently", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.db.transaction((tx) =>
            appendAuditEvent(tx, c.id, {
              at: new Date().toISOString(),
              actor: `agent:${i}`,
              kind: "evidence_added",
              payload: { i },
            }),
          ),
        ),
      );
      const chain = await readAuditChain(t.db, c.id);
      expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true, events: 9 });
    });

    it("writes a sink's concurrent events together, in the order recorded, each step once", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      let transactions = 0;
      const counted = Object.create(t.db, {
        transaction: {
          value: (...args: Parameters<Database["transaction"]>) => {
            transactions++;
            return t.db.transaction(...args);
          },
        },
      }) as Database;
      const sink = createStoredAuditSink(counted, c.id);
      const draft = (i: number) => ({
        at: new Date().toISOString(),
        actor: "controller",
        kind: "evidence_added" as const,
        payload: { i },
      });
      const keys = Array.from({ length: 12 }, (_, i) => `run-1:retrieve:1:0:${i % 10}`);
      const events = await Promise.all(keys.map((key, i) => sink.record(key, draft(i))));
      // Keys 10 and 11 repeat keys 0 and 1: they get the events already chained.
      expect(events[10]).toEqual(events[0]);
      expect(events[11]).toEqual(events[1]);
      const chain = await readAuditChain(t.db, c.id);
      expect(chain.slice(1).map((e) => e.payload.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(transactions).toBeLessThan(keys.length);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true, events: 11 });
      // A later record of a written step appends nothing.
      expect(await sink.record(keys[3] as string, draft(99))).toEqual(events[3]);
      expect(await sink.head()).toBe(chain.at(-1)?.hash);
    });

    it("after its first append, a sink appends each batch in one statement outside any transaction", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      let transactions = 0;
      let statements = 0;
      const counted = Object.create(t.db, {
        transaction: {
          value: (...args: Parameters<Database["transaction"]>) => {
            transactions++;
            return t.db.transaction(...args);
          },
        },
        query: {
          value: (...args: Parameters<Database["query"]>) => {
            statements++;
            return t.db.query(...args);
          },
        },
      }) as Database;
      const sink = createStoredAuditSink(counted, c.id);
      const draft = (i: number) => ({
        at: new Date().toISOString(),
        actor: "controller",
        kind: "evidence_added" as const,
        payload: { i },
      });
      await sink.record("run-1:a", draft(0));
      expect(transactions).toBe(1);
      for (let i = 1; i <= 4; i++) await sink.record(`run-1:b${i}`, draft(i));

      expect(transactions).toBe(1);
      expect(statements).toBe(4);
      const chain = await readAuditChain(t.db, c.id);
      expect(chain.slice(1).map((e) => e.payload.i)).toEqual([0, 1, 2, 3, 4]);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true, events: 6 });
    });

    it("when the chain lost the event a sink appended last (a database that crashed with commits in flight), the sink chains onto what is stored", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      const draft = (i: number) => ({
        at: new Date().toISOString(),
        actor: "controller",
        kind: "evidence_added" as const,
        payload: { i },
      });
      const sink = createStoredAuditSink(t.db, c.id);
      await sink.record("run-1:a", draft(1));
      await sink.record("run-1:b", draft(2));
      // The tail the sink knows is gone (the append-only trigger set aside to make it so).
      await t.db.exec(
        "ALTER TABLE casehound.audit_events DISABLE TRIGGER audit_events_no_update_delete",
      );
      try {
        await t.db.query("DELETE FROM casehound.audit_events WHERE case_id = $1 AND seq = 3", [
          c.id,
        ]);
      } finally {
        await t.db.exec(
          "ALTER TABLE casehound.audit_events ENABLE TRIGGER audit_events_no_update_delete",
        );
      }

      await sink.record("run-1:c", draft(3));

      expect((await readAuditChain(t.db, c.id)).map((e) => e.payload.i)).toEqual([undefined, 1, 3]);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true, events: 3 });
    });

    it("when someone else appends between a sink's appends, the sink chains onto their event and keeps their steps", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      const draft = (i: number) => ({
        at: new Date().toISOString(),
        actor: "controller",
        kind: "evidence_added" as const,
        payload: { i },
      });
      const first = createStoredAuditSink(t.db, c.id);
      await first.record("run-1:a", draft(1));
      // An analyst's event, and a process that took the run over writing step b first.
      await t.db.transaction((tx) => appendAuditEvent(tx, c.id, draft(2)));
      const other = createStoredAuditSink(t.db, c.id);
      const theirs = await other.record("run-1:b", draft(3));

      const mine = await first.record("run-1:b", draft(4));
      const next = await first.record("run-1:c", draft(5));

      expect(mine).toEqual(theirs);
      const chain = await readAuditChain(t.db, c.id);
      expect(chain.slice(1).map((e) => e.payload.i)).toEqual([1, 2, 3, 5]);
      expect(next.prev_hash).toBe(theirs.hash);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true, events: 5 });
    });

    it("appends a step's event once, however often the step runs", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      const draft = {
        at: "2026-11-24T10:00:00.000Z",
        actor: "controller",
        kind: "plan" as const,
        payload: { tasks: 3 },
      };
      const first = await t.db.transaction((tx) =>
        appendAuditEvent(tx, c.id, draft, "run-1:plan:1"),
      );
      const again = await t.db.transaction((tx) =>
        appendAuditEvent(tx, c.id, { ...draft, at: "2026-11-24T10:05:00.000Z" }, "run-1:plan:1"),
      );
      expect(again).toEqual(first);
      expect((await readAuditChain(t.db, c.id)).map((e) => e.kind)).toEqual([
        "case_created",
        "plan",
      ]);
    });

    it("runs a case to a stored verdict: decided, one verdict for the run, evidence stored, chain intact", async () => {
      const runner = createCaseRunner(t.db, { warehouse: t.db });
      const { case: stored, ...result } = await submitAndDrive(
        runner,
        t.db,
        {
          subject: { type: "seller", id: "slr_unknown" },
          allegation: "test",
        },
        { actor: "cli" },
      );
      expect(result.verdict.decision).toBe("insufficient_evidence");
      const { rows } = await t.db.query<{ status: string; verdicts: number; runs: string }>(
        `SELECT c.status, (SELECT count(*) FROM casehound.verdicts v WHERE v.case_id = c.case_id)::int AS verdicts,
                (SELECT string_agg(r.status, ',') FROM casehound.runs r WHERE r.case_id = c.case_id) AS runs
           FROM casehound.cases c WHERE c.case_id = $1`,
        [stored.id],
      );
      expect(rows[0]).toEqual({ status: "decided", verdicts: 1, runs: "decided" });
      const kinds = (await readAuditChain(t.db, stored.id)).map((e) => e.kind);
      expect(kinds[0]).toBe("case_created");
      expect(kinds.at(-1)).toBe("verdict");
      expect(await verifyAuditChain(t.db, stored.id)).toMatchObject({ ok: true });
    });

    it("keeps a case whose run fails, marked failed with the error in its audit chain", async () => {
      const broken: Database = {
        ...t.db,
        query: async () => Promise.reject(new Error("warehouse unreachable")),
      };
      const runner = createCaseRunner(t.db, { warehouse: broken });
      await expect(
        submitAndDrive(
          runner,
          t.db,
          { subject: { type: "seller", id: "slr_1" }, allegation: "test" },
          { actor: "cli" },
        ),
      ).rejects.toThrow("warehouse unreachable");
      const { rows } = await t.db.query<{ case_id: string; status: string; error: string }>(
        "SELECT case_id, status, error FROM casehound.cases WHERE error IS NOT NULL ORDER BY created_at DESC LIMIT 1",
      );
      expect(rows[0]).toMatchObject({ status: "failed", error: "warehouse unreachable" });
      const chain = await readAuditChain(t.db, rows[0]!.case_id);
      expect(chain.at(-1)).toMatchObject({
        kind: "run_failed",
        payload: { error: "warehouse unreachable" },
      });
      expect(await verifyAuditChain(t.db, rows[0]!.case_id)).toMatchObject({ ok: true });
    });

    it("lets one process at a time hold a run; an expired lease is taken over and the run finished once", async () => {
      const { case: c } = await createCase(
        t.db,
        { subject: { type: "seller", id: "slr_gone" }, allegation: "lease test" },
        { actor: "svc" },
      );
      // A process claims the case and dies without renewing its short lease.
      const dead = await claimCase(t.db, c.id, { owner: "dead-worker", ms: 60_000 }, new Date());
      expect(dead.kind).toBe("new");
      const other = createCaseRunner(t.db, { warehouse: t.db, owner: "other" });
      await expect(other.drive(c.id)).rejects.toThrow(/being investigated by dead-worker/);
      await t.db.query(
        "UPDATE casehound.runs SET lease_expires_at = now() - interval '1 second' WHERE run_id = $1",
        [dead.runId],
      );
      const { outcomes } = await other.resumeAbandoned();
      const mine = outcomes.find((o) => o.case.id === c.id);
      expect(mine).toMatchObject({ runId: dead.runId, how: "resumed" });
      // The dead process cannot come back and decide the run a second time.
      await expect(
        finishRun(
          t.db,
          {
            caseId: c.id,
            runId: dead.runId,
            owner: "dead-worker",
            verdict: mine!.verdict,
            evidence: [],
          },
          new Date(),
        ),
      ).rejects.toThrow(/no longer held/);
      const { rows } = await t.db.query<{ verdicts: number; runs: number }>(
        `SELECT (SELECT count(*) FROM casehound.verdicts WHERE case_id = $1)::int AS verdicts,
                (SELECT count(*) FROM casehound.runs WHERE case_id = $1)::int AS runs`,
        [c.id],
      );
      expect(rows[0]).toEqual({ verdicts: 1, runs: 1 });
      const kinds = (await readAuditChain(t.db, c.id)).map((e) => e.kind);
      expect(kinds.filter((k) => k === "run_resumed")).toHaveLength(1);
      expect(kinds.filter((k) => k === "verdict")).toHaveLength(1);
      // Asking again returns the stored verdict instead of investigating twice.
      const again = await other.drive(c.id);
      expect(again).toMatchObject({ how: "stored", runId: dead.runId });
      expect(again.verdict).toEqual(mine!.verdict);
    });

    it("resumes the other abandoned runs when one of them is given up, and reports it", async () => {
      const dead = { owner: "dead-worker", ms: 60_000 };
      const ids: string[] = [];
      for (const seller of ["slr_poisoned", "slr_fine"]) {
        const { case: c } = await createCase(
          t.db,
          { subject: { type: "seller", id: seller }, allegation: "resume loop test" },
          { actor: "svc" },
        );
        await claimCase(t.db, c.id, dead, new Date());
        ids.push(c.id);
      }
      await t.db.query(
        "UPDATE casehound.runs SET lease_expires_at = now() - interval '1 second', takeovers = CASE WHEN case_id = $1 THEN $2 ELSE 0 END WHERE case_id = ANY($3)",
        [ids[0], MAX_TAKEOVERS, ids],
      );
      const runner = createCaseRunner(t.db, { warehouse: t.db, owner: "sweeper" });
      const { outcomes, failures } = await runner.resumeAbandoned();
      expect(failures.map((f) => f.caseId)).toEqual([ids[0]]);
      expect(failures[0]?.error).toMatch(/given up/);
      expect(outcomes.map((o) => o.case.id)).toContain(ids[1]);
    });

    it("gives up on a run whose process keeps dying, and records why", async () => {
      const { case: c } = await createCase(
        t.db,
        { subject: { type: "seller", id: "slr_poison" }, allegation: "poison test" },
        { actor: "svc" },
      );
      const lease = { owner: "w", ms: 0 };
      const first = await claimCase(t.db, c.id, lease, new Date());
      const kinds: string[] = [];
      for (let i = 0; i <= MAX_TAKEOVERS; i++)
        kinds.push((await claimCase(t.db, c.id, lease, new Date())).kind);
      expect(kinds).toEqual([...Array(MAX_TAKEOVERS).fill("takeover"), "gave_up"]);
      expect((await getCase(t.db, c.id))?.status).toBe("failed");
      // A failed case can be tried again as a new run.
      const retry = await claimCase(t.db, c.id, lease, new Date());
      expect(retry.kind).toBe("new");
      expect(retry.runId).not.toBe(first.runId);
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true });
    });

    it("records an analyst's review bound to the verdict's hash, and refuses a review of another verdict", async () => {
      const runner = createCaseRunner(t.db, { warehouse: t.db });
      const decided = await submitAndDrive(
        runner,
        t.db,
        {
          subject: { type: "seller", id: "slr_reviewed" },
          allegation: "review test",
        },
        { actor: "cli" },
      );
      const caseId = decided.case.id;
      const { rows } = await t.db.query<{ verdict_hash: string }>(
        "SELECT verdict_hash FROM casehound.verdicts WHERE case_id = $1",
        [caseId],
      );
      const verdictHash = rows[0]!.verdict_hash;
      const stale = await recordReview(
        t.db,
        caseId,
        { reviewer: "ana", outcome: "approved", reason: "ok", verdictHash: "f".repeat(64) },
        new Date(),
      ).catch((e: unknown) => e);
      expect(isAppError(stale, "conflict")).toBe(true);
      const unnamed = await recordReview(
        t.db,
        caseId,
        { reviewer: "ana", outcome: "overridden", reason: "disagree" },
        new Date(),
      ).catch((e: unknown) => e);
      expect(isAppError(unnamed, "bad_argument")).toBe(true);
      expect((unnamed as Error).message).toMatch(/override names the decision/);

      const review = await recordReview(
        t.db,
        caseId,
        {
          reviewer: "ana",
          outcome: "overridden",
          decision: "suspicious",
          reason: "the seller is known to us",
          verdictHash,
        },
        new Date(),
      );
      expect(review).toMatchObject({ verdictHash, outcome: "overridden", decision: "suspicious" });
      expect((await getCase(t.db, caseId))?.status).toBe("reviewed");
      const chain = await readAuditChain(t.db, caseId);
      expect(chain.at(-1)).toMatchObject({
        kind: "review",
        actor: "analyst:ana",
        payload: { verdict_hash: verdictHash, outcome: "overridden", decision: "suspicious" },
      });
      expect(await verifyAuditChain(t.db, caseId)).toMatchObject({ ok: true });
      // A reviewed case asked for again keeps its verdict; a queued case cannot be reviewed.
      expect((await runner.drive(caseId)).how).toBe("stored");
      const { case: queued } = await createCase(
        t.db,
        { subject: { type: "seller", id: "slr_queued" }, allegation: "not yet" },
        { actor: "svc" },
      );
      const early = await recordReview(
        t.db,
        queued.id,
        { reviewer: "ana", outcome: "approved", reason: "too early" },
        new Date(),
      ).catch((e: unknown) => e);
      expect(isAppError(early, "conflict")).toBe(true);
    });

    it("refuses to update, delete or truncate audit events", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      await expect(
        t.db.query("UPDATE casehound.audit_events SET actor = 'x' WHERE case_id = $1", [c.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query("DELETE FROM casehound.audit_events WHERE case_id = $1", [c.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.exec("TRUNCATE casehound.audit_events CASCADE")).rejects.toThrow(
        /append-only/,
      );
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: true });
    });

    it("names the tampered event after a one-character change made behind the trigger's back", async () => {
      const { case: c } = await createCase(t.db, request, { actor: "svc" });
      for (let i = 0; i < 3; i++) {
        await t.db.transaction((tx) =>
          appendAuditEvent(tx, c.id, {
            at: new Date().toISOString(),
            actor: "agent:sql",
            kind: "sql_executed",
            payload: { query: "SELECT 1", rows: i },
          }),
        );
      }
      await t.db.transaction(async (tx) => {
        await tx.exec("ALTER TABLE casehound.audit_events DISABLE TRIGGER USER");
        await tx.query(
          "UPDATE casehound.audit_events SET actor = 'agent:sqm' WHERE case_id = $1 AND seq = 3",
          [c.id],
        );
        await tx.exec("ALTER TABLE casehound.audit_events ENABLE TRIGGER USER");
      });
      expect(await verifyAuditChain(t.db, c.id)).toMatchObject({ ok: false, brokenAt: 3 });
    });
  });
}
