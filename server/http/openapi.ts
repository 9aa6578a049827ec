// /openapi.json: an OpenAPI 3.1 document generated from the same zod schemas the
// server validates with (requests as input, responses as output).
import { z } from "zod";
import { PROBLEM_TYPE_PREFIX } from "./problem.js";
import * as B from "./routes/batches-schemas.js";
import * as L from "./routes/sellers-schemas.js";
import * as S from "./schemas.js";

type Json = Record<string, unknown>;

function components(schemas: Record<string, z.ZodType>, io: "input" | "output"): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(out).map(([id, { $id: _i, $schema: _s, ...schema }]) => [id, schema]),
  );
}

function queryParameters(schema: z.ZodObject): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _s, ...json } = z.toJSONSchema(field as z.ZodType, {
      io: "input",
      unrepresentable: "any",
    }) as Json;
    return {
      name,
      in: "query",
      required: false,
      ...(typeof json.description === "string" ? { description: json.description } : {}),
      schema: json,
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const caseId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const batchId = { ...caseId, description: "the batch's id" };
const errors = {
  "400": problem("invalid request (the offending fields are listed in `errors`)"),
  "401": problem("no valid API key"),
  "403": problem("the key's role may not do this"),
  "429": problem("over the key's rate limit (see Retry-After)"),
};

export function buildOpenApi(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "casehound",
      version: "0.1.0",
      description: `Submit escalated e-commerce fraud cases, follow their investigation, read the auditable verdict and review it. Errors are RFC 9457 problem details whose \`type\` is \`${PROBLEM_TYPE_PREFIX}<code>\`.`,
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "chk_… key" } },
      schemas: {
        ...components(
          {
            CreateCase: S.CreateCaseBody,
            CreateReview: S.ReviewBody,
            CreateKey: S.CreateKeyBody,
            CreateBatch: B.CreateBatchBody,
          },
          "input",
        ),
        ...components(
          {
            Case: S.CaseDetail,
            CaseSummary: S.CaseSummary,
            CaseList: S.CaseList,
            EvidenceList: S.EvidenceList,
            AuditTrail: S.AuditTrail,
            Review: S.ReviewResponse,
            ApiKey: S.ApiKeyResponse,
            CreatedKey: S.CreatedKey,
            Problem: S.ProblemResponse,
            Batch: B.BatchResponse,
            BatchProgress: B.BatchProgressSchema,
            BatchCluster: B.BatchClusterSchema,
            BatchList: B.BatchList,
            BatchResult: B.BatchResultRowSchema,
            BatchResults: B.BatchResults,
            CancelledBatch: B.CancelledBatch,
            SimilarSellers: L.SimilarSellersResponse,
          },
          "output",
        ),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/v1/cases": {
        post: {
          summary: "Submit a case (roles: service, analyst)",
          description:
            "Stores the case and queues its investigation. The same Idempotency-Key (per API key) with the same body returns the same case; with a different body it is a 409.",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 200 },
            },
          ],
          requestBody: { required: true, content: json("CreateCase") },
          responses: {
            "202": { description: "stored and queued", content: json("Case") },
            ...errors,
            "409": problem("the Idempotency-Key was used for a different case"),
            "413": problem("body too large"),
            "415": problem("not JSON"),
          },
        },
        get: {
          summary: "List cases, newest first (all roles)",
          parameters: queryParameters(S.ListCasesQuery),
          responses: { "200": { description: "a page", content: json("CaseList") }, ...errors },
        },
      },
      "/v1/cases/{id}": {
        get: {
          summary: "One case: status, verdict, reviews",
          parameters: [caseId],
          responses: {
            "200": { description: "the case", content: json("Case") },
            ...errors,
            "404": problem("no such case"),
          },
        },
      },
      "/v1/cases/{id}/evidence": {
        get: {
          summary: "The evidence of the latest verdict",
          parameters: [caseId],
          responses: {
            "200": { description: "evidence", content: json("EvidenceList") },
            ...errors,
            "404": problem("no such case"),
          },
        },
      },
      "/v1/cases/{id}/audit": {
        get: {
          summary: "The case's hash-chained audit trail",
          parameters: [caseId, ...queryParameters(S.AuditQuery)],
          responses: {
            "200": { description: "the chain", content: json("AuditTrail") },
            ...errors,
            "404": problem("no such case"),
          },
        },
      },
      "/v1/cases/{id}/report": {
        get: {
          summary: "The case report (Accept: text/markdown or text/html)",
          parameters: [caseId],
          responses: {
            "200": {
              description: "the report",
              content: { "text/markdown": {}, "text/html": {} },
            },
            ...errors,
            "404": problem("no such case"),
            "406": problem("neither Markdown nor HTML is acceptable"),
            "409": problem("no verdict yet"),
          },
        },
      },
      "/v1/cases/{id}/events": {
        get: {
          summary: "Server-sent events as the run progresses",
          description:
            "One SSE event per audit event (event: its kind, id: its seq, data: the event as JSON), then `event: end` once the case is decided or failed. Reconnect with Last-Event-ID.",
          parameters: [caseId, ...queryParameters(S.EventsQuery)],
          responses: {
            "200": { description: "event stream", content: { "text/event-stream": {} } },
            ...errors,
            "404": problem("no such case"),
          },
        },
      },
      "/v1/cases/{id}/reviews": {
        post: {
          summary: "Approve or override the verdict (role: analyst)",
          parameters: [caseId],
          requestBody: { required: true, content: json("CreateReview") },
          responses: {
            "201": { description: "recorded", content: json("Review") },
            ...errors,
            "404": problem("no such case"),
            "409": problem("not decided yet, or verdictHash is not the case's verdict"),
          },
        },
        get: {
          summary: "The case's reviews",
          parameters: [caseId],
          responses: { "200": { description: "reviews" }, ...errors },
        },
      },
      ...batchPaths(),
      ...sellerPaths(),
      "/v1/keys": {
        post: {
          summary: "Create an API key (role: admin)",
          requestBody: { required: true, content: json("CreateKey") },
          responses: { "201": { description: "created", content: json("CreatedKey") }, ...errors },
        },
        get: {
          summary: "List API keys (role: admin)",
          responses: { "200": { description: "keys" }, ...errors },
        },
      },
      "/v1/keys/{keyId}": {
        delete: {
          summary: "Revoke an API key (role: admin)",
          parameters: [{ name: "keyId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "revoked", content: json("ApiKey") }, ...errors },
        },
      },
      "/healthz": {
        get: { summary: "Liveness", security: [], responses: { "200": { description: "alive" } } },
      },
      "/readyz": {
        get: {
          summary: "Readiness (database reachable, not stopping)",
          security: [],
          responses: { "200": { description: "ready" }, "503": problem("not ready") },
        },
      },
      "/metrics": {
        get: {
          summary: "Prometheus metrics (any role)",
          responses: { "200": { description: "metrics" } },
        },
      },
    },
  };
}

