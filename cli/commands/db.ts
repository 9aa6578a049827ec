// `casehound db migrate` and `casehound db info`.
import type { Command } from "commander";
import { context, withDatabase } from "../context.js";
import { table, thousands } from "../format.js";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("manage the database");

  db.command("migrate")
    .description("apply pending schema migrations")
    .action(async () => {
      const { env } = await context();
      const { openDatabase } = await import("../../db/connect.js");
      const { migrate } = await import("../../db/migrate.js");
      const database = await openDatabase(env);
      try {
        const applied = await migrate(database);
        console.log(
          applied.length
            ? `applied ${applied.join(", ")} to ${database.location}`
            : `${database.location} is up to date`,
        );
      } finally {
        await database.close();
      }
    });

  db.command("info")
    .description("show the engine, migrations and warehouse row counts")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { databaseInfo } = await import("../../db/info.js");
      const info = await withDatabase((database) => databaseInfo(database));
      if (options.json) {
        console.log(JSON.stringify(info, null, 2));
        return;
      }
      console.log(
        `${info.location} (${info.engine}), ${info.migrations.length} migrations applied`,
      );
      console.log(
        table(
          ["risk table", "rows"],
          Object.entries(info.rowCounts).map(([t, n]) => [t, thousands(n)]),
        ),
      );
      for (const seed of info.seeds) {
        console.log(
          `demo world: ${seed.size}, seed ${seed.seed}, as of ${seed.as_of}, content ${seed.content_hash.slice(0, 16)}`,
        );
      }
      for (const seed of info.unfinishedSeeds)
        console.error(
          `warning: the warehouse is incomplete: a ${seed.size} seed (seed ${seed.seed}) started at ${seed.started_at} never finished; run casehound seed --replace`,
        );
    });
}
