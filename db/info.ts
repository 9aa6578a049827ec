// What a database holds: engine, applied migrations, warehouse row counts, the
// demo worlds loaded into it, and any seed that started and never finished.
import { type UnfinishedSeed, unfinishedSeeds } from "./repositories/seeds-in-progress.js";
import type { Database } from "./types.js";
import { WAREHOUSE_TABLES, type WarehouseTable } from "./warehouse-tables.js";

export interface DatabaseInfo {
  engine: string;
  location: string;
  migrations: string[];
  rowCounts: Record<WarehouseTable, number>;
  seeds: { size: string; seed: number; as_of: string; content_hash: string; loaded_at: string }[];
  /** Seeds whose process died part-way: the warehouse holds part of a world. */
  unfinishedSeeds: UnfinishedSeed[];
}

export async function databaseInfo(db: Database): Promise<DatabaseInfo> {
  const migrations = await db.query<{ name: string }>(
    "SELECT name FROM casehound.schema_migrations ORDER BY version",
  );
  const counts = await db.query<Record<WarehouseTable, number>>(
    `SELECT ${WAREHOUSE_TABLES.map((t) => `(SELECT count(*) FROM risk.${t}) AS ${t}`).join(", ")}`,
  );
  const seeds = await db.query<{
    size: string;
    seed: number;
    as_of: Date;
    content_hash: string;
    loaded_at: Date;
  }>(
    "SELECT size, seed, as_of, content_hash, loaded_at FROM casehound.warehouse_seeds ORDER BY id",
  );
  return {
    engine: db.engine,
    location: db.location,
    migrations: migrations.rows.map((r) => r.name),
    rowCounts: counts.rows[0] as Record<WarehouseTable, number>,
    seeds: seeds.rows.map((s) => ({
      ...s,
      as_of: s.as_of.toISOString(),
      loaded_at: s.loaded_at.toISOString(),
    })),
    unfinishedSeeds: await unfinishedSeeds(db),
  };
}
