// The seller routes' shapes as zod schemas: the query is validated with them and
// the OpenAPI document is generated from them (server/http/openapi.ts).
import { z } from "zod";
import { MAX_K } from "../../../tools/similar/index.js";

export const SimilarQuery = z.strictObject({
  k: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_K)
    .default(10)
    .describe(`how many neighbours (1 to ${MAX_K})`),
  as_of: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      "the instant to look from: the newest baseline snapshot at or before it (within 24 h) is used; unset: the seeded demo world's as-of, else now",
    ),
});

const Query = z.object({
  sql: z.string(),
  params: z.array(z.unknown()),
  settings: z.record(z.string(), z.string()).optional(),
});

const PastVerdict = z.object({
  caseId: z.string(),
  sellerId: z.string(),
  decision: z.string().describe("the latest verdict's decision"),
  verdictHash: z.string(),
  decidedAt: z.string(),
  overriddenTo: z.string().nullable().describe("an analyst's overriding decision, if any"),
});

export const SimilarSellersResponse = z
  .object({
    sellerId: z.string(),
    category: z.string(),
    snapshot: z.object({ id: z.string(), asOf: z.string() }),
    method: z.enum(["hnsw", "exact"]),
    k: z.number().int(),
    profile: z
      .array(z.number())
      .describe("the seller's percentile among its category peers for each catalogued indicator"),
    neighbours: z.array(
      z.object({
        sellerId: z.string(),
        category: z.string(),
        distance: z.number().describe("Euclidean distance between the profiles"),
        verdicts: z.array(PastVerdict).describe("its decided cases, newest first"),
      }),
    ),
    queries: z.object({ neighbours: Query, verdicts: Query }),
  })
  .meta({ id: "SimilarSellers" });
