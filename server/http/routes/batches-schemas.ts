// The batch API's shapes as zod schemas: requests are validated with them and the
// OpenAPI document is generated from them (server/http/openapi.ts).
import { z } from "zod";
import { BatchRow, BatchRowState, FlaggedSelection } from "../../../domain/batch.js";
import { Subject } from "../../../domain/case.js";
import { Typology } from "../../../domain/typology.js";
import { Decision, RecommendedAction } from "../../../domain/verdict.js";

/** A batch created over HTTP is bounded so one request stores it in seconds. */
export const API_MAX_BATCH_ROWS = 1_000;

const ApiSelection = FlaggedSelection.extend({
  limit: z
    .number()
    .int()
    .min(1)
    .max(API_MAX_BATCH_ROWS)
    .default(100)
    .describe("at most this many sellers, highest flag score first"),
});

const SubjectRow = z.strictObject({
  subject: Subject,
  allegation: BatchRow.shape.allegation.describe("unset: built from the seller's flags"),
  asOf: BatchRow.shape.asOf.describe("the instant the case looks from"),
});

export const CreateBatchBody = z
  .strictObject({
    flagged: ApiSelection.optional().describe("re-review flagged sellers (risk.flags)"),
    subjects: z
      .array(SubjectRow)
      .min(1)
      .max(API_MAX_BATCH_ROWS)
      .optional()
      .describe("or: these subjects"),
  })
  .refine(
    (b) => (b.flagged === undefined) !== (b.subjects === undefined),
    "give exactly one of flagged and subjects",
  )
  .meta({ id: "CreateBatch" });

export const ListBatchesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe("the next_cursor of the previous page"),
});

export const BatchResultsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe("the next_cursor of the previous page"),
});

const Iso = z.iso.datetime({ offset: true });

export const BatchProgressSchema = z
  .object({
    total: z.number().int(),
    counts: z.record(BatchRowState, z.number().int()),
    done: z.number().int().describe("rows decided, reviewed, failed, refused or cancelled"),
    finished: z.boolean().describe("no row pending, queued or running"),
    casesPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
  })
  .meta({ id: "BatchProgress" });

export const BatchClusterSchema = z
  .object({
    id: z.string().describe("ring_ + 16 hex digits of sha256 over the sorted members"),
    members: z.array(z.string()).describe("seller ids, sorted"),
    bindings: z
      .array(
        z.object({
          kind: z.enum(["device", "ip", "payout_account", "address"]),
          value: z.string(),
          degree: z.number().int().describe("accounts in the warehouse using it"),
          weight: z.number().describe("1 / log2(1 + degree)"),
          holders: z.array(
            z.object({
              sellerId: z.string(),
              roles: z.array(z.enum(["login", "payout", "order"])),
            }),
          ),
        }),
      )
      .describe("the shared non-hub attributes that bind members, rarest first"),
    strength: z.number().describe("the binding attributes' summed weight"),
    inconsistent: z
      .boolean()
      .describe("a member was decided fraud and another not_fraud when the batch first finished"),
    reason: z.string().nullable(),
    reinvestigate: z
      .array(z.string())
      .describe("members investigated again as re-review rows, with the cluster as context"),
  })
  .meta({ id: "BatchCluster" });

export const BatchResponse = z
  .object({
    id: z.string(),
    origin: z
      .object({ kind: z.enum(["flagged", "file", "subjects"]) })
      .catchall(z.unknown())
      .describe("the selection's criteria, or the file's name and format"),
    createdBy: z.string(),
    createdAt: Iso,
    cancelledAt: Iso.nullable(),
    cancelledBy: z.string().nullable(),
    total: z.number().int().describe("rows, re-review rows included"),
    progress: BatchProgressSchema,
    clusteredAt: Iso.nullable().describe("when the finished batch's sellers were clustered"),
    clusters: z
      .array(BatchClusterSchema)
      .nullable()
      .describe("ring clusters of its sellers, strongest first; null until the batch finished"),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: "Batch" });

export const BatchList = z
  .object({ batches: z.array(BatchResponse), next_cursor: z.string().nullable() })
  .meta({ id: "BatchList" });

export const BatchResultRowSchema = z
  .object({
    position: z.number().int(),
    subject: z.string().describe("type:id"),
    state: BatchRowState,
    caseId: z.string().nullable().describe("null when intake refused the row"),
    decision: Decision.nullable(),
    typology: Typology.nullable().describe("the verdict's most probable typology"),
    riskScore: z.number().nullable(),
    recommendedAction: RecommendedAction.nullable(),
    needsReview: z.boolean().nullable(),
    verdictHash: z.string().nullable(),
    reason: z.string().nullable().describe("why the row failed, was refused or cancelled"),
    cluster: z
      .string()
      .nullable()
      .describe("the ring cluster of the row's seller; null before the batch finished, or in none"),
    reviewOf: z
      .string()
      .nullable()
      .describe(
        "a re-review row: the case of the original row its seller is investigated again beside",
      ),
  })
  .meta({ id: "BatchResult" });

export const BatchResults = z
  .object({
    batchId: z.string(),
    results: z.array(BatchResultRowSchema),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: "BatchResults" });

export const CancelledBatch = z
  .object({ batch: BatchResponse, cancelledCases: z.number().int() })
  .meta({ id: "CancelledBatch" });
