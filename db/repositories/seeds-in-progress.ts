// The marker a demo-world seed leaves while it runs. A process killed mid-seed
// cannot clean up: its marker stays, so `db info` and the doors can say the
// warehouse holds part of a world, and emptying the warehouse rebuilds the keys and
// indexes the load had set aside (migration 0013).

import type { SetAside } from "../bulk-load.js";
import type { Queryable } from "../types.js";

export interface UnfinishedSeed {
  seed: number;
  size: string;
  started_at: string;
}

/** Records that a seed has started; returns the marker's id. */
export async function markSeedStarted(
  db: Queryable,
  seed: { seed: number; size: string },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    "INSERT INTO casehound.seeds_in_progress (seed, size) VALUES ($1, $2) RETURNING id",
    [seed.seed, seed.size],
  );
  return Number(rows[0]?.id);
}

/** Keeps what the load dropped, so a seed that dies can still have it rebuilt. */
export async function markSetAside(db: Queryable, id: number, aside: SetAside): Promise<void> {
  await db.query("UPDATE casehound.seeds_in_progress SET set_aside = $2 WHERE id = $1", [
    id,
    JSON.stringify(aside),
  ]);
}

export async function markSeedEnded(db: Queryable, id: number): Promise<void> {
  await db.query("DELETE FROM casehound.seeds_in_progress WHERE id = $1", [id]);
}

/** Seeds that started and never finished (their process died). */
export async function unfinishedSeeds(db: Queryable): Promise<UnfinishedSeed[]> {
  const { rows } = await db.query<{ seed: number; size: string; started_at: Date }>(
    "SELECT seed, size, started_at FROM casehound.seeds_in_progress ORDER BY id",
  );
  return rows.map((r) => ({
    seed: Number(r.seed),
    size: r.size,
    started_at: new Date(r.started_at).toISOString(),
  }));
}

/** The keys and indexes that unfinished seeds set aside and nobody rebuilt. */
export async function unfinishedSetAside(db: Queryable): Promise<SetAside[]> {
  const { rows } = await db.query<{ set_aside: SetAside | string | null }>(
    "SELECT set_aside FROM casehound.seeds_in_progress WHERE set_aside IS NOT NULL ORDER BY id",
  );
  return rows.map((r) =>
    typeof r.set_aside === "string"
      ? (JSON.parse(r.set_aside) as SetAside)
      : (r.set_aside as SetAside),
  );
}

/**
 * Rebuilds what a dead seed set aside. It may have died half-way through setting
 * them aside, so a key or index that is still there is skipped, not an error.
 */
export async function rebuildSetAside(db: Queryable, aside: SetAside): Promise<void> {
  for (const statement of aside.primaryKeys) {
    try {
      await db.exec(statement);
    } catch (error) {
      if (!/already exists|multiple primary keys/.test((error as Error).message)) throw error;
    }
  }
  for (const statement of aside.indexes)
    await db.exec(statement.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
}

export async function clearUnfinishedSeeds(db: Queryable): Promise<void> {
  await db.query("DELETE FROM casehound.seeds_in_progress");
}
