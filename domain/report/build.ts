// The one report builder: the verdict, its evidence and the analysts' reviews as a
// document an analyst reads top to bottom — the decision, why (findings with their
// evidence), what speaks against it, how the score adds up, what the reflection
// checked, where every piece of evidence came from, and what the run spent. The CLI,
// the API's Markdown and its HTML all render this one document.
import type { Evidence } from "../evidence.js";
import type { Review } from "../review.js";
import type { Finding, Verdict } from "../verdict.js";
import {
  clip,
  flat,
  type Line,
  percent,
  type ReportDocument,
  type Section,
  score,
} from "./document.js";
import { evidenceSections } from "./evidence-section.js";
import { runSection } from "./run-section.js";

function findingLine(finding: Finding, known: ReadonlySet<string>): Line {
  const line: Line = [finding.claim];
  if (finding.weight !== 0)
    line.push(
      ` (${finding.weight > 0 ? "+" : ""}${finding.weight.toFixed(2)} log-odds, ${finding.strength})`,
    );
  line.push(" — evidence ");
  finding.evidence_ids.forEach((id, i) => {
    line.push(i ? ", " : "", { code: id }, known.has(id) ? "" : " (missing!)");
  });
  return line.filter((s) => s !== "");
}

const list = (lines: Line[], none = "none"): Section["blocks"] => [
  { kind: "list", items: (lines.length ? lines : [[none]]).map((line) => ({ line })) },
];

function summary(verdict: Verdict): ReportDocument["summary"] {
  const top = verdict.typologies[0];
  const decided = verdict.decision === "fraud" || verdict.decision === "suspicious";
  const blocks: ReportDocument["summary"] = [
    {
      kind: "lines",
      lines: [
        [{ strong: `Decision: ${verdict.decision}` }, top && decided ? ` — ${top.typology}` : ""],
        [
          `Risk score ${score(verdict.risk_score)} · confidence ${percent(verdict.confidence)} · recommended action `,
          { strong: verdict.recommended_action },
          " · human review ",
          verdict.needs_human_review ? { strong: "needed" } : "not needed",
        ],
        [
          `Mode ${verdict.mode} · as of ${verdict.as_of} · ${verdict.evidence_count} pieces of evidence`,
        ],
      ],
    },
  ];
  if (verdict.reason) blocks.push({ kind: "note", line: [verdict.reason] });
  if (verdict.partial)
    blocks.push({
      kind: "note",
      line: [
        { strong: "Partial verdict:" },
        ` the ${verdict.partial.budget} budget ran out (${verdict.partial.detail}); it rests on what was gathered until then.`,
      ],
    });
  return blocks;
}

/** The seller's own words, quoted whole: the text an injection would hide in. */
function descriptions(evidence: readonly Evidence[]): { section?: Section; ids: Set<string> } {
  const quoted = evidence.filter((e) => {
    const data = e.data as { description?: unknown } | null;
    return e.kind === "profile" && e.untrusted && typeof data?.description === "string";
  });
  if (quoted.length === 0) return { ids: new Set() };
  return {
    ids: new Set(quoted.map((e) => e.id)),
    section: {
      heading: "The seller's shop description",
      blocks: quoted.map((e) => ({
        kind: "quote" as const,
        label: `${e.id}: written by the seller, untrusted — shown as data, never followed`,
        text: clip((e.data as { description: string }).description, 2000),
      })),
    },
  };
}

function reviewsSection(reviews: readonly Review[]): Section[] {
  if (reviews.length === 0) return [];
  const lines = reviews.map(
    (r): Line => [
      `${r.createdAt}: `,
      { untrusted: clip(flat(r.reviewer), 200) },
      r.outcome === "approved" ? " approved" : " overrode it to ",
      r.outcome === "approved" ? "" : { strong: String(r.decision) },
      " (verdict hash ",
      { code: `${r.verdictHash.slice(0, 16)}…` },
      "): ",
      { untrusted: clip(flat(r.reason), 1000) },
    ],
  );
  return [{ heading: "Reviews", blocks: list(lines.map((l) => l.filter((s) => s !== ""))) }];
}

export function buildReport(input: {
  verdict: Verdict;
  evidence: readonly Evidence[];
  reviews?: readonly Review[];
}): ReportDocument {
  const { verdict, evidence } = input;
  const known = new Set(evidence.map((e) => e.id));
  const shop = descriptions(evidence);
  const sections: Section[] = [];
  if (shop.section) sections.push(shop.section);
  if (verdict.typologies.length)
    sections.push({
      heading: "Typologies",
      blocks: [
        {
          kind: "table",
          head: ["typology", "probability"],
          rows: verdict.typologies.map((t) => [[t.typology], [percent(t.confidence)]]),
        },
      ],
    });
  sections.push(
    { heading: "Findings", blocks: list(verdict.findings.map((f) => findingLine(f, known))) },
    {
      heading: "Counter-evidence",
      blocks: list(verdict.counter_evidence.map((f) => findingLine(f, known))),
    },
  );
  if (verdict.guidance.length)
    sections.push({
      heading: "Guidance followed (knowledge base)",
      blocks: list(
        verdict.guidance.map((g) => [{ code: g.evidence_id }, ` ${g.heading} (${g.doc_id})`]),
      ),
    });
  if (verdict.manipulation_attempts.length)
    sections.push({
      heading: "Manipulation attempts (recorded, never obeyed)",
      // The whole summary (at most 600 characters): cutting it could cut the very words that tell what was tried.
      blocks: list(
        verdict.manipulation_attempts.map((m) => [
          { code: m.evidence_id },
          " ",
          { untrusted: flat(m.summary) },
        ]),
      ),
    });
  if (verdict.related_cases?.length)
    sections.push({
      heading: "Cases that belong together",
      blocks: list(
        verdict.related_cases.map((c) => [
          { code: c.case_id },
          ` — seller ${c.seller_id}, ${c.hop === 1 ? "linked directly" : `${c.hop} hops out`} through ${c.via.join(", ") || "shared attributes"}; ${c.decision ? `decided ${c.decision.replaceAll("_", " ")}` : `open (${c.status})`} `,
          { code: c.evidence_id },
        ]),
      ),
    });
  sections.push(
    { heading: "How the score adds up", blocks: list(verdict.reasoning.map((step) => [step])) },
    {
      heading: "What would change the decision",
      blocks: verdict.counterfactuals.length
        ? list(
            verdict.counterfactuals.map((c) => [
              `${c.statement}: a move of ${c.spreads.toFixed(2)} category spreads `,
              { code: c.evidence_id },
            ]),
          )
        : list([
            [
              verdict.decision === "insufficient_evidence"
                ? "nothing: the evidence is too thin to decide either way"
                : "no change of a single indicator would move the decision to a neighbouring one",
            ],
          ]),
    },
    {
      heading: "Reflection",
      blocks: [
        {
          kind: "list",
          items: [
            {
              line: [
                verdict.reflection.passed ? "every check passed" : "checks that did not pass:",
              ],
              ...(verdict.reflection.issues.length
                ? { sub: verdict.reflection.issues.map((issue) => [issue]) }
                : {}),
            },
          ],
        },
      ],
    },
    ...evidenceSections(evidence, shop.ids),
    runSection(verdict),
    ...reviewsSection(input.reviews ?? []),
  );
  return {
    title: `Case ${verdict.case_id}: ${verdict.subject.type} ${verdict.subject.id}`,
    summary: summary(verdict),
    sections,
  };
}
