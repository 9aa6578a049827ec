// Picks the LangGraph checkpointer for the engine the program runs on. Embedded PGlite
// gets our DatabaseCheckpointSaver over the same database (schema casehound); server
// PostgreSQL gets the official PostgresSaver's tables and reads (schema "langgraph",
// upstream's migrations) on a small pool of its own, with its writes one statement
// each (batched-postgres-saver.ts).
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { AppError } from "../../domain/errors.js";
import { describeUrl } from "../postgres.js";
import type { Database } from "../types.js";
import { DatabaseCheckpointSaver } from "./database-saver.js";

export interface CheckpointerOptions {
  /** Server PostgreSQL only: where PostgresSaver connects (usually DATABASE_URL). */
  connectionString?: string;
}

export interface OpenCheckpointer {
  saver: BaseCheckpointSaver;
  /** Releases what the checkpointer opened itself; never closes `db`. */
  close(): Promise<void>;
}

function where(connectionString: string): string {
  try {
    return describeUrl(connectionString);
  } catch {
    return "server PostgreSQL (connection string is not a URL)";
  }
}

/** A ready checkpointer (tables created) for `db`'s engine. */
export async function openCheckpointer(
  db: Database,
  options: CheckpointerOptions = {},
): Promise<OpenCheckpointer> {
  if (db.engine === "pglite") {
    const saver = new DatabaseCheckpointSaver(db);
    await saver.setup();
    return { saver, close: async () => {} };
  }
  const { connectionString } = options;
  if (!connectionString) {
    throw new AppError(
      "config_invalid",
      `checkpoints on ${db.location} need a connection string: PostgresSaver opens its own pool (set DATABASE_URL)`,
    );
  }
  // Our own small pool rather than fromConnString's: a dropped idle connection must
  // surface on the next query, not as an unhandled 'error' event that ends the process.
  // Loaded here: an embedded-database process (every CLI start on PGlite) never needs them.
  const { BatchedPostgresSaver } = await import("./batched-postgres-saver.js");
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on("error", () => {});
  const saver = new BatchedPostgresSaver(pool, { schema: "langgraph" });
  try {
    // Workers starting together on several machines would race upstream's migrations
    // (a duplicate type, a failed start): one sets them up while the others wait.
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('casehound.langgraph.setup'))");
      await saver.setup();
    } finally {
      await client
        .query("SELECT pg_advisory_unlock(hashtext('casehound.langgraph.setup'))")
        .catch(() => {});
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError(
      "db_unavailable",
      `could not set up LangGraph checkpoints in ${where(connectionString)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { saver, close: () => pool.end() };
}
