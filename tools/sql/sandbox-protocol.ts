// The messages between a sandbox (sandbox.ts) and its worker thread
// (sandbox-worker.ts): the database's snapshot once, then one query at a time.
import type { ReadOnlyOptions, ReadOnlyResult } from "./read-only.js";

export type ToSandbox =
  | { type: "load"; archive: Blob }
  | { type: "run"; id: number; sql: string; options: ReadOnlyOptions };

export type FromSandbox =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; result: ReadOnlyResult }
  | { type: "error"; id: number; message: string };
