// The densest seller–buyer block around the seller, against its category, as
// evidence of kind `link`: the block's other shop, its common buyers weighted by
// exclusivity against what the two shops' sizes predict, the chance of that under
// independence, where the score stands among the category's sampled sellers, the
// orders behind it and the statements that read it. Context for the reasoner and
// the analyst: no reading cites it, so it moves no score. Pure.
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { Neighbourhood } from "../../tools/links/index.js";
import { source } from "./source.js";

export function densityEvidence(n: Neighbourhood, at: string): Evidence {
  const d = n.density;
  const queries = n.queries.filter(
    (q) => q.purpose === "hop 1: shared buyers" || q.purpose.includes("against the category"),
  );
  const standing =
    d.percentile === null
      ? `no sampled seller of its category (${d.category ?? "unknown"}) to compare with`
      : `denser than ${d.percentile}% of ${d.peers} sampled ${d.category} sellers (their p50 ${d.p50}, p90 ${d.p90}, p99 ${d.p99})`;
  return makeEvidence(
    {
      kind: "link",
      source: source(queries),
      summary: d.other
        ? `${n.subject}'s densest seller–buyer block is with ${d.other}: ${d.buyers} common buyers, ${d.weighted} weighted by exclusivity against ${d.expected} expected from the shops' sizes (chance 10^-${d.score.toFixed(1)}); ${standing}`
        : `${n.subject} shares no two buyers' worth of exclusive custom with any shop (score 0); ${standing}`,
      data: { value: d.score, subject: n.subject, density: d },
      untrusted: false,
    },
    at,
  );
}
