// Benchmark: the REST API under load. A fresh world per engine, the service on
// port 0, then N submissions at C concurrent over real HTTP (default 500 at 50).
// Prints submission latency (p50/p99) and how fast cases get decided under it.
//
//   npm run bench:api                          # 500 at 50, both engines if a server is set
//   npm run bench:api -- --cases 1000 --concurrency 100
import { quantile } from "../cli/eval/metrics.js";
import { table } from "../cli/format.js";
import { prepareWorldOnMigrated, startTestApi } from "../test/support/api.js";
import { submitAll } from "../test/support/load.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  workers: number;
  cases: number;
  concurrency: number;
  submitP50: number;
  submitP99: number;
  submitSeconds: number;
  decidedSeconds: number;
  accepted: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const cases = Number(flag("--cases") ?? 500);
const concurrency = Number(flag("--concurrency") ?? 50);
if (![cases, concurrency].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error("usage: bench/api-load.ts [--cases N] [--concurrency C]");
  process.exit(2);
}

if (childEngine) {
  // PGlite runs one query at a time: more than two workers only queue behind each other.
  const workers = childEngine === "pglite" ? 2 : 4;
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db, where) => {
    const labels = await prepareWorldOnMigrated(db);
    const { rows } = await db.query<{ seller_id: string }>(
      "SELECT seller_id FROM risk.sellers ORDER BY seller_id",
    );
    const sellers = [...labels.subjects.map((s) => s.subject.id), ...rows.map((r) => r.seller_id)];
    const api = await startTestApi(db, {
      url: where.url,
      concurrency: workers,
      limits: { perKey: { perSecond: 1e6, burst: 1e6 } },
    });
    try {
      const started = performance.now();
      const load = await submitAll(
        api,
        api.keys.service,
        Array.from({ length: cases }, (_, i) => ({
          subject: { type: "seller" as const, id: sellers[i % sellers.length] as string },
          allegation: `bench submission ${i}`,
        })),
        concurrency,
      );
      await api.service.queue.idle();
      return {
        engine: childEngine,
        workers,
        cases,
        concurrency,
        submitP50: quantile(load.latencies, 0.5),
        submitP99: quantile(load.latencies, 0.99),
        submitSeconds: load.seconds,
        decidedSeconds: (performance.now() - started) / 1000,
        accepted: load.statuses[202] ?? 0,
      };
    } finally {
      await api.stop();
    }
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, [
    "--cases",
    String(cases),
    "--concurrency",
    String(concurrency),
  ]);
  console.log(
    `REST API load: ${cases} submissions at ${concurrency} concurrent, small world (seed 42), ${new Date().toISOString()}`,
  );
  console.log(
    table(
      [
        "engine",
        "workers",
        "accepted",
        "submit p50 ms",
        "submit p99 ms",
        "all submitted s",
        "all decided s",
        "decided/s",
      ],
      results.map((r) => [
        r.engine,
        r.workers,
        r.accepted,
        r.submitP50.toFixed(1),
        r.submitP99.toFixed(1),
        r.submitSeconds.toFixed(1),
        r.decidedSeconds.toFixed(1),
        (r.cases / r.decidedSeconds).toFixed(2),
      ]),
    ),
  );
}
