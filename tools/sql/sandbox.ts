// A statement timeout for the embedded engine. PGlite runs a query synchronously on
// the thread that asked and has no timer signals, so nothing can stop it there. The
// sandbox runs model-written queries on a copy of the database on a worker thread
// instead, and ends the whole thread when a query outlives its timeout (or the
// engine runs out of memory): the query fails like a cancelled one on the server,
// and the next query gets a fresh copy. The copy is made on first use, again when
// the warehouse has been re-seeded since, and let go after a quiet spell: it costs
// a few seconds and a few hundred megabytes, and only LLM mode asks for it.
import { Worker } from "node:worker_threads";
import { moduleBootstrap } from "../../config/module-bootstrap.js";
import type { Database } from "../../db/types.js";
import { AppError, isAppError } from "../../domain/errors.js";
import type { ReadOnlyOptions, ReadOnlyResult } from "./read-only.js";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol.js";

export interface SqlSandbox {
  run(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult>;
  close(): Promise<void>;
}

/** How long taking a copy may take before the query fails (the small world loads in ~4 s). */
const LOAD_MS = 120_000;

export interface SandboxSettings {
  /** Let the copy go after this long without a query (default 5 minutes). */
  idleMs?: number;
}

interface Copy {
  worker: Worker;
  ready: Promise<void>;
  /** The warehouse seed the copy was taken after. */
  seed: number | null;
}

function spawnWorker(): Worker {
  const worker = new Worker(moduleBootstrap(import.meta.url, "sandbox-worker"), { eval: true });
  worker.unref();
  return worker;
}

/** The next message of `worker` that `accept` takes, or the worker's death. */
function next<T>(worker: Worker, accept: (message: FromSandbox) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: FromSandbox) => {
      const value = accept(message);
      if (value === undefined) return;
      done();
      resolve(value);
    };
    const onError = (error: Error) => {
      done();
      reject(new AppError("unavailable", `the SQL sandbox stopped: ${error.message}`));
    };
    const onExit = (code: number) => onError(new Error(`its thread exited (${code})`));
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

const shared = new WeakMap<Database, SqlSandbox>();

/** The one sandbox of `db`: every investigator of a process shares its copy. */
export function sandboxOf(db: Database): SqlSandbox {
  let sandbox = shared.get(db);
  if (!sandbox) {
    sandbox = createSqlSandbox(db);
    shared.set(db, sandbox);
  }
  return sandbox;
}

export function createSqlSandbox(db: Database, settings: SandboxSettings = {}): SqlSandbox {
  const idleMs = settings.idleMs ?? 300_000;
  let copy: Copy | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let ids = 0;

  const discard = () => {
    const old = copy;
    copy = undefined;
    if (old) void old.worker.terminate();
  };

  async function currentSeed(): Promise<number | null> {
    const { rows } = await db.query<{ id: number | null }>(
      "SELECT max(id)::int AS id FROM casehound.warehouse_seeds",
    );
    return rows[0]?.id ?? null;
  }

  async function ready(): Promise<Copy> {
    const seed = await currentSeed();
    if (copy && copy.seed !== seed) discard();
    if (!copy) {
      if (!db.snapshot) throw new AppError("internal", `${db.location} cannot be copied`);
      const worker = spawnWorker();
      const archive = await db.snapshot();
      const loaded = next(worker, (m) =>
        m.type === "ready" ? true : m.type === "failed" ? new Error(m.message) : undefined,
      ).then((outcome) => {
        if (outcome instanceof Error) throw outcome;
      });
      worker.postMessage({ type: "load", archive } satisfies ToSandbox);
      copy = { worker, ready: loaded, seed };
      loaded.catch(discard);
    }
    const loading = copy;
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (copy === loading) discard();
        reject(new AppError("unavailable", `the SQL sandbox did not load within ${LOAD_MS} ms`));
      }, LOAD_MS);
    });
    try {
      await Promise.race([loading.ready, stalled]);
    } finally {
      clearTimeout(timer);
    }
    return loading;
  }

  async function runOne(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult> {
    const { worker } = await ready();
    // While a query is out, the worker keeps the process alive (a CLI must not exit mid-query).
    worker.ref();
    const id = ++ids;
    const answer = next(worker, (m) =>
      (m.type === "result" || m.type === "error") && m.id === id ? m : undefined,
    );
    worker.postMessage({ type: "run", id, sql, options } satisfies ToSandbox);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          discard();
          reject(new AppError("unavailable", "canceling statement due to statement timeout"));
        },
        Math.max(1, options.timeoutMs),
      );
    });
    try {
      const reply = await Promise.race([answer, timeout]);
      if (reply.type === "error") throw new AppError("bad_argument", reply.message);
      return reply.result;
    } catch (error) {
      if (isAppError(error) && error.message.startsWith("the SQL sandbox stopped")) discard();
      throw error;
    } finally {
      clearTimeout(timer);
      worker.unref();
      answer.catch(() => {}); // settled by the race's loser or a terminated worker
    }
  }

  return {
    run(sql, options) {
      // A run about to start must not be cut short by the quiet-spell timer.
      clearTimeout(idle);
      const task = chain.then(() => runOne(sql, options));
      chain = task.catch(() => {});
      return task.finally(() => {
        clearTimeout(idle);
        idle = setTimeout(discard, idleMs);
        idle.unref();
      });
    },
    async close() {
      clearTimeout(idle);
      await chain;
      discard();
    },
  };
}
