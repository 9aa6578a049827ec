// The tables behind DatabaseCheckpointSaver. They are created by the saver's own idempotent
// setup() rather than by a numbered migration, so that a graph can be given a checkpointer
// on any database (a fresh PGlite in a test, say) without running the warehouse migrations.
import type { Database } from "../types.js";

/** Every table the saver writes, for setup, and for tests that want a clean slate. */
export const CHECKPOINT_TABLES = [
  "casehound.checkpoints",
  "casehound.checkpoint_blobs",
  "casehound.checkpoint_writes",
] as const;

// checkpoint_id sorts byte-wise (COLLATE "C"): uuid6 ids are time-ordered that way, and
// "newest first" must not depend on the server's locale.
const CREATE_TABLES = `
CREATE SCHEMA IF NOT EXISTS casehound;

-- One row per checkpoint; the checkpoint is stored without its channel values (jsonb,
-- it is plain JSON), metadata as jsonb so list() can filter with @>.
CREATE TABLE IF NOT EXISTS casehound.checkpoints (
  thread_id            text NOT NULL,
  checkpoint_ns        text NOT NULL DEFAULT '',
  checkpoint_id        text COLLATE "C" NOT NULL,
  parent_checkpoint_id text COLLATE "C",
  checkpoint           jsonb NOT NULL,
  metadata             jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id)
);

-- Channel values, once per (channel, version) of a thread: a checkpoint points at them
-- through its channel_versions, so an unchanged channel is not stored again.
CREATE TABLE IF NOT EXISTS casehound.checkpoint_blobs (
  thread_id     text NOT NULL,
  checkpoint_ns text NOT NULL DEFAULT '',
  channel       text NOT NULL,
  version       text NOT NULL,
  type          text NOT NULL,
  blob          bytea,
  PRIMARY KEY (thread_id, checkpoint_ns, channel, version)
);

-- Writes that tasks made after a checkpoint, before the next one (pending writes).
CREATE TABLE IF NOT EXISTS casehound.checkpoint_writes (
  thread_id     text NOT NULL,
  checkpoint_ns text NOT NULL DEFAULT '',
  checkpoint_id text COLLATE "C" NOT NULL,
  task_id       text NOT NULL,
  idx           integer NOT NULL,
  channel       text NOT NULL,
  type          text NOT NULL,
  blob          bytea NOT NULL,
  task_path     text NOT NULL DEFAULT '',
  PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
);
`;

/** Creates the checkpoint tables if they are missing; safe to run concurrently. */
export async function createCheckpointTables(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Two processes starting at once would otherwise race on CREATE ... IF NOT EXISTS.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('casehound.checkpoints'))");
    await tx.exec(CREATE_TABLES);
  });
}
