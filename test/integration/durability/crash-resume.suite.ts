// Crash and resume with real processes. A child process runs `casehound investigate`
// and is killed with SIGKILL after a randomly chosen audit step; then a new process
// (this one) asks for the same case again, takes over the expired lease and finishes
// the run from its last checkpoint. Every trial must end with exactly one run and one
// verdict, the verdict an uninterrupted run reaches, no duplicated evidence or audit
// events, an intact chain, and an exact replay. 20 trials per engine in the full tier,
// 6 in the default one.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../../config/env.js";
import { replayCase } from "../../../controller/replay.js";
import { type CaseOutcome, createCaseRunner } from "../../../controller/run-case.js";
import { openCheckpointer } from "../../../db/checkpoint/open.js";
import { migrate } from "../../../db/migrate.js";
import { verifyAuditChain } from "../../../db/repositories/audit.js";
import type { Database } from "../../../db/types.js";
import { decidingPart, type Verdict } from "../../../domain/verdict.js";
import { submitAndDrive } from "../../../server/intake.js";
import { embedCorpus } from "../../../tools/search/index-corpus.js";
import { createLocalEmbedder } from "../../../tools/vector/local-embedder.js";
import type { Embedder } from "../../../tools/vector/types.js";
import { loadWinkVectors } from "../../../tools/vector/wink-cache.js";
import { seedWorld } from "../../../world/generate.js";
import { Rng } from "../../../world/rng.js";
import { tierSize } from "../../support/tier.js";

const BIN = fileURLToPath(new URL("../../../bin/casehound.js", import.meta.url));
const LEASE_MS = 400;
const TRIALS = tierSize({ full: 20, quick: 4 });

/** Where the children and the recovering process find the database. */
export interface CrashEngine {
  name: string;
  /** Environment that points a child `casehound` at the database. */
  childEnv: Record<string, string>;
  /** Opens the database in this process (after the child is gone, for PGlite). */
  open(): Promise<Database>;
  /** Closes what `open` returned (PGlite must be closed before the next child). */
  release(db: Database): Promise<void>;
  connectionString?: string;
  dispose(): Promise<void>;
}

/** What an interrupted run must reproduce: the decision and its grounds, not its timing or case id. */
function essentials(v: Verdict) {
  const { case_id: _c, budgets_used, ...rest } = decidingPart(v);
  const { wall_ms: _w, ...budgets } = budgets_used;
  return { ...rest, budgets };
}

interface Reference {
  verdict: ReturnType<typeof essentials>;
  kinds: string[];
  evidence: number;
  steps: number;
}

async function caseFacts(db: Database, caseId: string) {
  const { rows } = await db.query<{ runs: number; decided: number; verdicts: number }>(
    `SELECT (SELECT count(*) FROM casehound.runs WHERE case_id = $1)::int AS runs,
            (SELECT count(*) FROM casehound.runs WHERE case_id = $1 AND status = 'decided')::int AS decided,
            (SELECT count(*) FROM casehound.verdicts WHERE case_id = $1)::int AS verdicts`,
    [caseId],
  );
  const evidence = await db.query<{ n: number; distinct_ids: number }>(
    "SELECT count(*)::int AS n, count(DISTINCT evidence_id)::int AS distinct_ids FROM casehound.evidence WHERE case_id = $1",
    [caseId],
  );
  const kinds = await db.query<{ kind: string }>(
    "SELECT kind FROM casehound.audit_events WHERE case_id = $1 AND kind <> 'run_resumed' ORDER BY kind",
    [caseId],
  );
  return { ...rows[0]!, evidence: evidence.rows[0]!, kinds: kinds.rows.map((r) => r.kind) };
}

/** Runs the CLI and SIGKILLs it right after it reports its `killAfter`-th audit step. */
function runAndKill(
  args: string[],
  env: Record<string, string>,
  killAfter: number,
): Promise<{ killed: boolean; steps: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env, CASEHOUND_RUN_LEASE_MS: String(LEASE_MS) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let steps = 0;
    let killed = false;
    let buffered = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines)
        if (line.startsWith("step ") && ++steps === killAfter && !killed) {
          killed = child.kill("SIGKILL");
        }
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ killed, steps }));
  });
}

