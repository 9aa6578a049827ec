// DatabaseCheckpointSaver: a LangGraph checkpointer over our own Database interface.
// The official PostgresSaver needs a `pg` pool, which embedded PGlite cannot provide; this
// saver uses only query/exec/transaction, so graph state (interrupts, resumes, history)
// survives restarts on PGlite, and the same code runs on server PostgreSQL. Its behaviour
// follows the official savers and is checked by @langchain/langgraph-checkpoint-validation.
//
// Storage (schema.ts): a checkpoint row without its channel values, one blob per
// (channel, version) so unchanged channels are not stored again, and the pending writes.
// Values go through `this.serde` as (type, bytes). Reading rows back is read-tuples.ts.
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  getCheckpointId,
  type PendingWrite,
  type SerializerProtocol,
  WRITES_IDX_MAP,
} from "@langchain/langgraph-checkpoint";
import type { Database } from "../types.js";
import { valuesRows } from "../values-rows.js";
import { type CheckpointRow, readTuples, SELECT_CHECKPOINTS } from "./read-tuples.js";
import { createCheckpointTables } from "./schema.js";

// A regular write keeps the first value stored under its (task, idx), so a retried task
// cannot change what was recorded; the special channels (error, interrupt, resume...) have
// fixed negative indices and the latest one wins.
const INSERT_WRITES = `INSERT INTO casehound.checkpoint_writes
  (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob, task_path)`;
const KEEP_FIRST = "ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) DO NOTHING";
const REPLACE = `ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
  DO UPDATE SET channel = EXCLUDED.channel, type = EXCLUDED.type, blob = EXCLUDED.blob,
  task_path = EXCLUDED.task_path`;

/** A non-empty id from `config.configurable`, or undefined. */
function idFrom(config: RunnableConfig | undefined, key: string): string | undefined {
  const value: unknown = config?.configurable?.[key];
  return value === undefined || value === null || value === "" ? undefined : String(value);
}

/** The namespace in `config.configurable`; "" (the root graph) is a real namespace. */
function namespaceFrom(config: RunnableConfig | undefined): string | undefined {
  const value: unknown = config?.configurable?.checkpoint_ns;
  return value === undefined || value === null ? undefined : String(value);
}

function requireId(config: RunnableConfig, key: string, operation: string): string {
  const id = idFrom(config, key);
  if (id === undefined) throw new Error(`${operation}: config.configurable.${key} is required`);
  return id;
}

export class DatabaseCheckpointSaver extends BaseCheckpointSaver {
  private readonly db: Database;

  constructor(db: Database, serde?: SerializerProtocol) {
    super(serde);
    this.db = db;
  }

  /** Creates the checkpoint tables if missing (idempotent); call once before use. */
  async setup(): Promise<void> {
    await createCheckpointTables(this.db);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = idFrom(config, "thread_id");
    if (threadId === undefined) return undefined;
    const namespace = namespaceFrom(config) ?? "";
    const checkpointId = getCheckpointId(config);
    const { rows } = checkpointId
      ? await this.db.query<CheckpointRow>(
          `${SELECT_CHECKPOINTS} WHERE thread_id = $1 AND checkpoint_ns = $2 AND checkpoint_id = $3`,
          [threadId, namespace, checkpointId],
        )
      : await this.db.query<CheckpointRow>(
          `${SELECT_CHECKPOINTS} WHERE thread_id = $1 AND checkpoint_ns = $2
           ORDER BY checkpoint_id DESC LIMIT 1`,
          [threadId, namespace],
        );
    const [tuple] = await this.readTuples(rows);
    return tuple;
  }

