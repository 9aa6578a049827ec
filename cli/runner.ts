// What commands that investigate need around the database: the warehouse connection
// (WAREHOUSE_URL or the same database), a durable checkpointer for the engine, and a
// case runner holding leases of the configured length — all closed afterwards. The
// engine's modules load when the runner is wanted, not when the command is parsed.

import type { CaseRunner, CaseRunnerOptions } from "../controller/run-case.js";
import type { Database } from "../db/types.js";
import { type CommandContext, withDatabase } from "./context.js";

export async function withCaseRunner<T>(
  fn: (runner: CaseRunner, db: Database, ctx: CommandContext, warehouse: Database) => Promise<T>,
  options: Pick<CaseRunnerOptions, "onEvent"> = {},
): Promise<T> {
  // The engine's modules load while the database opens (PGlite compiles its WASM off
  // the main thread meanwhile); a failure to load surfaces once the database is open.
  const loading = Promise.all([
    import("../config/models.js"),
    import("../controller/run-case.js"),
    import("../db/checkpoint/open.js"),
    import("../db/postgres.js"),
    import("./search-setup.js"),
  ]);
  loading.catch(() => {}); // awaited below; not an unhandled rejection if opening fails first
  try {
    return await withDatabase(async (db, ctx) => {
      const [models, runCase, checkpoint, postgres, search] = await loading;
      const { env } = ctx;
      // The warehouse may be a separate (read-only) connection; by default it is the same database.
      const warehouse = env.WAREHOUSE_URL ? await postgres.openPostgres(env.WAREHOUSE_URL) : db;
      try {
        const checkpoints = await checkpoint.openCheckpointer(db, {
          connectionString: env.DATABASE_URL,
        });
        try {
          const runner = runCase.createCaseRunner(db, {
            warehouse,
            checkpointer: checkpoints.saver,
            leaseMs: env.CASEHOUND_RUN_LEASE_MS,
            baselines: { freshnessHours: env.CASEHOUND_BASELINE_FRESHNESS_HOURS },
            ...models.investigatorModels(env),
            ...(env.CASEHOUND_WEIGHTS_FILE
              ? {
                  weights: (await import("../agents/reasoning/weights.js")).readWeightsFile(
                    env.CASEHOUND_WEIGHTS_FILE,
                  ),
                }
              : {}),
            ...(await search.prepareSearch(db, env)),
            ...options,
          });
          return await fn(runner, db, ctx, warehouse);
        } finally {
          await checkpoints.close();
        }
      } finally {
        if (warehouse !== db) await warehouse.close();
      }
    });
  } finally {
    // With LangSmith tracing on, the last cases' traces are still on their way.
    const { flushTraces } = await import("../controller/tracing.js");
    await flushTraces();
  }
}
