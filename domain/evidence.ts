// Evidence: one thing an agent found, with exactly how it was obtained. Its id is
// derived from its content, so the same finding is the same evidence however often
// and by whichever agent it is retrieved.
import { z } from "zod";
import { hashOf } from "./canonical-json.js";

export const EvidenceKind = z.enum([
  "sql",
  "web",
  "kb",
  "indicator",
  "profile",
  "link",
  "manipulation_attempt",
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceSource = z.object({
  /** "sql" | "indicator" | "link": the query text; "web": the URL; "kb": the document id. */
  locator: z.string(),
  params: z.array(z.unknown()).default([]),
  /** What produced it: an indicator id, a provider, an agent. */
  via: z.string(),
});
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const Evidence = z.object({
  id: z.string().regex(/^ev_[0-9a-f]{16}$/),
  kind: EvidenceKind,
  source: EvidenceSource,
  retrieved_at: z.iso.datetime({ offset: true }),
  summary: z.string().max(600),
  /** Rows or a snippet, bounded in size. */
  data: z.unknown(),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** True for web pages and any seller- or buyer-written text. */
  untrusted: z.boolean(),
});
export type Evidence = z.infer<typeof Evidence>;

export interface EvidenceDraft {
  kind: EvidenceKind;
  source: EvidenceSource;
  summary: string;
  data: unknown;
  untrusted: boolean;
}

/** Content-addresses a draft: the hash covers kind, source and data, not when it was read. */
export function makeEvidence(draft: EvidenceDraft, retrievedAt: string): Evidence {
  const content_hash = hashOf({ kind: draft.kind, source: draft.source, data: draft.data });
  return Evidence.parse({
    id: `ev_${content_hash.slice(0, 16)}`,
    kind: draft.kind,
    source: draft.source,
    retrieved_at: retrievedAt,
    summary: draft.summary.length > 600 ? `${draft.summary.slice(0, 597)}...` : draft.summary,
    data: draft.data,
    content_hash,
    untrusted: draft.untrusted,
  });
}

/** Merges evidence lists keeping the first of each id (the graph's evidence reducer). */
export function mergeEvidence(
  current: readonly Evidence[],
  incoming: readonly Evidence[],
): Evidence[] {
  const seen = new Set(current.map((e) => e.id));
  const merged = [...current];
  for (const item of incoming) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      merged.push(item);
    }
  }
  return merged;
}
