// `casehound baselines refresh|list`: the baseline snapshots investigations compare
// sellers against. `refresh` computes the snapshot of one instant (or says it is
// already there); `list` shows them newest first. Arguments are checked before any
// database opens; the engine's modules load afterwards.
import type { Command } from "commander";
import { parseInstant, parseLimit } from "../arguments.js";
import { withDatabase } from "../context.js";
import { table, thousands } from "../format.js";

export function registerBaselinesCommands(program: Command): void {
  const baselines = program
    .command("baselines")
    .description("the category baseline snapshots investigations compare sellers against");

  baselines
    .command("refresh")
    .description("compute the baseline snapshot of an instant (nothing to do if it is complete)")
    .option(
      "--as-of <iso>",
      "the instant the baselines describe (default: the seeded demo world's as-of, else now)",
      parseInstant,
    )
    .option("--json", "print the snapshot as JSON")
    .action(async (options: { asOf?: string; json?: boolean }) => {
      const { refreshBaselineSnapshot } = await import("../../tools/indicators/snapshots.js");
      const { seededWorldAsOf } = await import("../../db/repositories/baseline-snapshots.js");
      const { openPostgres } = await import("../../db/postgres.js");
      await withDatabase(async (db, { env }) => {
        const asOf = options.asOf ?? (await seededWorldAsOf(db)) ?? new Date().toISOString();
        // The warehouse may be a separate (read-only) connection; by default it is the same database.
        const warehouse = env.WAREHOUSE_URL ? await openPostgres(env.WAREHOUSE_URL) : db;
        try {
          const snapshot = await refreshBaselineSnapshot(warehouse, db, asOf);
          if (options.json) console.log(JSON.stringify(snapshot, null, 2));
          else
            console.log(
              `${snapshot.computed ? "computed" : "already complete:"} baseline snapshot ${snapshot.id} as of ${snapshot.asOf}: ` +
                `${snapshot.indicators} indicators over ${thousands(snapshot.sellers)} sellers in ${snapshot.seconds.toFixed(1)} s` +
                (snapshot.computed ? "" : ` (computed at ${snapshot.computedAt})`) +
                (snapshot.computed && snapshot.profiles > 0
                  ? `\nstored ${thousands(snapshot.profiles)} seller profiles in ${snapshot.profileSeconds.toFixed(1)} s`
                  : ""),
            );
        } finally {
          if (warehouse !== db) await warehouse.close();
        }
      });
    });

  baselines
    .command("list")
    .description("list baseline snapshots, newest first")
    .option("--limit <n>", "how many (1 to 1000)", parseLimit, 20)
    .option("--json", "print JSON")
    .action(async (options: { limit: number; json?: boolean }) => {
      const { listSnapshots } = await import("../../db/repositories/baseline-snapshots.js");
      const { CATALOG_FINGERPRINT } = await import("../../tools/indicators/snapshot-job.js");
      const snapshots = await withDatabase((db) => listSnapshots(db, options.limit));
      // A snapshot of another indicator catalogue is never compared against.
      const all = snapshots.map((s) => ({ ...s, current: s.catalog === CATALOG_FINGERPRINT }));
      if (options.json) console.log(JSON.stringify(all, null, 2));
      else if (all.length === 0)
        console.log("no baseline snapshots; compute one with: casehound baselines refresh");
      else
        console.log(
          table(
            ["snapshot", "as of", "status", "indicators", "sellers", "seconds", "computed at"],
            all.map((s) => [
              s.id,
              s.as_of,
              s.current || s.status !== "complete" ? s.status : "complete (older catalogue)",
              s.indicators ?? "",
              s.sellers === null ? "" : thousands(s.sellers),
              s.seconds === null ? "" : s.seconds.toFixed(1),
              s.computed_at ?? "",
            ]),
          ),
        );
    });
}
