// Worker-thread entry of the embedded engine's SQL sandbox: opens an in-memory copy
// of the database from the snapshot it is sent, then runs model-written queries on
// it one at a time through the same read-only path as the server engine. Its owner
// terminates the whole thread when a query outlives its timeout.
import { parentPort } from "node:worker_threads";
import { openPgliteSnapshot } from "../../db/pglite.js";
import type { Database } from "../../db/types.js";
import { runReadOnly } from "./read-only.js";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol.js";

const port = parentPort;
if (!port) throw new Error("sandbox-worker.ts runs as a worker thread");
const send = (message: FromSandbox) => port.postMessage(message);
let db: Database | undefined;

port.on("message", async (message: ToSandbox) => {
  if (message.type === "load") {
    try {
      db = await openPgliteSnapshot(message.archive);
      await db.refreshTypes();
      send({ type: "ready" });
    } catch (error) {
      send({ type: "failed", message: (error as Error).message });
    }
    return;
  }
  try {
    if (!db) throw new Error("the sandbox has no database yet");
    const result = await runReadOnly(db, message.sql, message.options);
    send({ type: "result", id: message.id, result });
  } catch (error) {
    send({ type: "error", id: message.id, message: (error as Error).message });
  }
});
