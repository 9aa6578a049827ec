// GET /v1/sellers/:id/similar: the sellers whose risk profile lies nearest this
// one's in the newest baseline snapshot at or before the as-of, with their past
// verdicts (tools/similar).
import { type Request, type Response, Router } from "express";
import { seededWorldAsOf } from "../../../db/repositories/baseline-snapshots.js";
import type { Database } from "../../../db/types.js";
import { similarSellers } from "../../../tools/similar/index.js";
import { requires } from "../auth.js";
import { methodNotAllowed } from "../problem.js";
import { parseOr400 } from "../validate.js";
import { SimilarQuery } from "./sellers-schemas.js";

export function sellerRoutes(deps: { db: Database; now: () => Date }): Router {
  const router = Router();
  router
    .route("/v1/sellers/:id/similar")
    .get(requires("read"), async (req: Request<{ id: string }>, res: Response) => {
      const query = parseOr400(SimilarQuery, req.query, "query");
      const asOf = query.as_of ?? (await seededWorldAsOf(deps.db)) ?? deps.now().toISOString();
      res.json(await similarSellers(deps.db, req.params.id, { asOf, k: query.k }));
    })
    .all(methodNotAllowed(["GET"]));
  return router;
}