  /** Newest first; every option narrows the result (no thread_id = all threads). */
  async *list(
    config: RunnableConfig,
    options: CheckpointListOptions = {},
  ): AsyncGenerator<CheckpointTuple> {
    const { filter, before, limit } = options;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (condition: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    const threadId = idFrom(config, "thread_id");
    if (threadId !== undefined) where((p) => `thread_id = ${p}`, threadId);
    const namespace = namespaceFrom(config);
    if (namespace !== undefined) where((p) => `checkpoint_ns = ${p}`, namespace);
    const checkpointId = idFrom(config, "checkpoint_id");
    if (checkpointId !== undefined) where((p) => `checkpoint_id = ${p}`, checkpointId);
    const beforeId = idFrom(before, "checkpoint_id");
    if (beforeId !== undefined) where((p) => `checkpoint_id < ${p}`, beforeId);
    if (filter && Object.keys(filter).length > 0) {
      where((p) => `metadata @> ${p}::jsonb`, JSON.stringify(filter));
    }
    let sql = SELECT_CHECKPOINTS;
    if (conditions.length > 0) sql += ` WHERE ${conditions.join(" AND ")}`;
    sql += " ORDER BY checkpoint_id DESC";
    if (limit !== undefined) {
      params.push(Math.max(0, Math.floor(limit)));
      sql += ` LIMIT $${params.length}`;
    }
    const { rows } = await this.db.query<CheckpointRow>(sql, params);
    yield* await this.readTuples(rows);
  }

  async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    const threadId = requireId(config, "thread_id", "put");
    const namespace = namespaceFrom(config) ?? "";
    const parentId = idFrom(config, "checkpoint_id") ?? null;
    const { channel_values: values, ...stored } = checkpoint;
    // Only channels that changed get a blob; a channel listed without a value is marked empty.
    const blobs = await Promise.all(
      Object.entries(newVersions).map(async ([channel, version]) => {
        const [type, bytes] =
          channel in values ? await this.serde.dumpsTyped(values[channel]) : ["empty", null];
        return [threadId, namespace, channel, String(version), type, bytes];
      }),
    );
    const metadataJson = await this.dumpMetadata(metadata);
    await this.db.transaction(async (tx) => {
      if (blobs.length > 0) {
        const values = valuesRows(blobs);
        await tx.query(
          `INSERT INTO casehound.checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
           VALUES ${values.sql} ON CONFLICT DO NOTHING`,
          values.params,
        );
      }
      await tx.query(
        `INSERT INTO casehound.checkpoints
           (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)
         ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
         DO UPDATE SET checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata`,
        [threadId, namespace, checkpoint.id, parentId, JSON.stringify(stored), metadataJson],
      );
    });
    return {
      configurable: { thread_id: threadId, checkpoint_ns: namespace, checkpoint_id: checkpoint.id },
    };
  }

  async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath = "",
  ): Promise<void> {
    const threadId = requireId(config, "thread_id", "putWrites");
    const checkpointId = requireId(config, "checkpoint_id", "putWrites");
    const namespace = namespaceFrom(config) ?? "";
    const rows = await Promise.all(
      writes.map(async ([channel, value], index) => {
        const [type, bytes] = await this.serde.dumpsTyped(value);
        return { idx: WRITES_IDX_MAP[channel] ?? index, channel, type, bytes };
      }),
    );
    const row = ({ idx, channel, type, bytes }: (typeof rows)[number]) => [
      threadId,
      namespace,
      checkpointId,
      taskId,
      idx,
      channel,
      type,
      bytes,
      taskPath,
    ];
    // Regular writes in one statement (the first of a repeated index stays); special
    // channels in another, the last of each index only (one statement may not update a
    // row twice).
    const keepFirst = rows.filter((r) => r.idx >= 0).map(row);
    const replace = [...new Map(rows.filter((r) => r.idx < 0).map((r) => [r.idx, r])).values()].map(
      row,
    );
    await this.db.transaction(async (tx) => {
      for (const [batch, conflict] of [
        [keepFirst, KEEP_FIRST],
        [replace, REPLACE],
      ] as const) {
        if (batch.length === 0) continue;
        const values = valuesRows(batch);
        await tx.query(`${INSERT_WRITES} VALUES ${values.sql} ${conflict}`, values.params);
      }
    });
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query("DELETE FROM casehound.checkpoint_writes WHERE thread_id = $1", [threadId]);
      await tx.query("DELETE FROM casehound.checkpoint_blobs WHERE thread_id = $1", [threadId]);
      await tx.query("DELETE FROM casehound.checkpoints WHERE thread_id = $1", [threadId]);
    });
  }

  private readTuples(rows: CheckpointRow[]): Promise<CheckpointTuple[]> {
    const initialVersion = this.getNextVersion(undefined);
    return readTuples({ db: this.db, serde: this.serde, initialVersion }, rows);
  }

  /** Metadata as JSON text for a jsonb column (list() filters it with @>). */
  private async dumpMetadata(metadata: CheckpointMetadata): Promise<string> {
    const [type, bytes] = await this.serde.dumpsTyped(metadata);
    if (type !== "json") throw new Error(`checkpoint metadata serialized as "${type}", not json`);
    return new TextDecoder().decode(bytes);
  }
}
