// The report's evidence list: grouped by the pipeline step that produced it, in
// pipeline order, and in a fixed order within each group — so a report built from
// a live run's evidence (in the order it was found) and one built from the stored
// evidence (in the order the database returns it) are the same report. Each item
// says how it was obtained and, where rows stand behind a figure, whose ids they are.
import type { Evidence, EvidenceKind } from "../evidence.js";
import { clip, flat, type Line, type ListItem, type Section, type Span } from "./document.js";

/** Evidence kinds in the order the pipeline produces them, with the group's heading. */
const GROUPS: readonly { kind: EvidenceKind; heading: string }[] = [
  { kind: "profile", heading: "The subject (intake)" },
  { kind: "indicator", heading: "Catalogued indicators (SQL retrieval)" },
  { kind: "sql", heading: "Model-written SQL (SQL retrieval)" },
  { kind: "web", heading: "Web and corpus search" },
  { kind: "link", heading: "Link analysis (the entity graph)" },
  { kind: "manipulation_attempt", heading: "Manipulation attempts (injection scan)" },
  { kind: "kb", heading: "Knowledge base (guidance)" },
];

/** How many ids behind a figure a line names before it says how many more there are. */
export const IDS_SHOWN = 5;

/** Within a group: by what produced it, our own reading before someone else's words, then id. */
const byProvenance = (a: Evidence, b: Evidence) =>
  a.source.via.localeCompare(b.source.via) ||
  a.source.locator.localeCompare(b.source.locator) ||
  Number(a.untrusted) - Number(b.untrusted) ||
  a.id.localeCompare(b.id);

/** "device_id" → "device", "shipping_address_id" → "shipping address". */
const entityOf = (column: string) => column.slice(0, -3).replaceAll("_", " ");

/**
 * The id a row stands for and a count beside it, if any: its first *_id column, the
 * seller's own only when there is no other (a seller's rows all carry its id).
 */
function rowId(row: unknown): { entity: string; id: string; count?: string } | undefined {
  if (!row || typeof row !== "object") return undefined;
  const entries = Object.entries(row as Record<string, unknown>);
  const ids = entries.filter(([k, v]) => k.endsWith("_id") && typeof v === "string");
  const idEntry = ids.find(([k]) => k !== "seller_id") ?? ids[0];
  if (!idEntry) return undefined;
  const countEntry = entries.find(([, v]) => typeof v === "number");
  return {
    entity: entityOf(idEntry[0]),
    id: flat(idEntry[1] as string),
    ...(countEntry ? { count: `${countEntry[0]}: ${countEntry[1]}` } : {}),
  };
}

/** "behind it: device `dev_1` (buyers: 26), … and 3 more" — or nothing when no row has an id. */
export function idsBehind(e: Evidence): Line | undefined {
  const data = (e.data ?? {}) as { sample?: unknown; rows?: unknown; row_count?: unknown };
  const rows = Array.isArray(data.sample) ? data.sample : Array.isArray(data.rows) ? data.rows : [];
  const ids = rows.map(rowId).filter((r) => r !== undefined);
  if (ids.length === 0) return undefined;
  const total = typeof data.row_count === "number" ? data.row_count : rows.length;
  const line: Span[] = ["behind it: "];
  const shown = ids.slice(0, IDS_SHOWN);
  shown.forEach((r, i) => {
    line.push(`${i ? ", " : ""}${r.entity} `, { code: r.id }, r.count ? ` (${r.count})` : "");
  });
  if (total > shown.length) line.push(` and ${total - shown.length} more`);
  return line.filter((s) => s !== "");
}

/** Where a piece of evidence came from, in words: an indicator, a search and its query... */
function provenance(e: Evidence): Line {
  const query = e.source.params.find((p) => typeof p === "string");
  switch (e.kind) {
    case "web":
      return [`${e.source.via} search for `, { untrusted: clip(flat(String(query ?? "")), 80) }];
    case "kb":
      return ["knowledge base ", { code: e.source.locator }];
    case "manipulation_attempt":
      return ["injection scan of ", { code: String(e.source.params[0] ?? "?") }];
    default:
      return [{ code: e.source.via }];
  }
}

function item(e: Evidence, described: ReadonlySet<string>): ListItem {
  // Whole (the schema bounds a summary at 600 characters): a cut could drop the words that matter.
  const summary: Span = e.untrusted ? { untrusted: flat(e.summary) } : e.summary;
  const line: Line = [{ code: e.id }, " ", ...provenance(e), ": ", summary];
  if (e.untrusted) line.push(" ", { strong: "[untrusted]" });
  const sub: Line[] = [];
  if (described.has(e.id)) sub.push(["quoted in full above, as untrusted text"]);
  if (e.kind === "web" && /^https?:\/\//.test(e.source.locator))
    sub.push(["from ", { untrusted: clip(flat(e.source.locator), 200) }]);
  const behind = idsBehind(e);
  if (behind) sub.push(behind);
  return sub.length ? { line, sub } : { line };
}

/** The evidence, grouped in pipeline order; `described` are items quoted elsewhere in full. */
export function evidenceSections(
  evidence: readonly Evidence[],
  described: ReadonlySet<string>,
): Section[] {
  const known = new Set(GROUPS.map((g) => g.kind));
  const groups = [
    ...GROUPS,
    // A kind added later still shows, after the ones the pipeline order knows.
    ...[...new Set(evidence.map((e) => e.kind))]
      .filter((k) => !known.has(k))
      .sort()
      .map((kind) => ({ kind, heading: kind })),
  ];
  const intro: Section = {
    heading: "Evidence",
    blocks: [
      { kind: "lines", lines: [["Grouped by the step that found it, in the pipeline's order."]] },
    ],
  };
  return [
    intro,
    ...groups.flatMap(({ kind, heading }) => {
      const items = evidence.filter((e) => e.kind === kind).sort(byProvenance);
      if (items.length === 0) return [];
      return [
        {
          heading,
          level: 3 as const,
          blocks: [{ kind: "list" as const, items: items.map((e) => item(e, described)) }],
        },
      ];
    }),
  ];
}
