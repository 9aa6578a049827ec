// Worker-thread entry: generates the world and hands each batch to the parent
// thread, which loads it. At most MAX_IN_FLIGHT batches wait unloaded, so
// generating never runs far ahead of loading (bounded memory).
import { parentPort, workerData } from "node:worker_threads";
import type { WarehouseTable } from "../db/warehouse-tables.js";
import { type GenerateOptions, generateRows } from "./generate-rows.js";

export type WorkerMessage =
  | { type: "batch"; id: number; table: WarehouseTable; payload: string }
  | { type: "phase"; phase: string }
  | { type: "done"; result: Awaited<ReturnType<typeof generateRows>> }
  | { type: "error"; message: string };

const MAX_IN_FLIGHT = 3;
const port = parentPort;
if (!port) throw new Error("generate-worker must run in a worker thread");

let nextId = 0;
const waiting = new Map<number, () => void>();
port.on("message", (ack: { ack: number }) => {
  waiting.get(ack.ack)?.();
  waiting.delete(ack.ack);
});

async function send(
  table: WarehouseTable,
  _columns: readonly string[],
  payload: string,
): Promise<void> {
  const id = nextId++;
  const acked = new Promise<void>((resolve) => waiting.set(id, resolve));
  port?.postMessage({ type: "batch", id, table, payload } satisfies WorkerMessage);
  if (waiting.size >= MAX_IN_FLIGHT) await acked;
}

try {
  const result = await generateRows(workerData as GenerateOptions, send, (phase) =>
    port.postMessage({ type: "phase", phase } satisfies WorkerMessage),
  );
  await Promise.all(
    [...waiting.keys()].map((id) => new Promise<void>((resolve) => waiting.set(id, resolve))),
  );
  port.postMessage({ type: "done", result } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    type: "error",
    message: (error as Error).stack ?? String(error),
  } satisfies WorkerMessage);
}
