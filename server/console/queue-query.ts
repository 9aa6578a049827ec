// The queue page's query string, validated: an unknown value is dropped (the filter
// is then simply not applied) rather than failing the page, and the form shows what
// was applied.
import { z } from "zod";
import type { QueueFilter, QueueSort } from "../../db/repositories/console-queue.js";
import { CaseSource, CaseStatus } from "../../domain/case.js";
import { Typology } from "../../domain/typology.js";
import { Decision } from "../../domain/verdict.js";

export const PAGE_SIZE = 25;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
// A real calendar day the database accepts: JavaScript rolls 2026-02-31 over to March
// and takes year 0, PostgreSQL refuses both, so the day must survive a round trip.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return d >= "0001-01-01" && !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  });

const QueueQuery = z.object({
  status: optional(CaseStatus),
  decision: optional(Decision),
  typology: optional(Typology),
  needs_review: optional(z.literal("1")),
  source: optional(CaseSource),
  batch: optional(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w-]+$/),
  ),
  from: optional(day),
  to: optional(day),
  sort: z.enum(["risk", "oldest", "newest"]).catch("risk"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export function parseQueueQuery(query: unknown): QueueQuery {
  return QueueQuery.parse(query ?? {});
}

export function filterOf(q: QueueQuery): QueueFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.decision ? { decision: q.decision } : {}),
    ...(q.typology ? { typology: q.typology } : {}),
    ...(q.needs_review ? { needsReview: true } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.batch ? { batchId: q.batch } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  };
}

export const sortOf = (q: QueueQuery): QueueSort => q.sort;

/** The query string of the same view on another page. */
export function withPage(q: QueueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q))
    if (value !== undefined && key !== "page") params.set(key, String(value));
  params.set("page", String(page));
  return `?${params.toString()}`;
}
