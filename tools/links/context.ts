// The context a re-investigation gets: an addendum to the allegation naming the
// cluster, the partners and their decisions, and the attributes that bind them.
// It holds warehouse identifiers only, never shop names, descriptions or other
// seller-written text; an identifier that does not look like one (a warehouse can
// hold anything) is quoted as untrusted data rather than written into the prose.
import { AppError } from "../../domain/errors.js";
import type { Decision } from "../../domain/verdict.js";
import { untrustedBlock } from "../untrusted/quote.js";
import type { SellerCluster } from "./types.js";

const MAX_PARTNERS = 12;
const MAX_ATTRIBUTES = 12;
/** The allegation holds 4000 characters; the addendum leaves room for the original. */
export const MAX_CONTEXT_CHARS = 2400;
const IDENTIFIER = /^[\w.:/-]{1,80}$/;

function id(value: string, label: string): string {
  if (IDENTIFIER.test(value)) return value;
  return untrustedBlock({
    label,
    provenance: { source: "risk warehouse identifier" },
    text: value,
    maxChars: 80,
  });
}

/** The allegation addendum for re-investigating `forSeller` (or any member) of `cluster`. */
export function clusterContext(
  cluster: SellerCluster,
  decisions: Map<string, Decision>,
  forSeller?: string,
): string {
  if (!cluster || !Array.isArray(cluster.members) || !Array.isArray(cluster.bindings))
    throw new AppError("bad_argument", "clusterContext needs a cluster from clusterSellers");
  if (!(decisions instanceof Map))
    throw new AppError("bad_argument", "decisions must be a Map from seller id to decision");
  if (forSeller !== undefined && !cluster.members.includes(forSeller))
    throw new AppError("bad_argument", `${String(forSeller).slice(0, 80)} is not in ${cluster.id}`);
  const partners = cluster.members.filter((m) => m !== forSeller);
  const lines = [
    `Ring context: ${forSeller ? `seller ${id(forSeller, "seller_id")} belongs to` : "these sellers form"} cluster ${id(cluster.id, "cluster_id")} of ${cluster.members.length} sellers (link strength ${cluster.strength.toFixed(2)}), grouped because they share devices, IPs or payout accounts that few other accounts use.`,
    "Partners and the decisions their own investigations reached:",
    ...partners
      .slice(0, MAX_PARTNERS)
      .map(
        (m) => `- ${id(m, "seller_id")}: ${decisions.get(m) ?? "not investigated in this batch"}`,
      ),
  ];
  if (partners.length > MAX_PARTNERS) lines.push(`- and ${partners.length - MAX_PARTNERS} more`);
  lines.push("Shared attributes (rarest first; degree = accounts in the warehouse using it):");
  for (const b of cluster.bindings.slice(0, MAX_ATTRIBUTES)) {
    const holders = b.holders
      .map((h) => `${id(h.sellerId, "seller_id")} (${h.roles.join("+")})`)
      .join(", ");
    lines.push(`- ${b.kind} ${id(b.value, b.kind)}, degree ${b.degree}: ${holders}`);
  }
  if (cluster.bindings.length > MAX_ATTRIBUTES)
    lines.push(`- and ${cluster.bindings.length - MAX_ATTRIBUTES} more`);
  const closing =
    "Decide whether this seller takes part in the ring the shared attributes suggest; a partner's decision is context, not evidence about this seller.";
  // Whole lines only, so a quoted identifier is never cut inside its block.
  const kept: string[] = [];
  let length = closing.length + 20;
  for (const line of lines) {
    if (length + line.length + 1 > MAX_CONTEXT_CHARS) {
      kept.push("- (cut for length)");
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return [...kept, closing].join("\n");
}