function batchPaths(): Json {
  return {
    "/v1/batches": {
      post: {
        summary: "Create a batch of cases (roles: service, analyst)",
        description:
          "Re-reviews flagged sellers (`flagged`: flag source, minimum score, window, category, not reviewed since, limit) or the given `subjects`, each as an ordinary case (source `batch`) with its own audit chain, queued at once. A row intake refuses is listed in the results with its reason. The same Idempotency-Key (per API key) with the same body returns the same batch and cases; with a different body it is a 409.",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            schema: { type: "string", maxLength: 200 },
          },
        ],
        requestBody: { required: true, content: json("CreateBatch") },
        responses: {
          "202": { description: "stored and queued", content: json("Batch") },
          ...errors,
          "409": problem("the Idempotency-Key was used for a different batch"),
          "413": problem("body too large"),
          "415": problem("not JSON"),
        },
      },
      get: {
        summary: "List batches, newest first (all roles)",
        parameters: queryParameters(B.ListBatchesQuery),
        responses: { "200": { description: "a page", content: json("BatchList") }, ...errors },
      },
    },
    "/v1/batches/{id}": {
      get: {
        summary: "One batch with its progress (cases by state, cases/s, ETA) and its ring clusters",
        description:
          "Once every case has settled, a worker groups the batch's sellers into ring clusters (shared devices, IPs, payout accounts, shipping addresses; hubs left out by degree), once per batch. A cluster whose members were decided fraud and not_fraud is `inconsistent`: the members it names (`reinvestigate`) are investigated again, once, as re-review rows of the same batch (`reviewOf` in the results), so `total` grows and `progress.finished` turns false until they settle. `clusters` is null until then.",
        parameters: [batchId],
        responses: {
          "200": { description: "the batch", content: json("Batch") },
          ...errors,
          "404": problem("no such batch"),
        },
      },
    },
    "/v1/batches/{id}/results": {
      get: {
        summary:
          "The batch's rows in order: decision, typology, risk, action, case, verdict hash, reason, ring cluster, and for a re-review row the case it re-reviews",
        parameters: [batchId, ...queryParameters(B.BatchResultsQuery)],
        responses: {
          "200": { description: "a page", content: json("BatchResults") },
          ...errors,
          "404": problem("no such batch"),
        },
      },
    },
    "/v1/batches/{id}/cancel": {
      post: {
        summary:
          "Cancel a batch: its queued cases never run; running ones finish (roles: service, analyst)",
        parameters: [batchId],
        responses: {
          "200": { description: "cancelled", content: json("CancelledBatch") },
          ...errors,
          "404": problem("no such batch"),
        },
      },
    },
    "/v1/batches/{id}/events": {
      get: {
        summary: "Server-sent events as the batch progresses",
        description:
          "`event: progress` with the batch's progress (a BatchProgress) each time its counts change, then `event: end` with the final progress once no case is pending, queued or running.",
        parameters: [batchId],
        responses: {
          "200": { description: "event stream", content: { "text/event-stream": {} } },
          ...errors,
          "404": problem("no such batch"),
        },
      },
    },
  };
}

function sellerPaths(): Json {
  return {
    "/v1/sellers/{id}/similar": {
      get: {
        summary:
          "The sellers whose risk profile looks most like this one, with their past verdicts",
        description:
          "A seller's profile is its percentile among its category peers for every catalogued indicator, stored with each baseline snapshot. Neighbours are the nearest profiles by Euclidean distance through the HNSW index, in the newest snapshot at or before `as_of` (within 24 h), each with its decided cases; `queries` records the SQL and parameters the answer rests on.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          ...queryParameters(L.SimilarQuery),
        ],
        responses: {
          "200": { description: "the nearest sellers", content: json("SimilarSellers") },
          ...errors,
          "404": problem("no such seller in the snapshot"),
          "409": problem(
            "no baseline snapshot with seller profiles: run `casehound baselines refresh`",
          ),
        },
      },
    },
  };
}
