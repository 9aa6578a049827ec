// Seeds a demo world into the warehouse. Rows are generated on a worker thread
// while this thread loads the previous batch (the two overlap on two cores);
// primary keys and indexes are set aside during the load and rebuilt after. A failed
// seed leaves the warehouse empty, as it was found.
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { moduleBootstrap } from "../config/module-bootstrap.js";
import { restoreIndexes, setIndexesAside } from "../db/bulk-load.js";
import { saveDemoPages, saveKnowledgeBase } from "../db/corpus/save.js";
import {
  clearUnfinishedSeeds,
  markSeedEnded,
  markSeedStarted,
  markSetAside,
  rebuildSetAside,
  unfinishedSetAside,
} from "../db/repositories/seeds-in-progress.js";
import type { Database, Queryable } from "../db/types.js";
import {
  WAREHOUSE_COLUMNS,
  WAREHOUSE_TABLES,
  type WarehouseTable,
} from "../db/warehouse-tables.js";
import { AppError } from "../domain/errors.js";
import { type GeneratedWorld, type GenerateOptions, worldMode } from "./generate-rows.js";
import type { WorkerMessage } from "./generate-worker.js";
import type { WorldLabels } from "./labels.js";
import type { Background, VariantMode } from "./modes.js";
import { DEFAULT_AS_OF, type WorldSizeName } from "./sizes.js";

export const GENERATOR_VERSION = "casehound-world/2";

export interface SeedOptions {
  size: WorldSizeName;
  seed: number;
  asOf?: string;
  /** Plant manipulation attempts (default true); false only to compare worlds. */
  manipulation?: boolean;
  /** "classic" (the default: the same rows as ever for a seed) or "mixed" typology shapes. */
  variants?: VariantMode;
  /** Defaults to "realistic" in a mixed world and "classic" otherwise. */
  background?: Background;
  /** Called between phases, for progress output. */
  onPhase?: (phase: string) => void;
}

export interface SeedResult {
  labels: WorldLabels;
  rowCounts: Record<WarehouseTable, number>;
  contentHash: string;
  seconds: number;
}

/** The first warehouse table holding data, or null when the warehouse is empty. */
export async function firstFilledTable(db: Queryable): Promise<string | null> {
  for (const table of WAREHOUSE_TABLES) {
    const { rows } = await db.query(`SELECT 1 FROM risk.${table} LIMIT 1`);
    if (rows.length > 0) return table;
  }
  return null;
}

async function assertEmpty(db: Database): Promise<void> {
  const table = await firstFilledTable(db);
  if (table !== null) {
    throw new AppError(
      "warehouse_not_empty",
      `the warehouse already holds data (risk.${table} is not empty); seed into an empty database, or pass --replace to empty the warehouse first`,
    );
  }
}

async function emptyTables(db: Database): Promise<void> {
  await db.exec(`TRUNCATE ${WAREHOUSE_TABLES.map((t) => `risk.${t}`).join(", ")}`);
}

/** Empties the warehouse; the keys and indexes a dead seed had set aside are rebuilt. */
export async function truncateWarehouse(db: Database): Promise<void> {
  const leftovers = await unfinishedSetAside(db);
  await emptyTables(db);
  for (const aside of leftovers) await rebuildSetAside(db, aside);
  await clearUnfinishedSeeds(db);
}

/** Runs the generator on a worker thread, loading each batch into `db` as it arrives. */
function generateInWorker(
  db: Database,
  options: GenerateOptions,
  onPhase: (phase: string) => void,
): Promise<GeneratedWorld> {
  const worker = new Worker(moduleBootstrap(import.meta.url, "generate-worker"), {
    eval: true,
    workerData: options,
  });
  return new Promise<GeneratedWorld>((resolve, reject) => {
    let loading = Promise.resolve();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void worker.terminate();
      // Reject only once no COPY is in flight: the caller's cleanup (truncate) must not
      // race a late batch, or rows of the failed seed survive it.
      loading.then(
        () => reject(error),
        () => reject(error),
      );
    };
    worker.on("message", (message: WorkerMessage) => {
      if (failed) return; // batches already on their way when the seed failed are dropped
      if (message.type === "batch") {
        loading = loading
          .then(() =>
            failed
              ? undefined
              : db.copyIn(
                  `risk.${message.table}`,
                  WAREHOUSE_COLUMNS[message.table],
                  message.payload,
                ),
          )
          .then(() => {
            if (!failed) worker.postMessage({ ack: message.id });
          }, fail);
      } else if (message.type === "phase") {
        onPhase(message.phase);
      } else if (message.type === "done") {
        loading.then(() => {
          void worker.terminate();
          if (!failed) resolve(message.result);
        }, fail);
      } else {
        fail(new Error(`world generation failed: ${message.message}`));
      }
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`world generator exited with code ${code}`));
    });
  });
}

export async function seedWorld(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const asOf = Date.parse(options.asOf ?? DEFAULT_AS_OF);
  if (Number.isNaN(asOf)) throw new AppError("bad_argument", `asOf is not a date: ${options.asOf}`);
  const onPhase = options.onPhase ?? (() => {});
  const mode = worldMode(options);
  await assertEmpty(db);

  // Left behind only if this process dies mid-seed: `db info` then says so.
  const marker = await markSeedStarted(db, { seed: options.seed, size: options.size });
  const aside = await setIndexesAside(db, "risk");
  await markSetAside(db, marker, aside);
  let generated: GeneratedWorld;
  try {
    generated = await generateInWorker(
      db,
      {
        size: options.size,
        seed: options.seed,
        asOf,
        manipulation: options.manipulation ?? true,
        ...mode,
      },
      onPhase,
    );
    onPhase("indexes");
    await restoreIndexes(db, aside);
    await db.exec("ANALYZE");
  } catch (error) {
    await emptyTables(db).catch(() => {});
    await restoreIndexes(db, aside).catch(() => {});
    await markSeedEnded(db, marker).catch(() => {});
    throw error;
  }

  const seconds = (performance.now() - started) / 1000;
  const asOfIso = new Date(asOf).toISOString();
  const { subjects, rowCounts, contentHash, corpus } = generated;
  onPhase("web corpus and knowledge base");
  await saveDemoPages(db, corpus.documents, asOfIso);
  await saveKnowledgeBase(db);
  await db.query(
    "INSERT INTO casehound.warehouse_seeds (generator_version, seed, size, as_of, row_counts, content_hash, seconds) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [
      GENERATOR_VERSION,
      options.seed,
      options.size,
      asOfIso,
      JSON.stringify(rowCounts),
      contentHash,
      seconds,
    ],
  );
  await markSeedEnded(db, marker);
  return {
    labels: {
      generator: GENERATOR_VERSION,
      seed: options.seed,
      size: options.size,
      as_of: asOfIso,
      content_hash: contentHash,
      ...mode,
      subjects,
      corpus: corpus.truth,
    },
    rowCounts,
    contentHash,
    seconds,
  };
}
