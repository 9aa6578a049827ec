// Resolves a case's subject in the warehouse: an order to its seller, a seller to
// its profile snapshot as of the case's instant (age, category, status, flags and
// enforcement known by then), with the seller's own shop description kept apart as
// untrusted text. Every query is returned with its result hash for the audit chain.

import type { Queryable } from "../../db/types.js";
import { hashOf } from "../../domain/canonical-json.js";
import type { Subject } from "../../domain/case.js";
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { SellerProfile } from "../../domain/profile.js";

export const PROFILE_SQL = `SELECT s.seller_id, s.shop_name, s.category, s.country, s.registered_at, s.kyc_status, s.status, s.description,
       coalesce((SELECT array_agg(DISTINCT f.source ORDER BY f.source) FROM risk.flags f
                  WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id AND f.created_at <= $2::timestamptz), '{}') AS flag_sources,
       coalesce((SELECT array_agg(DISTINCT f.reason ORDER BY f.reason) FROM risk.flags f
                  WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id AND f.created_at <= $2::timestamptz), '{}') AS flag_reasons,
       (SELECT count(*) FROM risk.enforcement_actions e WHERE e.entity_type = 'seller' AND e.entity_id = s.seller_id
          AND e.created_at <= $2::timestamptz AND e.action <> 'reinstate') AS prior_enforcement
  FROM risk.sellers s WHERE s.seller_id = $1`;

const ORDER_SQL =
  "SELECT order_id, seller_id, buyer_id, status, created_at, total_cents FROM risk.orders WHERE order_id = $1";

interface ProfileRow {
  seller_id: string;
  shop_name: string;
  category: string;
  country: string;
  registered_at: Date;
  kyc_status: string;
  status: string;
  description: string | null;
  flag_sources: string[];
  flag_reasons: string[];
  prior_enforcement: number;
}

export interface ProfileQuery {
  purpose: string;
  query: string;
  params: unknown[];
  rows: number;
  result_hash: string;
}

export interface Resolution {
  profile: SellerProfile | null;
  /** Why the subject could not be investigated; null when it resolved. */
  unresolved: string | null;
  evidence: Evidence[];
  queries: ProfileQuery[];
}

function profileOf(row: ProfileRow): SellerProfile {
  return {
    sellerId: row.seller_id,
    shopName: row.shop_name,
    category: row.category,
    country: row.country,
    registeredAt: new Date(row.registered_at).toISOString(),
    kycStatus: row.kyc_status,
    status: row.status,
    flagSources: row.flag_sources,
    flagReasons: row.flag_reasons,
    priorEnforcement: Number(row.prior_enforcement),
  };
}

async function ask<Row>(
  warehouse: Queryable,
  out: Resolution,
  purpose: string,
  query: string,
  params: unknown[],
): Promise<Row | undefined> {
  const { rows } = await warehouse.query<Row>(query, params);
  out.queries.push({ purpose, query, params, rows: rows.length, result_hash: hashOf(rows) });
  return rows[0];
}

export async function resolveSubject(
  warehouse: Queryable,
  subject: Subject,
  asOf: string,
  now: () => string,
): Promise<Resolution> {
  const out: Resolution = { profile: null, unresolved: null, evidence: [], queries: [] };
  if (subject.type === "buyer")
    return {
      ...out,
      unresolved: `buyer ${subject.id}: the offline playbooks investigate sellers; escalate the buyer's seller, or configure a model`,
    };
  let sellerId = subject.id;
  if (subject.type === "order") {
    const order = await ask<{ seller_id: string }>(warehouse, out, "resolve the order", ORDER_SQL, [
      subject.id,
    ]);
    if (!order) return { ...out, unresolved: `order ${subject.id} is not in the warehouse` };
    sellerId = order.seller_id;
    out.evidence.push(
      makeEvidence(
        {
          kind: "profile",
          source: { locator: ORDER_SQL, params: [subject.id], via: "intake" },
          summary: `order ${subject.id} was sold by ${sellerId}; investigating the seller`,
          data: order,
          untrusted: false,
        },
        now(),
      ),
    );
  }
  const params = [sellerId, asOf];
  const row = await ask<ProfileRow>(warehouse, out, "resolve the seller", PROFILE_SQL, params);
  if (!row) return { ...out, unresolved: `seller ${sellerId} is not in the warehouse` };
  const profile = profileOf(row);
  out.evidence.push(
    makeEvidence(
      {
        kind: "profile",
        source: { locator: PROFILE_SQL, params, via: "intake" },
        summary: `${profile.shopName} (${profile.category}, ${profile.country}), registered ${profile.registeredAt.slice(0, 10)}, KYC ${profile.kycStatus}, ${profile.flagSources.length} flag sources`,
        data: profile,
        untrusted: false,
      },
      now(),
    ),
  );
  if (row.description)
    out.evidence.push(
      makeEvidence(
        {
          kind: "profile",
          source: { locator: "risk.sellers.description", params: [sellerId], via: "intake" },
          summary: "the seller's own shop description (seller-written, untrusted)",
          data: { description: row.description.slice(0, 2000) },
          untrusted: true,
        },
        now(),
      ),
    );
  return { ...out, profile };
}
