// intake: resolve the subject in the warehouse and record its profile as evidence.
// An order resolves to its seller; an unknown subject (or a buyer, which the
// offline playbooks do not investigate) ends the run with a clear reason.
import type { RunnableConfig } from "@langchain/core/runnables";
import { hashOf } from "../../domain/canonical-json.js";
import { makeEvidence } from "../../domain/evidence.js";
import type { SellerProfile } from "../../domain/profile.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { modelsOf } from "./model-calls.js";
import { evidenceEvent, stepRecorder } from "./record.js";

const PROFILE_SQL = `SELECT s.seller_id, s.shop_name, s.category, s.country, s.registered_at, s.kyc_status, s.status, s.description,
       coalesce((SELECT array_agg(DISTINCT f.source ORDER BY f.source) FROM risk.flags f
                  WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id AND f.created_at <= $2::timestamptz), '{}') AS flag_sources,
       coalesce((SELECT array_agg(DISTINCT f.reason ORDER BY f.reason) FROM risk.flags f
                  WHERE f.entity_type = 'seller' AND f.entity_id = s.seller_id AND f.created_at <= $2::timestamptz), '{}') AS flag_reasons,
       (SELECT count(*) FROM risk.enforcement_actions e WHERE e.entity_type = 'seller' AND e.entity_id = s.seller_id
          AND e.created_at <= $2::timestamptz AND e.action <> 'reinstate') AS prior_enforcement
  FROM risk.sellers s WHERE s.seller_id = $1`;

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

export async function intake(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const now = () => deps.now().toISOString();
  const record = stepRecorder(deps, "intake", 0);
  await record("run_started", {
    run_id: deps.runId,
    as_of: state.asOf,
    subject: state.case.subject,
    budget: deps.budget,
    mode: deps.gateway ? "llm" : "offline",
    // Offline runs keep the payload they always had, so stored runs replay as before.
    ...(deps.gateway ? { models: modelsOf(deps) } : {}),
    ...(deps.embedder
      ? { embedding: { model: deps.embedder.model, dims: deps.embedder.dims } }
      : {}),
    ...(deps.searchProviders.length
      ? { search_providers: deps.searchProviders.map((p) => p.name) }
      : {}),
  });
  const subject = state.case.subject;
  let sellerId = subject.id;
  const evidence = [];
  let queries = 0;

  if (subject.type === "buyer") {
    return {
      profile: null,
      unresolved: `buyer ${subject.id}: the offline playbooks investigate sellers; escalate the buyer's seller, or configure a model`,
      iteration: 0,
    };
  }
  if (subject.type === "order") {
    const sql =
      "SELECT order_id, seller_id, buyer_id, status, created_at, total_cents FROM risk.orders WHERE order_id = $1";
    const { rows } = await deps.warehouse.query<{ seller_id: string }>(sql, [subject.id]);
    queries++;
    await record("sql_executed", {
      purpose: "resolve the order",
      query: sql,
      params: [subject.id],
      rows: rows.length,
      result_hash: hashOf(rows),
    });
    if (!rows[0])
      return {
        profile: null,
        unresolved: `order ${subject.id} is not in the warehouse`,
        usage: { sqlQueries: queries },
        iteration: 0,
      };
    sellerId = rows[0].seller_id;
    evidence.push(
      makeEvidence(
        {
          kind: "profile",
          source: { locator: sql, params: [subject.id], via: "intake" },
          summary: `order ${subject.id} was sold by ${sellerId}; investigating the seller`,
          data: rows[0],
          untrusted: false,
        },
        now(),
      ),
    );
  }

  const { rows } = await deps.warehouse.query<ProfileRow>(PROFILE_SQL, [sellerId, state.asOf]);
  queries++;
  await record("sql_executed", {
    purpose: "resolve the seller",
    query: PROFILE_SQL,
    params: [sellerId, state.asOf],
    rows: rows.length,
    result_hash: hashOf(rows),
  });
  const row = rows[0];
  if (!row)
    return {
      profile: null,
      unresolved: `seller ${sellerId} is not in the warehouse`,
      usage: { sqlQueries: queries },
      iteration: 0,
    };

  const profile: SellerProfile = {
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
  evidence.push(
    makeEvidence(
      {
        kind: "profile",
        source: { locator: PROFILE_SQL, params: [sellerId, state.asOf], via: "intake" },
        summary: `${profile.shopName} (${profile.category}, ${profile.country}), registered ${profile.registeredAt.slice(0, 10)}, KYC ${profile.kycStatus}, ${profile.flagSources.length} flag sources`,
        data: profile,
        untrusted: false,
      },
      now(),
    ),
  );
  if (row.description) {
    evidence.push(
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
  }
  for (const e of evidence) await record("evidence_added", evidenceEvent(e));
  evidence.push(...(await scanFound(deps, record, evidence)));
  return {
    profile,
    unresolved: null,
    evidence,
    usage: { sqlQueries: queries, rows: 1 },
    iteration: 0,
  };
}
