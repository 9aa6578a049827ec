// `casehound demo`: a fresh embedded database, the small demo world, and what it
// holds — the escalation queue of flagged sellers an analyst would start from.
import { join } from "node:path";
import type { Command } from "commander";
import { migrate } from "../../db/migrate.js";
import { openPglite } from "../../db/pglite.js";
import { seedWorld } from "../../db/seed/generate.js";
import { writeLabels } from "../../db/seed/labels.js";
import { parseSeed } from "../arguments.js";
import { context } from "../context.js";
import { table, thousands } from "../format.js";

interface FlagRow {
  seller_id: string;
  shop_name: string;
  source: string;
  reason: string;
  score: number;
}

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("seed the small demo world into a fresh embedded database and show it")
    .option("--dir <dir>", "data directory for the demo (default: <data dir>/demo, recreated)")
    .option("--seed <n>", "random seed", parseSeed, 42)
    .action(async (options: { dir?: string; seed: number }) => {
      const { env } = context();
      const dir = options.dir ?? join(env.CASEHOUND_DATA_DIR, "demo");
      console.log(`casehound demo: a fresh embedded database in ${dir}`);
      const db = await openPglite(dir, { fresh: true });
      try {
        await migrate(db);
        const result = await seedWorld(db, { size: "small", seed: options.seed });
        const labelsPath = join(dir, "labels.json");
        writeLabels(labelsPath, result.labels);
        const counts = result.rowCounts;
        console.log(
          `seeded the small world in ${result.seconds.toFixed(1)} s: ${thousands(counts.sellers)} sellers, ${thousands(counts.buyers)} buyers, ` +
            `${thousands(counts.orders)} orders, ${thousands(counts.reviews)} reviews, ${thousands(counts.logins)} logins, ` +
            `${thousands(counts.affiliate_clicks)} affiliate clicks (as of ${result.labels.as_of})`,
        );
        const { rows } = await db.query<FlagRow>(
          `SELECT f.entity_id AS seller_id, s.shop_name, f.source, f.reason, f.score
             FROM risk.flags f JOIN risk.sellers s ON s.seller_id = f.entity_id
            WHERE f.entity_type = 'seller'
            ORDER BY f.score DESC, f.entity_id`,
        );
        console.log(`\nescalation queue: ${rows.length} flagged sellers (top 15 by score)`);
        console.log(
          table(
            ["seller", "shop", "source", "reason", "score"],
            rows
              .slice(0, 15)
              .map((r) => [r.seller_id, r.shop_name, r.source, r.reason, r.score.toFixed(2)]),
          ),
        );
        console.log(`\nground truth of the planted cases (for evaluation only): ${labelsPath}`);
      } finally {
        await db.close();
      }
    });
}
