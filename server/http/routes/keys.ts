// Key management for admins: POST /v1/keys creates a key (its token is in the
// response, once), GET lists keys (never their secrets), DELETE revokes one.
import { type Request, Router } from "express";
import { createApiKey, listApiKeys, revokeApiKey } from "../../../db/repositories/api-keys.js";
import type { Database } from "../../../db/types.js";
import { type Authenticator, apiKeyOf, requires } from "../auth.js";
import { jsonBody } from "../body.js";
import { methodNotAllowed } from "../problem.js";
import { CreateKeyBody } from "../schemas.js";
import { parseOr400 } from "../validate.js";

export function keyRoutes(deps: {
  db: Database;
  auth: Authenticator;
  now: () => Date;
  bodyBytes: number;
}): Router {
  const router = Router();
  router
    .route("/v1/keys")
    .post(requires("manage_keys"), ...jsonBody(deps.bodyBytes), async (req, res) => {
      const body = parseOr400(CreateKeyBody, req.body, "body");
      const admin = apiKeyOf(res.locals);
      const created = await createApiKey(
        deps.db,
        { ...body, createdBy: `api:${admin.name} [${admin.keyId}]` },
        deps.now(),
      );
      res.status(201).set("Cache-Control", "no-store").json(created);
    })
    .get(requires("manage_keys"), async (_req, res) => {
      res.json({ keys: await listApiKeys(deps.db) });
    })
    .all(methodNotAllowed(["GET", "POST"]));

  router
    .route("/v1/keys/:keyId")
    .delete(requires("manage_keys"), async (req: Request<{ keyId: string }>, res) => {
      const revoked = await revokeApiKey(deps.db, req.params.keyId, deps.now());
      deps.auth.forget(revoked.keyId);
      res.json(revoked);
    })
    .all(methodNotAllowed(["DELETE"]));
  return router;
}
