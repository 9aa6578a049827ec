// GET /v1/batches/:id/events — server-sent events as a batch progresses: `event:
// progress` with the batch's progress (counts by state, pace, ETA) each time it
// changes, then `event: end` with the final progress once no case is pending,
// queued or running. The batch is read from the store on a short poll, so cases
// run by any process are seen. A comment line every 15 s keeps proxies from closing it.
import { type Request, type Response, Router } from "express";
import type { Logger } from "../../../config/logger.js";
import type { Database } from "../../../db/types.js";
import { getBatchView } from "../../../server/batch/view.js";
import { requires } from "../auth.js";
import { methodNotAllowed } from "../problem.js";
import type { EventStreams } from "./events.js";

export function batchEventRoutes(deps: {
  db: Database;
  logger: Logger;
  now: () => Date;
  pollMs?: number;
  heartbeatMs?: number;
}): EventStreams {
  const open = new Map<Response, () => void>();
  const router = Router();

  router
    .route("/v1/batches/:id/events")
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      let closed = false;
      let cleanup = () => {};
      const finish = () => {
        if (closed) return;
        closed = true;
        cleanup();
        if (!res.writableEnded) res.end();
      };
      res.on("close", finish);
      res.on("error", finish);
      const batchId = req.params.id;
      await getBatchView(deps.db, batchId, deps.now()); // not_found before the stream starts
      if (closed) return;
      res.status(200).set({
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      res.flushHeaders();

      let last = "";
      let sent = 0;
      let busy = false;
      async function pull(): Promise<void> {
        if (closed || busy) return;
        busy = true;
        try {
          const { progress } = await getBatchView(deps.db, batchId, deps.now());
          if (closed) return;
          // Pace and ETA change on every look; a new event goes out when the counts do.
          const counts = JSON.stringify(progress.counts);
          if (counts !== last) {
            last = counts;
            res.write(`id: ${++sent}\nevent: progress\ndata: ${JSON.stringify(progress)}\n\n`);
          }
          if (progress.finished) {
            res.write(`event: end\ndata: ${JSON.stringify(progress)}\n\n`);
            finish();
          }
        } catch (error) {
          deps.logger.warn(
            { batchId, error: (error as Error).message },
            "batch event stream ended by an error",
          );
          finish();
        } finally {
          busy = false;
        }
      }

      const poll = setInterval(() => void pull(), deps.pollMs ?? 1_000);
      const heartbeat = setInterval(() => {
        if (!closed) res.write(": keep-alive\n\n");
      }, deps.heartbeatMs ?? 15_000);
      cleanup = () => {
        open.delete(res);
        clearInterval(poll);
        clearInterval(heartbeat);
      };
      open.set(res, () => {
        if (!closed) res.write("event: shutdown\ndata: {}\n\n");
        finish();
      });
      await pull();
    })
    .all(methodNotAllowed(["GET"]));

  return {
    router,
    closeAll() {
      for (const close of [...open.values()]) close();
    },
    openCount: () => open.size,
  };
}
