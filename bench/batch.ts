// Batch re-review at scale, run the way a user runs it (the `casehound` command in
// fresh processes): the medium world, 1,000 sellers (every flagged one plus a sample
// of the rest), a baseline snapshot present.
//  - server PostgreSQL (DATABASE_URL or TEST_DATABASE_URL; a scratch database):
//    `batch create` onto the shared queue, then one `casehound worker` process, then
//    two; cases/s, per-case p50/p95 (run start to end), and what a case costs in
//    measures a busy shared machine does not move much: statements sent per case
//    (bench/support/count-statements.mjs in the workers) and CPU ms per case of the
//    worker processes and of the scratch database's own backends (not the whole
//    server's, which other users share), with the load average beside the timings;
//  - PGlite: `batch create --wait` in one process (the in-process queue);
//  - on each engine, `casehound investigate` with the default as-of from a cold
//    process, five times: p50/p95 of the whole command.
//   npx tsx bench/batch.ts [--size medium|small] [--sellers 1000] [--concurrency 4] [--engines pglite,postgres]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table } from "../cli/format.js";
import { loadEnv } from "../config/env.js";
import { openDatabase } from "../db/connect.js";
import { createScratchDatabase } from "../db/scratch-database.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "casehound.js");
const COUNTER = join(ROOT, "bench", "support", "count-statements.mjs");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] as string) : fallback;
};
const SIZE = arg("--size", "medium");
const SELLERS = Number(arg("--sellers", "1000"));
const CONCURRENCY = arg("--concurrency", "4");
const serverUrl = loadEnv().DATABASE_URL ?? loadEnv().TEST_DATABASE_URL;
const ENGINES = arg("--engines", serverUrl ? "postgres,pglite" : "pglite").split(",");

type Env = Record<string, string>;

