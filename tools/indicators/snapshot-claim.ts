// One baseline snapshot computation at a time. A job first claims its snapshot's
// row; while a claim is `computing`, everyone else who needs a snapshot waits for it
// — in this process on the job's promise, in other processes (server PostgreSQL) by
// polling the row — and then looks again: the finished snapshot may be the one they
// need. A claimant renews its claim while it computes; a claim silent for too long
// belongs to a dead process and is abandoned. PGlite is one process (the data
// directory's lock), so there a claim that is not this process's own is always a
// dead one. No transaction is held while computing: the baselines are written in
// one short one at the end.
import { hostname } from "node:os";
import {
  abandonSilentClaim,
  claimSnapshot,
  completeSnapshot,
  computingSnapshot,
  failSnapshot,
  findSnapshotAt,
  renewClaim,
  type SnapshotRow,
} from "../../db/repositories/baseline-snapshots.js";
import type { Database } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { CATALOG_FINGERPRINT, computeBaselines } from "./snapshot-job.js";

export interface BaselineSnapshotInfo {
  id: string;
  /** The instant the baselines describe (ISO). */
  asOf: string;
  indicators: number;
  sellers: number;
  /** How long the job took. */
  seconds: number;
  /** Seller profiles stored with it (0 for a snapshot computed before they existed). */
  profiles: number;
  /** How long storing the profiles took, on top of `seconds`. */
  profileSeconds: number;
  computedAt: string;
  /** True when this call computed it; false when a complete one existed (or another caller made it). */
  computed: boolean;
}

export interface SnapshotOptions {
  /** How often a process waiting on another process's claim looks again (default 250 ms). */
  pollMs?: number;
  /** How long a claim may go unrenewed before it counts as abandoned (server; default 2 min). */
  silentMs?: number;
  /** How often a claimant renews its claim while computing (default 15 s). */
  heartbeatMs?: number;
  /** Called when this process starts computing a snapshot (tests and benchmarks count them). */
  onCompute?: (asOf: string) => void;
}

interface Local {
  /** Serialises this process's look-and-claim steps on one database. */
  gate: Promise<void>;
  /** This process's computation in progress, if any. */
  computing: Promise<SnapshotRow> | null;
}

const locals = new WeakMap<Database, Local>();
const OWNER = `${hostname()}:${process.pid}`;

function localOf(app: Database): Local {
  let local = locals.get(app);
  if (!local) {
    local = { gate: Promise.resolve(), computing: null };
    locals.set(app, local);
  }
  return local;
}

function serialised<T>(app: Database, fn: () => Promise<T>): Promise<T> {
  const local = localOf(app);
  const run = local.gate.then(fn);
  local.gate = run.then(
    () => {},
    () => {},
  );
  return run;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function infoOf(row: SnapshotRow, computed: boolean): BaselineSnapshotInfo {
  return {
    id: row.id,
    asOf: row.as_of,
    indicators: row.indicators ?? 0,
    sellers: row.sellers ?? 0,
    seconds: row.seconds ?? 0,
    profiles: row.profiles ?? 0,
    profileSeconds: row.profile_seconds ?? 0,
    computedAt: row.computed_at ?? row.started_at,
    computed,
  };
}

async function compute(
  warehouse: Database,
  app: Database,
  id: string,
  asOf: string,
  options: SnapshotOptions,
): Promise<SnapshotRow> {
  options.onCompute?.(asOf);
  const started = performance.now();
  const renew = setInterval(
    () => void renewClaim(app, id).catch(() => {}),
    options.heartbeatMs ?? 15_000,
  );
  renew.unref();
  try {
    const job = await computeBaselines(warehouse, asOf);
    const seconds = Math.round(performance.now() - started) / 1000;
    const facts = { seconds, sellers: job.sellers, indicators: job.indicators };
    if (!(await completeSnapshot(app, id, job.baselines, facts, job.values, job.degreeProfile)))
      throw new AppError(
        "conflict",
        `baseline snapshot ${id} (${asOf}) was abandoned while it was computed: its claim went unrenewed too long`,
      );
    const row = await findSnapshotAt(app, { asOf, catalog: CATALOG_FINGERPRINT });
    if (!row) throw new AppError("internal", `baseline snapshot ${id} vanished once complete`);
    return row;
  } catch (error) {
    await failSnapshot(app, id, (error as Error).message ?? String(error)).catch(() => {});
    if (error instanceof AppError) throw error;
    throw new AppError(
      "unavailable",
      `computing the baseline snapshot as of ${asOf} failed: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    clearInterval(renew);
  }
}

type Step =
  | { found: SnapshotRow }
  | { mine: Promise<SnapshotRow> }
  | { wait: Promise<unknown> }
  | { poll: true }
  | { again: true };

/**
 * A snapshot `find` accepts: found, or computed for `asOf` under the claim, or made
 * by whoever held the claim before us.
 */
export async function obtain(
  warehouse: Database,
  app: Database,
  asOf: string,
  find: () => Promise<SnapshotRow | null>,
  options: SnapshotOptions,
): Promise<BaselineSnapshotInfo> {
  const local = localOf(app);
  for (;;) {
    const step = await serialised<Step>(app, async () => {
      const found = await find();
      if (found) return { found };
      if (local.computing) return { wait: local.computing };
      const claimant = await computingSnapshot(app);
      if (claimant) {
        const silentLimit = app.engine === "pglite" ? 0 : (options.silentMs ?? 120_000);
        if (claimant.silentMs < silentLimit) return { poll: true };
        await abandonSilentClaim(app, silentLimit);
        return { again: true };
      }
      const id = await claimSnapshot(app, {
        id: `bs-${crypto.randomUUID()}`,
        asOf,
        catalog: CATALOG_FINGERPRINT,
        owner: OWNER,
      });
      if (!id) return { poll: true };
      const job = compute(warehouse, app, id, asOf, options);
      local.computing = job;
      const clear = () => {
        if (local.computing === job) local.computing = null;
      };
      job.then(clear, clear);
      return { mine: job };
    });
    if ("found" in step) return infoOf(step.found, false);
    if ("mine" in step) return infoOf(await step.mine, true);
    if ("wait" in step) await step.wait.catch(() => {});
    else if ("poll" in step) await sleep(options.pollMs ?? 250);
  }
}