export function crashResumeSuite(open: () => Promise<CrashEngine>): void {
  describe("crash and resume", () => {
    let engine: CrashEngine;
    let embedder: Embedder;
    const sellers: string[] = [];
    const references = new Map<string, Reference>();

    beforeAll(async () => {
      engine = await open();
      const db = await engine.open();
      try {
        await migrate(db);
        const { labels } = await seedWorld(db, { size: "small", seed: 42 });
        // The same search set-up as the CLI the trials run (loadEnv's cache directory).
        embedder = createLocalEmbedder(await loadWinkVectors(loadEnv().CASEHOUND_CACHE_DIR));
        await embedCorpus(db, embedder);
        for (const [kind, intensity] of [
          ["collusion", "blatant"],
          ["brushing", "blatant"],
          ["account_takeover", "subtle"],
          ["viral_seller", null],
        ] as const) {
          const found = labels.subjects.find(
            (s) => s.kind === kind && s.intensity === intensity && s.role === "primary",
          );
          if (found) sellers.push(found.subject.id);
        }
        const checkpoints = await openCheckpointer(db, {
          connectionString: engine.connectionString,
        });
        const runner = createCaseRunner(db, {
          warehouse: db,
          checkpointer: checkpoints.saver,
          embedder,
        });
        for (const seller of sellers) {
          const outcome = await submitAndDrive(
            runner,
            db,
            { subject: { type: "seller", id: seller }, allegation: "crash trial reference" },
            { actor: "cli", idempotencyKey: `reference-${seller}` },
          );
          const facts = await caseFacts(db, outcome.case.id);
          references.set(seller, {
            verdict: essentials(outcome.verdict),
            kinds: facts.kinds,
            evidence: facts.evidence.n,
            steps: facts.kinds.length - 1, // every event but case_created is a reported step
          });
        }
        await checkpoints.close();
      } finally {
        await engine.release(db);
      }
    }, 300_000);
    afterAll(async () => {
      await engine?.dispose();
    });

    it(`ends every run killed at a random step with exactly one verdict, no duplicates, and an exact replay (${TRIALS} trials)`, async () => {
      expect(sellers).toHaveLength(4);
      const rng = new Rng(2026);
      const tally = { killed: 0, fromCheckpoint: 0, restartedFromStart: 0, alreadyStored: 0 };
      const killPoints: number[] = [];
      for (let trial = 0; tally.killed < TRIALS; trial++) {
        expect(trial, "too many trials finished before their kill").toBeLessThan(TRIALS * 2);
        const seller = sellers[trial % sellers.length]!;
        const reference = references.get(seller)!;
        const killAfter = 1 + Math.floor(rng.next() * reference.steps);
        const request = {
          subject: { type: "seller" as const, id: seller },
          allegation: "crash trial",
        };
        const key = `trial-${trial}`;
        const child = await runAndKill(
          [
            "investigate",
            "--subject",
            `seller:${seller}`,
            "--allegation",
            request.allegation,
            "--idempotency-key",
            key,
            "--progress",
          ],
          engine.childEnv,
          killAfter,
        );
        if (child.killed) {
          tally.killed++;
          killPoints.push(killAfter);
        }

        // A process starts again and asks for the same case once the lease has expired.
        await new Promise((r) => setTimeout(r, LEASE_MS + 100));
        const db = await engine.open();
        try {
          const checkpoints = await openCheckpointer(db, {
            connectionString: engine.connectionString,
          });
          let outcome: CaseOutcome;
          try {
            const runner = createCaseRunner(db, {
              warehouse: db,
              checkpointer: checkpoints.saver,
              leaseMs: LEASE_MS,
              owner: `recovery-${trial}`,
              embedder,
            });
            outcome = await submitAndDrive(runner, db, request, {
              actor: "cli",
              idempotencyKey: key,
            });
          } finally {
            await checkpoints.close();
          }
          const where = `trial ${trial}: ${seller} killed after step ${killAfter} (${child.killed ? "killed" : "finished first"})`;
          if (outcome.how === "stored") tally.alreadyStored++;
          else if (outcome.fromCheckpoint) tally.fromCheckpoint++;
          else tally.restartedFromStart++;
          if (child.killed) expect(["resumed", "stored"], where).toContain(outcome.how);
          expect(essentials(outcome.verdict), where).toEqual(reference.verdict);
          const facts = await caseFacts(db, outcome.case.id);
          expect(
            { runs: facts.runs, decided: facts.decided, verdicts: facts.verdicts },
            where,
          ).toEqual({ runs: 1, decided: 1, verdicts: 1 });
          expect(facts.evidence, where).toEqual({
            n: reference.evidence,
            distinct_ids: reference.evidence,
          });
          expect(facts.kinds, where).toEqual(reference.kinds);
          expect(await verifyAuditChain(db, outcome.case.id), where).toMatchObject({ ok: true });
          const replay = await replayCase(db, outcome.case.id);
          expect(replay.differences, where).toEqual([]);
        } finally {
          await engine.release(db);
        }
      }
      process.stderr.write(
        `crash trials on ${engine.name}: ${JSON.stringify(tally)}; killed after steps ${killPoints.join(",")}\n`,
      );
      // Kills land mid-graph often enough that some resumptions start from a checkpoint.
      expect(tally.fromCheckpoint).toBeGreaterThan(0);
    }, 900_000);
  });
}
