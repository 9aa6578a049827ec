// What commands that investigate need around the database: the warehouse connection
// (WAREHOUSE_URL or the same database), a durable checkpointer for the engine, and a
// case runner holding leases of the configured length — all closed afterwards.

import { investigatorModels } from "../config/models.js";
import {
  type CaseRunner,
  type CaseRunnerOptions,
  createCaseRunner,
} from "../controller/run-case.js";
import { openCheckpointer } from "../db/checkpoint/open.js";
import { openPostgres } from "../db/postgres.js";
import type { Database } from "../db/types.js";
import { type CommandContext, withDatabase } from "./context.js";
import { prepareSearch } from "./search-setup.js";

export async function withCaseRunner<T>(
  fn: (runner: CaseRunner, db: Database, ctx: CommandContext) => Promise<T>,
  options: Pick<CaseRunnerOptions, "onEvent"> = {},
): Promise<T> {
  return withDatabase(async (db, ctx) => {
    const { env } = ctx;
    // The warehouse may be a separate (read-only) connection; by default it is the same database.
    const warehouse = env.WAREHOUSE_URL ? await openPostgres(env.WAREHOUSE_URL) : db;
    try {
      const checkpoints = await openCheckpointer(db, { connectionString: env.DATABASE_URL });
      try {
        const runner = createCaseRunner(db, {
          warehouse,
          checkpointer: checkpoints.saver,
          leaseMs: env.CASEHOUND_RUN_LEASE_MS,
          ...investigatorModels(env),
          ...(await prepareSearch(db, env)),
          ...options,
        });
        return await fn(runner, db, ctx);
      } finally {
        await checkpoints.close();
      }
    } finally {
      if (warehouse !== db) await warehouse.close();
    }
  });
}