function cli(args: string[], env: Env): { ms: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`casehound ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return { ms: performance.now() - started, stdout: r.stdout };
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/** CPU seconds used so far by processes whose command name matches. */
function cpuSeconds(match: (comm: string, cmdline: string) => boolean): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!match(comm, cmdline)) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

/** Statements the worker processes wrote out on exit (count-statements.mjs), in all. */
function statementsSent(dir: string): number {
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.startsWith("statements."))) {
    const counts = JSON.parse(readFileSync(join(dir, file), "utf8")) as [string, number][];
    for (const [, n] of counts) total += n;
    rmSync(join(dir, file));
  }
  return total;
}

const load = () => loadavg()[0]?.toFixed(1) ?? "?";

/** The flagged sellers plus a deterministic sample of the others, up to SELLERS, as JSON lines. */
async function subjectsFile(env: Env, dir: string): Promise<string> {
  const db = await openDatabase(loadEnv({ ...process.env, ...env }));
  try {
    const { rows } = await db.query<{ seller_id: string }>(
      `SELECT seller_id FROM risk.sellers s
        ORDER BY EXISTS (SELECT 1 FROM risk.flags f WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id) DESC,
                 md5(seller_id) LIMIT $1`,
      [SELLERS],
    );
    const file = join(dir, "subjects.jsonl");
    writeFileSync(file, rows.map((r) => JSON.stringify({ seller_id: r.seller_id })).join("\n"));
    return file;
  } finally {
    await db.close();
  }
}

async function runTimes(env: Env, batchId: string): Promise<number[]> {
  const db = await openDatabase(loadEnv({ ...process.env, ...env }));
  try {
    const { rows } = await db.query<{ ms: number }>(
      `SELECT extract(epoch FROM (r.ended_at - r.started_at)) * 1000 AS ms
         FROM casehound.batch_cases b JOIN casehound.runs r USING (case_id)
        WHERE b.batch_id = $1 AND r.status = 'decided' ORDER BY 1`,
      [batchId],
    );
    return rows.map((r) => Number(r.ms));
  } finally {
    await db.close();
  }
}

function coldInvestigations(env: Env, sellerId: string): number[] {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++)
    ms.push(
      cli(
        [
          "investigate",
          "--subject",
          `seller:${sellerId}`,
          "--allegation",
          `bench cold ${i}`,
          "--json",
          "--no-progress",
        ],
        env,
      ).ms,
    );
  return ms.sort((a, b) => a - b);
}

async function waitForBatch(env: Env, id: string): Promise<void> {
  for (;;) {
    const view = JSON.parse(cli(["batch", "status", id, "--json"], env).stdout) as {
      progress: { finished: boolean };
    };
    if (view.progress.finished) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function postgresRuns(rows: string[][]): Promise<void> {
  if (!serverUrl) return;
  const scratch = await createScratchDatabase(serverUrl, "casehound_bench");
  const dir = mkdtempSync(join(tmpdir(), "casehound-bench-batch-"));
  const env: Env = { DATABASE_URL: scratch.url, CASEHOUND_DATA_DIR: dir, LOG_LEVEL: "warn" };
  try {
    console.error(`postgres: seeding the ${SIZE} world ...`);
    cli(["seed", "--size", SIZE, "--no-progress"], env);
    cli(["baselines", "refresh"], env);
    const file = await subjectsFile(env, dir);
    for (const workers of [1, 2]) {
      const created = cli(
        ["batch", "create", "--file", file, "--key", `bench-${workers}`, "--json"],
        env,
      );
      const id = (JSON.parse(created.stdout) as { id: string }).id;
      // The scratch database's own backends: the server's other users are not ours to count.
      const database = new URL(scratch.url).pathname.slice(1);
      const ownBackends = (comm: string, cmdline: string) =>
        comm === "postgres" && cmdline.includes(` ${database} `);
      const workerProcess = (_: string, cmd: string) => cmd.includes("casehound.js\u0000worker");
      const pgBefore = cpuSeconds(ownBackends);
      const loadBefore = load();
      const started = performance.now();
      const procs = Array.from({ length: workers }, () =>
        spawn(
          process.execPath,
          ["--import", COUNTER, BIN, "worker", "--concurrency", CONCURRENCY],
          {
            env: { ...process.env, ...env, CASEHOUND_COUNT_STATEMENTS: join(dir, "statements") },
            stdio: "ignore",
          },
        ),
      );
      let nodeCpu = 0;
      let pgCpu = 0;
      // Sampled while the processes live: their CPU time is gone from /proc once they exit.
      const sample = () => {
        nodeCpu = Math.max(nodeCpu, cpuSeconds(workerProcess));
        pgCpu = Math.max(pgCpu, cpuSeconds(ownBackends) - pgBefore);
      };
      const sampler = setInterval(sample, 1000);
      await waitForBatch(env, id);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      sample();
      const loadAfter = load();
      for (const p of procs) p.kill("SIGTERM");
      await Promise.all(procs.map((p) => new Promise((r) => p.once("exit", r))));
      const ms = await runTimes(env, id);
      const perCase = (x: number) => (ms.length ? x / ms.length : 0);
      rows.push([
        `postgres, ${workers} worker process${workers > 1 ? "es" : ""} × ${CONCURRENCY}`,
        String(ms.length),
        (ms.length / seconds).toFixed(2),
        pct(ms, 0.5).toFixed(0),
        pct(ms, 0.95).toFixed(0),
        perCase(statementsSent(dir)).toFixed(0),
        perCase(nodeCpu * 1000).toFixed(0),
        perCase(pgCpu * 1000).toFixed(0),
        `${Math.round((100 * pgCpu) / Math.max(1e-9, pgCpu + nodeCpu))}%`,
        `${loadBefore} → ${loadAfter}`,
      ]);
      console.error(rows[rows.length - 1]?.join(" | "));
    }
    const cold = coldInvestigations(
      env,
      (readFileSync(file, "utf8").match(/slr_\w+/) as RegExpMatchArray)[0],
    );
    rows.push([
      "postgres, cold `investigate` (default as-of)",
      "5",
      "",
      pct(cold, 0.5).toFixed(0),
      pct(cold, 0.95).toFixed(0),
      "",
    ]);
  } finally {
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pgliteRuns(rows: string[][]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "casehound-bench-batch-"));
  const env: Env = { DATABASE_URL: "", CASEHOUND_DATA_DIR: dir, LOG_LEVEL: "warn" };
  try {
    console.error(`pglite: seeding the ${SIZE} world ...`);
    cli(["seed", "--size", SIZE, "--no-progress"], env);
    cli(["baselines", "refresh"], env);
    const file = await subjectsFile(env, dir);
    const started = performance.now();
    const loadBefore = load();
    const created = cli(
      [
        "batch",
        "create",
        "--file",
        file,
        "--key",
        "bench",
        "--wait",
        "--workers",
        CONCURRENCY,
        "--json",
        "--no-progress",
      ],
      env,
    );
    const seconds = (performance.now() - started) / 1000;
    const id =
      (JSON.parse(created.stdout) as { batch?: { id: string }; id?: string }).batch?.id ??
      (JSON.parse(created.stdout) as { id: string }).id;
    const ms = await runTimes(env, id);
    rows.push([
      `pglite, in-process queue × ${CONCURRENCY}`,
      String(ms.length),
      (ms.length / seconds).toFixed(2),
      pct(ms, 0.5).toFixed(0),
      pct(ms, 0.95).toFixed(0),
      "",
      "",
      "",
      "(in process)",
      `${loadBefore} → ${load()}`,
    ]);
    const cold = coldInvestigations(
      env,
      (readFileSync(file, "utf8").match(/slr_\w+/) as RegExpMatchArray)[0],
    );
    rows.push([
      "pglite, cold `investigate` (default as-of)",
      "5",
      "",
      pct(cold, 0.5).toFixed(0),
      pct(cold, 0.95).toFixed(0),
      "",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[][] = [];
if (ENGINES.includes("postgres")) await postgresRuns(rows);
if (ENGINES.includes("pglite")) await pgliteRuns(rows);
const header = [
  "run",
  "cases",
  "cases/s",
  "per-case p50 ms",
  "p95 ms",
  "statements/case",
  "worker CPU ms/case",
  "database CPU ms/case",
  "database's CPU share",
  "load average",
];
console.log(
  table(
    header,
    rows.map((r) => [...r, ...Array(Math.max(0, header.length - r.length)).fill("")]),
  ),
);
