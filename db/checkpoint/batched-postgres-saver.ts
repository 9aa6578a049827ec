// PostgresSaver with its two writes made one statement each. Upstream's `put` sends
// BEGIN, one INSERT per channel blob, the checkpoint's INSERT and COMMIT; `putWrites`
// BEGIN, one INSERT per write and COMMIT — about 215 statements for one batch case,
// half of all it sent. Here `put` is one statement (the blobs in a writable CTE
// beside the checkpoint, atomic as any single statement is) and `putWrites` one
// multi-row INSERT. Same tables, same rows, same conflict rules, and reads are
// upstream's: checkpoints written by either saver are read by both, so workers of
// the old and the new version can take over each other's runs.
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  type ChannelVersions,
  type Checkpoint,
  type CheckpointMetadata,
  type PendingWrite,
  WRITES_IDX_MAP,
} from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import { valuesRows } from "../values-rows.js";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class BatchedPostgresSaver extends PostgresSaver {
  // Upstream keeps its pool and schema private; the same ones, kept for our statements.
  readonly #pool: pg.Pool;
  readonly #schema: string;

  constructor(pool: pg.Pool, options: { schema: string }) {
    super(pool, undefined, options);
    this.#pool = pool;
    this.#schema = ident(options.schema);
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    if (config.configurable === undefined)
      throw new Error(`Missing "configurable" field in "config" param`);
    const { thread_id, checkpoint_ns = "", checkpoint_id } = config.configurable;
    const [blobs, serializedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
    const head = [
      thread_id,
      checkpoint_ns,
      checkpoint.id,
      checkpoint_id,
      this._dumpCheckpoint(checkpoint),
      serializedMetadata,
    ];
    const upsert = `INSERT INTO ${this.#schema}.checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
      DO UPDATE SET checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata`;
    if (blobs.length === 0) await this.#pool.query(upsert, head);
    else {
      // Distinct (channel, version) pairs, as newVersions' keys are: no row is hit twice.
      const rows = valuesRows(blobs, head);
      await this.#pool.query(
        `WITH blobs AS (
           INSERT INTO ${this.#schema}.checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
           VALUES ${rows.sql}
           ON CONFLICT (thread_id, checkpoint_ns, channel, version) DO NOTHING)
         ${upsert}`,
        rows.params,
      );
    }
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
  ): Promise<void> {
    if (writes.length === 0) return;
    // Upstream: special channels (errors, interrupts, resumes) overwrite, others are kept once.
    const overwrite = writes.every(([channel]) => channel in WRITES_IDX_MAP);
    const dumped = await this._dumpWrites(
      config.configurable?.thread_id,
      config.configurable?.checkpoint_ns,
      config.configurable?.checkpoint_id,
      taskId,
      writes,
    );
    // Upstream inserts one at a time, so of two writes with one key (a special channel
    // twice) the last wins when overwriting and the first otherwise. One INSERT may not
    // touch a row twice, so keep just that one.
    const byIdx = new Map<number, (typeof dumped)[number]>();
    for (const row of dumped) if (overwrite || !byIdx.has(row[4])) byIdx.set(row[4], row);
    const rows = valuesRows([...byIdx.values()]);
    await this.#pool.query(
      `INSERT INTO ${this.#schema}.checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
       VALUES ${rows.sql}
       ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) ${
         overwrite
           ? "DO UPDATE SET channel = EXCLUDED.channel, type = EXCLUDED.type, blob = EXCLUDED.blob"
           : "DO NOTHING"
       }`,
      rows.params,
    );
  }
}
