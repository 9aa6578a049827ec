// The read side of DatabaseCheckpointSaver: turns rows of casehound.checkpoints into
// LangGraph CheckpointTuples. Whatever the number of rows, two more queries fetch what they
// need: the channel blobs their channel_versions point at, and their pending writes.
// Values are decoded with the saver's serde; bytea arrives as Uint8Array from PGlite and as
// Buffer from pg.
import {
  type ChannelVersions,
  type Checkpoint,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  compareWritesSortKeys,
  maxChannelVersion,
  type SerializerProtocol,
  TASKS,
  writesSortKey,
} from "@langchain/langgraph-checkpoint";
import type { Queryable } from "../types.js";

export interface CheckpointRow {
  thread_id: string;
  checkpoint_ns: string;
  checkpoint_id: string;
  parent_checkpoint_id: string | null;
  checkpoint: Omit<Checkpoint, "channel_values">;
  metadata: unknown;
}

interface BlobRow {
  thread_id: string;
  checkpoint_ns: string;
  channel: string;
  version: string;
  type: string;
  blob: Uint8Array | null;
}

interface WriteRow {
  thread_id: string;
  checkpoint_ns: string;
  checkpoint_id: string;
  task_id: string;
  idx: number;
  channel: string;
  type: string;
  blob: Uint8Array;
  task_path: string;
}

export const SELECT_CHECKPOINTS = `SELECT thread_id, checkpoint_ns, checkpoint_id,
  parent_checkpoint_id, checkpoint, metadata FROM casehound.checkpoints`;

export interface TupleReader {
  db: Queryable;
  serde: SerializerProtocol;
  /** The saver's first channel version, given to migrated pending sends. */
  initialVersion: ChannelVersions[string];
}

const keyOf = (...parts: string[]): string => JSON.stringify(parts);

/** pg hands bytea over as Buffer; loadsTyped("bytes") should give back a plain Uint8Array. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    : bytes;
}

// Checkpoints older than format v4 kept their pending sends as writes on their parent.
const isLegacy = (row: CheckpointRow): boolean =>
  row.checkpoint.v < 4 && row.parent_checkpoint_id !== null;

export async function readTuples(
  reader: TupleReader,
  rows: CheckpointRow[],
): Promise<CheckpointTuple[]> {
  if (rows.length === 0) return [];
  const writeKeys = rows.map((r) => [r.thread_id, r.checkpoint_ns, r.checkpoint_id]);
  for (const r of rows.filter(isLegacy)) {
    writeKeys.push([r.thread_id, r.checkpoint_ns, r.parent_checkpoint_id ?? ""]);
  }
  const [blobs, writes] = await Promise.all([
    loadBlobs(reader.db, rows),
    loadWrites(reader.db, writeKeys),
  ]);
  const load = (type: string, bytes: Uint8Array) =>
    reader.serde.loadsTyped(type, plainBytes(bytes));

  return Promise.all(
    rows.map(async (row) => {
      const { thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id: parentId } = row;
      const checkpoint: Checkpoint = {
        ...row.checkpoint,
        channel_versions: row.checkpoint.channel_versions ?? {},
        versions_seen: row.checkpoint.versions_seen ?? {},
        channel_values: {},
      };
      for (const [channel, version] of Object.entries(checkpoint.channel_versions)) {
        const blob = blobs.get(keyOf(thread_id, checkpoint_ns, channel, String(version)));
        if (blob === undefined || blob.type === "empty" || blob.blob === null) continue;
        checkpoint.channel_values[channel] = await load(blob.type, blob.blob);
      }
      if (isLegacy(row)) {
        // Move the parent's TASKS writes into the channel they live in since v4.
        const sends = (writes.get(keyOf(thread_id, checkpoint_ns, parentId ?? "")) ?? []).filter(
          (w) => w.channel === TASKS,
        );
        if (sends.length > 0) {
          const versions = Object.values(checkpoint.channel_versions);
          checkpoint.channel_values[TASKS] = await Promise.all(
            sends.map((w) => load(w.type, w.blob)),
          );
          checkpoint.channel_versions[TASKS] =
            versions.length > 0 ? maxChannelVersion(...versions) : reader.initialVersion;
        }
      }
      const ownWrites = writes.get(keyOf(thread_id, checkpoint_ns, checkpoint_id)) ?? [];
      const pendingWrites = await Promise.all(
        ownWrites.map(
          async (w): Promise<CheckpointPendingWrite> => [
            w.task_id,
            w.channel,
            await load(w.type, w.blob),
          ],
        ),
      );
      return {
        config: { configurable: { thread_id, checkpoint_ns, checkpoint_id } },
        checkpoint,
        metadata: await reader.serde.loadsTyped("json", JSON.stringify(row.metadata)),
        parentConfig: parentId
          ? { configurable: { thread_id, checkpoint_ns, checkpoint_id: parentId } }
          : undefined,
        pendingWrites,
      };
    }),
  );
}

/** The blobs the rows' channel_versions point at, keyed by thread, ns, channel, version. */
async function loadBlobs(db: Queryable, rows: CheckpointRow[]): Promise<Map<string, BlobRow>> {
  const wanted = new Map<string, string[]>();
  for (const row of rows) {
    for (const [channel, version] of Object.entries(row.checkpoint.channel_versions ?? {})) {
      const key = [row.thread_id, row.checkpoint_ns, channel, String(version)];
      wanted.set(keyOf(...key), key);
    }
  }
  if (wanted.size === 0) return new Map();
  const columns = [0, 1, 2, 3].map((i) => [...wanted.values()].map((key) => key[i]));
  const { rows: blobs } = await db.query<BlobRow>(
    `SELECT b.thread_id, b.checkpoint_ns, b.channel, b.version, b.type, b.blob
       FROM casehound.checkpoint_blobs b
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[])
         AS k (thread_id, checkpoint_ns, channel, version)
         USING (thread_id, checkpoint_ns, channel, version)`,
    columns,
  );
  return new Map(blobs.map((b) => [keyOf(b.thread_id, b.checkpoint_ns, b.channel, b.version), b]));
}

/** Writes of the given checkpoints, each list in the order live execution applies them. */
async function loadWrites(db: Queryable, keys: string[][]): Promise<Map<string, WriteRow[]>> {
  const columns = [0, 1, 2].map((i) => keys.map((key) => key[i]));
  const { rows } = await db.query<WriteRow>(
    `SELECT w.thread_id, w.checkpoint_ns, w.checkpoint_id, w.task_id, w.idx, w.channel,
            w.type, w.blob, w.task_path
       FROM casehound.checkpoint_writes w
       JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[])
               AS k (thread_id, checkpoint_ns, checkpoint_id)) k
         USING (thread_id, checkpoint_ns, checkpoint_id)`,
    columns,
  );
  const byCheckpoint = new Map<string, WriteRow[]>();
  for (const row of rows) {
    const key = keyOf(row.thread_id, row.checkpoint_ns, row.checkpoint_id);
    byCheckpoint.set(key, [...(byCheckpoint.get(key) ?? []), row]);
  }
  // (task_path, task_id, idx) by code point: the order live execution applies a step's writes.
  const sortKey = (w: WriteRow) => writesSortKey(w.task_path, w.task_id, w.idx);
  for (const list of byCheckpoint.values()) {
    list.sort((a, b) => compareWritesSortKeys(sortKey(a), sortKey(b)));
  }
  return byCheckpoint;
}
