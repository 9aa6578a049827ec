// Benchmark: server-side render time of a console case page with 50 pieces of
// evidence (goal < 300 ms), on embedded PGlite and server PostgreSQL. Seeds the small
// world, investigates a blatant brushing seller offline, pads the run's evidence to
// 50 items with copies of its own indicator evidence (rows and all, new ids), then
// times what GET /console/cases/:id does: read the case view, render the page.
//
//   npm run bench:console
//   npm run bench:console -- --evidence 50 --runs 40
import { quantile } from "../cli/eval/metrics.js";
import { table } from "../cli/format.js";
import { createCaseRunner } from "../controller/run-case.js";
import { createApiKey } from "../db/repositories/api-keys.js";
import { openSession } from "../db/repositories/console-sessions.js";
import type { Database } from "../db/types.js";
import { casePage } from "../server/console/case-page.js";
import { loadCaseView } from "../server/console/case-view.js";
import { submitAndDrive } from "../server/intake.js";
import { seedWorld } from "../world/generate.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  evidence: number;
  runs: number;
  loadP50: number;
  renderP50: number;
  p50: number;
  p95: number;
  max: number;
  kib: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const evidenceWanted = Number(flag("--evidence") ?? 50);
const runs = Number(flag("--runs") ?? 40);
if (
  !Number.isInteger(evidenceWanted) ||
  evidenceWanted < 1 ||
  !Number.isInteger(runs) ||
  runs < 1
) {
  console.error("usage: bench/console.ts [--evidence N] [--runs N]");
  process.exit(2);
}

/** Copies the run's indicator evidence under new ids until it holds `wanted` items. */
async function padEvidence(db: Database, runId: string, wanted: number): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    "SELECT count(*) AS n FROM casehound.evidence WHERE run_id = $1",
    [runId],
  );
  let have = Number(rows[0]?.n ?? 0);
  for (let copy = 1; have < wanted; copy++) {
    const { rowCount } = await db.query(
      `INSERT INTO casehound.evidence (run_id, evidence_id, case_id, kind, source, retrieved_at, summary, data, content_hash, untrusted)
       SELECT run_id, 'ev_' || substr(md5(evidence_id || $2), 1, 16), case_id, kind, source, retrieved_at,
              summary, data, content_hash, untrusted
         FROM casehound.evidence WHERE run_id = $1 AND kind = 'indicator' ORDER BY evidence_id LIMIT $3`,
      [runId, `copy${copy}`, wanted - have],
    );
    if (rowCount === 0) throw new Error("the run has no indicator evidence to copy");
    have += rowCount;
  }
  return have;
}

async function measure(db: Database): Promise<Omit<Measurement, "engine">> {
  const { labels } = await seedWorld(db, { size: "small", seed: 42 });
  const subject = labels.subjects.find(
    (s) => s.kind === "brushing" && s.intensity === "blatant" && s.role === "primary",
  )?.subject;
  if (!subject) throw new Error("the small world has no blatant brushing seller");
  const runner = createCaseRunner(db, { warehouse: db });
  const outcome = await submitAndDrive(
    runner,
    db,
    { subject, allegation: "Many brand-new buyers leaving five-star reviews" },
    { actor: "bench" },
  );
  const evidence = await padEvidence(db, outcome.runId, evidenceWanted);
  const key = (
    await createApiKey(db, { name: "bench", role: "analyst", createdBy: "bench" }, new Date())
  ).key;
  const { session } = await openSession(db, key, new Date(), 3_600_000);
  const loads: number[] = [];
  const renders: number[] = [];
  const totals: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const view = await loadCaseView(db, outcome.case.id);
    if (!view) throw new Error("the case vanished");
    const loaded = performance.now();
    const html = casePage(view, session);
    const done = performance.now();
    if (view.evidence.length !== evidence) throw new Error(`read ${view.evidence.length} items`);
    bytes = Buffer.byteLength(html);
    if (i < 3) continue; // warm-up
    loads.push(loaded - started);
    renders.push(done - loaded);
    totals.push(done - started);
  }
  return {
    evidence,
    runs,
    loadP50: quantile(loads, 0.5),
    renderP50: quantile(renders, 0.5),
    p50: quantile(totals, 0.5),
    p95: quantile(totals, 0.95),
    max: Math.max(...totals),
    kib: bytes / 1024,
  };
}

if (childEngine) {
  const measured = await withBenchDatabase(childEngine, serverUrl, (db) => measure(db));
  process.stdout.write(`${JSON.stringify({ engine: childEngine, ...measured })}\n`);
} else {
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, [
    "--evidence",
    String(evidenceWanted),
    "--runs",
    String(runs),
  ]);
  console.log(
    `console case page, server side (read the case view + render), small world (seed 42), ${new Date().toISOString()}`,
  );
  console.log(
    table(
      [
        "engine",
        "evidence",
        "runs",
        "read p50 ms",
        "render p50 ms",
        "p50 ms",
        "p95 ms",
        "max ms",
        "page KiB",
      ],
      results.map((r) => [
        r.engine,
        r.evidence,
        r.runs,
        r.loadP50.toFixed(1),
        r.renderP50.toFixed(1),
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.max.toFixed(1),
        r.kib.toFixed(0),
      ]),
    ),
  );
  console.log("goal: a case page with 50 pieces of evidence under 300 ms server-side");
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}
