// GET /console — the queue, filtered and paged by its query string.
import { Router } from "express";
import { readQueue } from "../../db/repositories/console-queue.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import type { Queryable } from "../../db/types.js";
import { queuePage } from "./queue-page.js";
import { filterOf, PAGE_SIZE, parseQueueQuery, sortOf } from "./queue-query.js";
import { requireSession, sessionOf } from "./session.js";

export function queueRoutes(deps: { db: Queryable }): Router {
  const router = Router();
  router.get("/console", requireSession, async (req, res) => {
    const q = parseQueueQuery(req.query);
    const found = await readQueue(deps.db, filterOf(q), {
      sort: sortOf(q),
      limit: PAGE_SIZE,
      offset: (q.page - 1) * PAGE_SIZE,
    });
    const notice = req.query.none ? "No unassigned case is waiting for review." : undefined;
    res
      .type("text/html; charset=utf-8")
      .send(queuePage(sessionOf(res) as ConsoleSession, q, found, notice));
  });
  return router;
}
