// Durability with real worker processes on server PostgreSQL. Two `casehound worker`
// processes share one database; 30 cases are submitted through intake with the
// pg-boss producer; one worker is killed with SIGKILL while it holds runs. Every
// case must end decided with exactly one run, one decided run and one verdict (none
// lost, none decided twice), an intact audit chain, and the killed worker's runs
// taken over and finished by the other. The survivor then stops gracefully on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../../config/env.js";
import { createLogger } from "../../../config/logger.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { verifyAuditChain } from "../../../db/repositories/audit.js";
import { submitCase } from "../../../server/intake.js";
import type { CaseQueue } from "../../../server/worker/case-queue.js";
import { openProducerQueue } from "../../../server/worker/worker.js";
import { embedCorpus } from "../../../tools/search/index-corpus.js";
import { createLocalEmbedder } from "../../../tools/vector/local-embedder.js";
import { loadWinkVectors } from "../../../tools/vector/wink-cache.js";
import { seedWorld } from "../../../world/generate.js";
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from "../../support/engines.js";

const BIN = fileURLToPath(new URL("../../../bin/casehound.js", import.meta.url));
const CASES = 30;
const LEASE_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Worker {
  child: ChildProcess;
  stdout: string;
  /** The end of its log, for a failure's message. */
  stderr: string;
  exited: Promise<number | null>;
}

function startWorkerProcess(url: string): Worker {
  const child = spawn(process.execPath, [BIN, "worker", "--concurrency", "2"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      CASEHOUND_RUN_LEASE_MS: String(LEASE_MS),
      CASEHOUND_SHUTDOWN_GRACE_MS: "5000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const worker: Worker = {
    child,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    worker.stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    worker.stderr = (worker.stderr + chunk).slice(-4_000);
  });
  return worker;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

if (!TEST_DATABASE_URL)
  describe.skip("durability with worker processes (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
else
  describe("durability with two worker processes on server PostgreSQL", () => {
    let t: TestDatabase;
    let producer: CaseQueue | undefined;
    const workers: Worker[] = [];
    const sellers: string[] = [];

    beforeAll(async () => {
      t = await freshPostgres();
      await migrate(t.db);
      await seedWorld(t.db, { size: "small", seed: 42 });
      // The workers' search set-up (loadEnv's cache directory), done once before they start.
      await embedCorpus(
        t.db,
        createLocalEmbedder(await loadWinkVectors(loadEnv().CASEHOUND_CACHE_DIR)),
      );
      const { rows } = await t.db.query<{ seller_id: string }>(
        "SELECT seller_id FROM risk.sellers ORDER BY md5(seller_id) LIMIT $1",
        [CASES],
      );
      sellers.push(...rows.map((r) => r.seller_id));
    }, 180_000);

    afterAll(async () => {
      for (const worker of workers)
        if (worker.child.exitCode === null && worker.child.signalCode === null)
          worker.child.kill("SIGKILL");
      await producer?.stop(0).catch(() => {});
      await t?.dispose();
    });

    it(`decides all ${CASES} cases exactly once when one of two workers is killed mid-way`, async () => {
      expect(sellers).toHaveLength(CASES);
      const url = t.url as string;
      workers.push(startWorkerProcess(url), startWorkerProcess(url));
      const [doomed, survivor] = workers as [Worker, Worker];
      for (const worker of workers)
        await until(
          "the workers to start",
          async () => {
            if (worker.child.exitCode !== null)
              throw new Error(`a worker exited at start: ${worker.stderr}`);
            return /taking cases from/.test(worker.stdout) ? true : undefined;
          },
          90_000,
        );

      producer = await openProducerQueue({ db: t.db, logger: createLogger("silent") });
      const runner = createCaseRunner(t.db, { warehouse: t.db });
      const ids: string[] = [];
      for (const [i, seller] of sellers.entries()) {
        const { case: stored } = await submitCase(
          { db: t.db, admit: (r) => runner.admit(r), now: () => new Date(), queue: producer },
          { subject: { type: "seller", id: seller }, allegation: `re-review ${i}` },
          { actor: "test:batch", idempotencyKey: `durability-${i}` },
        );
        ids.push(stored.id);
      }

      // Mid-way: some cases decided, and the doomed worker holding runs.
      const pid = doomed.child.pid as number;
      const ownedByDoomed = `%:${pid}:%`;
      const held = async () =>
        (
          await t.db.query<{ case_id: string }>(
            "SELECT case_id FROM casehound.runs WHERE status = 'running' AND lease_owner LIKE $1",
            [ownedByDoomed],
          )
        ).rows.map((r) => r.case_id);
      await until(
        "the doomed worker to hold runs mid-way",
        async () => {
          const { rows } = await t.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM casehound.cases WHERE status = 'decided'",
          );
          return (rows[0]?.n ?? 0) >= 4 && (await held()).length > 0 ? true : undefined;
        },
        90_000,
      );
      doomed.child.kill("SIGKILL");
      await doomed.exited;
      const orphaned = await held();
      expect(orphaned.length).toBeGreaterThan(0);

      await until(
        "every case to be settled",
        async () => {
          const { rows } = await t.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM casehound.cases WHERE status IN ('queued', 'running')",
          );
          return rows[0]?.n === 0 ? true : undefined;
        },
        120_000,
      );

      const { rows: facts } = await t.db.query<{
        case_id: string;
        status: string;
        runs: number;
        decided: number;
        verdicts: number;
      }>(
        `SELECT c.case_id, c.status,
                (SELECT count(*) FROM casehound.runs r WHERE r.case_id = c.case_id)::int AS runs,
                (SELECT count(*) FROM casehound.runs r WHERE r.case_id = c.case_id AND r.status = 'decided')::int AS decided,
                (SELECT count(*) FROM casehound.verdicts v WHERE v.case_id = c.case_id)::int AS verdicts
           FROM casehound.cases c ORDER BY c.case_id`,
      );
      expect(facts.map((f) => f.case_id)).toEqual([...ids].sort());
      for (const fact of facts)
        expect(fact, fact.case_id).toMatchObject({
          status: "decided",
          runs: 1,
          decided: 1,
          verdicts: 1,
        });
      for (const id of ids) expect((await verifyAuditChain(t.db, id)).ok, id).toBe(true);

      // The killed worker's runs were taken over by the other one and finished.
      for (const caseId of orphaned) {
        const { rows } = await t.db.query<{ previous: string; actor: string }>(
          `SELECT payload->>'previous_owner' AS previous, actor FROM casehound.audit_events
            WHERE case_id = $1 AND kind = 'run_resumed'`,
          [caseId],
        );
        expect(rows.length, caseId).toBeGreaterThan(0);
        expect(rows[0]?.previous, caseId).toMatch(new RegExp(`:${pid}:`));
        expect(rows[0]?.actor, caseId).toMatch(new RegExp(`:${survivor.child.pid}:`));
      }
      process.stderr.write(
        `worker durability: ${CASES} cases, worker ${pid} killed holding ${orphaned.length}; all decided once\n`,
      );

      // The survivor stops gracefully.
      survivor.child.kill("SIGTERM");
      expect(await survivor.exited).toBe(0);
      expect(survivor.stdout).toMatch(/SIGTERM: stopping[\s\S]*stopped/);
    }, 300_000);
  });
