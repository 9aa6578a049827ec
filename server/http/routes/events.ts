// GET /v1/cases/:id/events — server-sent events as a case's run progresses. Each
// audit event goes out once, in chain order, as `event: <kind>`, `id: <seq>` and
// its JSON; a reconnecting client sends Last-Event-ID (or ?after=) and gets what it
// missed. The stream ends with `event: end` once the case is decided or failed and
// every event has been sent. A comment line every 15 s keeps proxies from closing it.
import { type Request, type Response, Router } from "express";
import type { Logger } from "../../../config/logger.js";
import { readAuditEventsAfter } from "../../../db/repositories/audit.js";
import { getCase } from "../../../db/repositories/cases.js";
import type { Database } from "../../../db/types.js";
import { AppError } from "../../../domain/errors.js";
import type { CaseEvents } from "../../case-events.js";
import { requires } from "../auth.js";
import { methodNotAllowed } from "../problem.js";
import { EventsQuery } from "../schemas.js";
import { parseOr400 } from "../validate.js";

const TERMINAL = new Set(["decided", "failed", "reviewed", "cancelled"]);

export interface EventStreams {
  router: Router;
  /** Ends every open stream (shutdown); clients reconnect elsewhere with Last-Event-ID. */
  closeAll(): void;
  /** Streams open now. */
  openCount(): number;
}

export function eventRoutes(deps: {
  db: Database;
  logger: Logger;
  events: CaseEvents;
  pollMs?: number;
  heartbeatMs?: number;
}): EventStreams {
  const open = new Map<Response, () => void>();
  const router = Router();

  router
    .route("/v1/cases/:id/events")
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      const query = parseOr400(EventsQuery, req.query, "query");
      const lastEventId = req.get("last-event-id");
      let after = query.after ?? 0;
      if (lastEventId !== undefined) {
        if (!/^\d{1,9}$/.test(lastEventId))
          throw new AppError("bad_argument", "Last-Event-ID must be an event sequence number", {
            details: { errors: [{ in: "header", field: "Last-Event-ID", detail: "not a number" }] },
          });
        after = Math.max(after, Number(lastEventId));
      }
      const caseId = req.params.id;
      // The client may leave while we look the case up: notice it before anything starts.
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
      if (!(await getCase(deps.db, caseId))) throw new AppError("not_found", `no case ${caseId}`);
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

      let busy = false;
      let again = false;
      // Reads what is new and sends it; ends the stream once the case is settled.
      async function pull(): Promise<void> {
        if (closed) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            // Status first: every event written before it settled is then in the read below.
            const status = (await getCase(deps.db, caseId))?.status;
            for (;;) {
              const batch = await readAuditEventsAfter(deps.db, caseId, after, 200);
              for (const event of batch) {
                if (closed) return;
                res.write(
                  `id: ${event.seq}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`,
                );
                after = event.seq;
              }
              if (batch.length < 200) break;
            }
            if (closed) return;
            if (status && TERMINAL.has(status)) {
              res.write(`event: end\ndata: ${JSON.stringify({ status, last_seq: after })}\n\n`);
              finish();
              return;
            }
          } while (again && !closed);
        } catch (error) {
          // The store failed mid-stream (shutdown, say): end it; the client resumes with Last-Event-ID.
          deps.logger.warn(
            { caseId, error: (error as Error).message },
            "event stream ended by an error",
          );
          finish();
        } finally {
          busy = false;
        }
      }

      const unsubscribe = deps.events.subscribe(caseId, () => void pull());
      const poll = setInterval(() => void pull(), deps.pollMs ?? 1_000);
      const heartbeat = setInterval(() => {
        if (!closed) res.write(": keep-alive\n\n");
      }, deps.heartbeatMs ?? 15_000);
      cleanup = () => {
        open.delete(res);
        unsubscribe();
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
