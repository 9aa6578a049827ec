// Flagged sellers in the warehouse (risk.flags): the selection a re-review batch
// starts from, and the default allegation of a seller built from its flags
// ("re-review: flagged by risk_model:network (score 0.91): dense buyer-seller overlap").
import type { Queryable } from "../../db/types.js";
import type { FlaggedSelection } from "../../domain/batch.js";

export interface Flag {
  sellerId: string;
  source: string;
  score: number;
  reason: string;
}

/** Flags named in one allegation (the strongest first). */
const FLAGS_PER_ALLEGATION = 3;

export function flagAllegation(flags: readonly Flag[]): string {
  const parts = flags
    .slice(0, FLAGS_PER_ALLEGATION)
    .map((f) => `flagged by ${f.source} (score ${f.score.toFixed(2)}): ${f.reason}`);
  const more =
    flags.length > FLAGS_PER_ALLEGATION
      ? ` (+${flags.length - FLAGS_PER_ALLEGATION} more flags)`
      : "";
  return `re-review: ${parts.join("; ")}${more}`.slice(0, 4000);
}

/** The WHERE clause of the selection's flag criteria, on risk.flags aliased f. */
function criteria(selection: FlaggedSelection, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ["f.entity_type = 'seller'"];
  if (selection.flagSource !== undefined) where.push(`f.source = ${param(selection.flagSource)}`);
  if (selection.minScore !== undefined)
    where.push(`f.score >= ${param(selection.minScore)}::float8`);
  if (selection.since !== undefined)
    where.push(`f.created_at >= ${param(selection.since)}::timestamptz`);
  if (selection.until !== undefined)
    where.push(`f.created_at < ${param(selection.until)}::timestamptz`);
  if (selection.category !== undefined)
    where.push(
      `EXISTS (SELECT 1 FROM risk.sellers s WHERE s.seller_id = f.entity_id AND s.category = ${param(selection.category)})`,
    );
  return where.join(" AND ");
}

/**
 * The sellers the selection names, strongest flag first, leaving out `exclude`
 * (sellers reviewed recently), each with its matching flags, strongest first.
 */
export async function selectFlaggedSellers(
  warehouse: Queryable,
  selection: FlaggedSelection,
  exclude: readonly string[],
): Promise<{ sellerId: string; flags: Flag[] }[]> {
  const params: unknown[] = [];
  const where = criteria(selection, params);
  params.push(exclude, selection.limit);
  const { rows: sellers } = await warehouse.query<{ seller_id: string }>(
    `SELECT f.entity_id AS seller_id FROM risk.flags f
      WHERE ${where} AND NOT (f.entity_id = ANY($${params.length - 1}::text[]))
      GROUP BY f.entity_id ORDER BY max(f.score) DESC, f.entity_id LIMIT $${params.length}`,
    params,
  );
  const ids = sellers.map((s) => s.seller_id);
  const flags = await flagsOf(warehouse, ids, selection);
  return ids.map((sellerId) => ({ sellerId, flags: flags.get(sellerId) ?? [] }));
}

/** The sellers' flags (those matching `selection` when given), strongest first. */
export async function flagsOf(
  warehouse: Queryable,
  sellerIds: readonly string[],
  selection?: FlaggedSelection,
): Promise<Map<string, Flag[]>> {
  const params: unknown[] = [];
  const where = selection ? criteria(selection, params) : "f.entity_type = 'seller'";
  params.push(sellerIds);
  const { rows } = await warehouse.query<{
    entity_id: string;
    source: string;
    score: number;
    reason: string;
  }>(
    `SELECT f.entity_id, f.source, f.score::float8 AS score, f.reason FROM risk.flags f
      WHERE ${where} AND f.entity_id = ANY($${params.length}::text[])
      ORDER BY f.entity_id, f.score DESC, f.created_at DESC, f.flag_id`,
    params,
  );
  const bySeller = new Map<string, Flag[]>();
  for (const r of rows) {
    const list = bySeller.get(r.entity_id) ?? [];
    list.push({
      sellerId: r.entity_id,
      source: r.source,
      score: Number(r.score),
      reason: r.reason,
    });
    bySeller.set(r.entity_id, list);
  }
  return bySeller;
}

/** Sellers with an analyst review of one of their cases at or after `since` (casehound.reviews). */
export async function sellersReviewedSince(app: Queryable, since: string): Promise<string[]> {
  const { rows } = await app.query<{ subject_id: string }>(
    `SELECT DISTINCT c.subject_id FROM casehound.reviews r
       JOIN casehound.cases c ON c.case_id = r.case_id
      WHERE c.subject_type = 'seller' AND r.created_at >= $1::timestamptz`,
    [since],
  );
  return rows.map((r) => r.subject_id);
}
