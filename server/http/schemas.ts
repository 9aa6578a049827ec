// The API's shapes as zod schemas: requests are validated with them, responses are
// checked against them in the tests, and /openapi.json is generated from them, so
// the document cannot drift from what the server does.
import { z } from "zod";
import { KeyName, Role } from "../../domain/api-key.js";
import { AuditEvent } from "../../domain/audit.js";
import { CaseInput, CaseStatus, EARLIEST_INSTANT_MS, Subject } from "../../domain/case.js";
import { Evidence } from "../../domain/evidence.js";
import {
  namesDecisionIfOverridden,
  OVERRIDE_RULE,
  ReviewFields,
  VerdictHash,
} from "../../domain/review.js";
import { Typology } from "../../domain/typology.js";
import { Decision, Verdict } from "../../domain/verdict.js";

/** A new case; unknown fields are refused so a misspelt field is not silently ignored. */
export const CreateCaseBody = z.strictObject(CaseInput.shape).meta({ id: "CreateCase" });

export const IdempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be 1–200 visible ASCII characters");

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((part) => part.trim()))
    .pipe(z.array(item).min(1).max(10));

/** An ISO instant the database can hold (zod alone accepts year 0). */
const Instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) >= EARLIEST_INSTANT_MS, "must be in year 1 or later");

export const ListCasesQuery = z.strictObject({
  status: csv(CaseStatus).optional().describe("comma-separated statuses"),
  decision: csv(Decision).optional().describe("comma-separated decisions of the latest verdict"),
  typology: Typology.optional().describe(
    "cases whose latest verdict gives this typology a probability of at least 0.5",
  ),
  subject: z
    .string()
    .regex(/^(seller|buyer|order):[\w.:-]{1,128}$/, "must read <seller|buyer|order>:<id>")
    .optional()
    .describe("type:id, e.g. seller:slr_00042"),
  created_after: Instant.optional(),
  created_before: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe("the next_cursor of the previous page"),
});

export const AuditQuery = z.strictObject({
  verify: z.enum(["true", "false"]).optional().describe("true: recompute the hash chain"),
});

export const EventsQuery = z.strictObject({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .optional()
    .describe("send events after this sequence number (or use Last-Event-ID)"),
});

export const ReviewBody = z
  .strictObject({
    ...ReviewFields,
    verdictHash: VerdictHash.describe("the hash of the verdict reviewed, from GET /v1/cases/{id}"),
  })
  .refine(namesDecisionIfOverridden, OVERRIDE_RULE)
  .meta({ id: "CreateReview" });

export const CreateKeyBody = z
  .strictObject({ name: KeyName, role: Role })
  .meta({ id: "CreateKey" });

// ---- responses

const Iso = z.iso.datetime({ offset: true });

export const CaseSummary = z
  .object({
    id: z.string(),
    status: CaseStatus,
    subject: Subject,
    allegation: z.string(),
    source: z.string(),
    priority: z.string(),
    typologyHints: z.array(Typology),
    asOf: Iso.nullable(),
    createdAt: Iso,
    startedAt: Iso.nullable(),
    decidedAt: Iso.nullable(),
    failedAt: Iso.nullable(),
    reviewedAt: Iso.nullable(),
    error: z.string().nullable().describe("why the case failed, when it did"),
    verdictHash: z.string().nullable(),
    decision: Decision.nullable(),
    recommendedAction: z.string().nullable(),
    riskScore: z.number().nullable(),
    typology: Typology.nullable().describe("the latest verdict's most probable typology"),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: "CaseSummary" });

export const ReviewResponse = z
  .object({
    reviewId: z.string(),
    caseId: z.string(),
    verdictHash: z.string(),
    reviewer: z.string(),
    outcome: z.enum(["approved", "overridden"]),
    decision: Decision.nullable(),
    reason: z.string(),
    createdAt: Iso,
  })
  .meta({ id: "Review" });

export const CaseDetail = CaseSummary.extend({
  verdict: Verdict.nullable(),
  reviews: z.array(ReviewResponse),
}).meta({ id: "Case" });

export const CaseList = z
  .object({ cases: z.array(CaseSummary), next_cursor: z.string().nullable() })
  .meta({ id: "CaseList" });

export const EvidenceList = z
  .object({
    caseId: z.string(),
    runId: z.string().nullable(),
    verdictHash: z.string().nullable(),
    evidence: z.array(Evidence),
  })
  .meta({ id: "EvidenceList" });

export const Verification = z.union([
  z.object({ ok: z.literal(true), events: z.number().int(), head: z.string() }),
  z.object({
    ok: z.literal(false),
    events: z.number().int(),
    brokenAt: z.number().int(),
    reason: z.string(),
  }),
]);

export const AuditTrail = z
  .object({
    caseId: z.string(),
    events: z.array(AuditEvent),
    verification: Verification.optional(),
  })
  .meta({ id: "AuditTrail" });

export const ApiKeyResponse = z
  .object({
    keyId: z.string(),
    name: z.string(),
    role: Role,
    createdAt: Iso,
    createdBy: z.string(),
    revokedAt: Iso.nullable(),
  })
  .meta({ id: "ApiKey" });

export const CreatedKey = z
  .object({
    key: ApiKeyResponse,
    token: z.string().describe("the key itself; shown once, only its hash is stored"),
  })
  .meta({ id: "CreatedKey" });

export const ProblemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(["body", "query", "header", "path"]),
          field: z.string(),
          pointer: z.string().optional(),
          detail: z.string(),
        }),
      )
      .optional(),
    reference: z.string().optional(),
  })
  .meta({ id: "Problem" });
